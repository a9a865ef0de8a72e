/** The store against fake-indexeddb (Node only; the app uses the browser's IndexedDB). */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { SessionRecorder } from './recorder';
import { sampleHistory } from './sample';
import { MESSAGES, openHistory, type HistoryStore } from './store';
import { stretchSetFromSummary } from './from-coach';

const NOW = new Date(2026, 2, 10, 18, 0).getTime();
const now = () => NOW;
const NAME = 'test-history';
const open = (extra = {}) => openHistory({ name: NAME, now, ...extra });

let stores: HistoryStore[] = [];
async function track(p: Promise<HistoryStore>): Promise<HistoryStore> {
	const s = await p;
	stores.push(s);
	return s;
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	stores = [];
});
afterEach(() => {
	vi.restoreAllMocks();
	for (const s of stores) s.close();
});

/** indexedDB.open whose answer (success or error) comes `ms` late: what a loaded machine does. */
function slowOpen(ms: number) {
	const factory = globalThis.indexedDB;
	const realOpen = factory.open.bind(factory);
	return vi.spyOn(factory, 'open').mockImplementation((...args: Parameters<IDBFactory['open']>) => {
		const req = realOpen(...args);
		const dispatch = req.dispatchEvent.bind(req);
		req.dispatchEvent = (e: Event) => {
			if (e.type !== 'success' && e.type !== 'error') return dispatch(e);
			setTimeout(() => dispatch(e), ms);
			return true;
		};
		return req;
	});
}

function quotaError(): DOMException {
	return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

describe('a session written as it happens', () => {
	it('keeps running totals on every update, so a crash before the end loses nothing written', async () => {
		const a = await track(open());
		const s = await a.startSession('workout', { start: NOW - 30 * 60_000 });
		expect(await a.updateSession(s.id, { minutes: { upright: 10, slouched: 2 }, at: NOW - 18 * 60_000 })).toBe(true);
		await a.addNudge({ sessionId: s.id, detected: 'hands_on_knees', style: 'voice', t: NOW - 17 * 60_000, id: 'n1' });
		// "Crash": no endSession, no close; another tab (or the reloaded page) opens the same database.
		const b = await track(open());
		const [seen] = await b.listSessions();
		expect(seen).toMatchObject({ id: s.id, end: null, updatedAt: NOW - 18 * 60_000, minutes: { upright: 10, slouched: 2 } });
		expect((await b.listNudges()).map((n) => n.id)).toEqual(['n1']);
	});

	it('ends a session, resolves nudges and stores stretch sets, and summarises the day', async () => {
		const h = await track(open());
		const s = await h.startSession('stretch', { start: NOW - 60 * 60_000 });
		const n = await h.addNudge({ sessionId: s.id, detected: 'slouched', style: 'banner', t: NOW - 50 * 60_000 });
		expect(await h.resolveNudge(n.id, 'stretched', NOW - 49 * 60_000)).toBe(true);
		await h.addStretchSet({
			sessionId: s.id,
			exercise: 'cobra',
			start: NOW - 45 * 60_000,
			end: NOW - 40 * 60_000,
			reps: [
				{ n: 1, peakDeg: 30, holdS: 2, score: 70, faults: ['hips_lifted'] },
				{ n: 2, peakDeg: 35, holdS: 3, score: 90, faults: [] }
			]
		});
		await h.addStretchSet({ sessionId: s.id, exercise: 'sphinx', start: NOW - 40 * 60_000, end: NOW - 30 * 60_000, holdsS: [300, 120] });
		expect(await h.endSession(s.id, { minutes: { upright: 20, cobra: 5, sphinx: 7, slouched: 3 }, end: NOW - 10 * 60_000 })).toBe(true);

		const [rec] = await h.listSessions();
		expect(rec.end).toBe(NOW - 10 * 60_000);
		const sets = await h.listStretchSets();
		const cobra = sets.find((x) => x.exercise === 'cobra')!;
		expect(cobra).toMatchObject({ score: 80, totalHoldS: 5, holdsS: [2, 3], faults: { hips_lifted: 1 } });
		expect(sets.find((x) => x.exercise === 'sphinx')).toMatchObject({ totalHoldS: 420, score: null });
		const days = await h.dailySummaries(7);
		expect(days).toHaveLength(7);
		expect(days[6]).toMatchObject({ sessions: 1, minutesSlouched: 3, minutesUpright: 32, percentUpright: 91, nudges: 1, nudgesFollowed: 1, stretchSets: 2, bestPeakDeg: { cobra: 35 }, totalHoldS: 420 });
	});

	it('updates a running stretch set in place (same id) after each rep', async () => {
		const h = await track(open());
		const s = await h.startSession('stretch', { start: NOW - 10 * 60_000 });
		const rep = (n: number) => ({ n, peakDeg: 20 + n, holdS: 1, score: 80, faults: [] });
		const first = await h.addStretchSet({ sessionId: s.id, exercise: 'back_extension', start: NOW - 9 * 60_000, reps: [rep(1)] });
		await h.addStretchSet({ id: first.id, sessionId: s.id, exercise: 'back_extension', start: NOW - 9 * 60_000, reps: [rep(1), rep(2)] });
		const sets = await h.listStretchSets();
		expect(sets).toHaveLength(1);
		expect(sets[0].reps).toHaveLength(2);
	});

	it('says false for unknown ids and refuses invalid data with a RangeError', async () => {
		const h = await track(open());
		expect(await h.updateSession('nope', { minutes: { upright: 1 } })).toBe(false);
		expect(await h.resolveNudge('nope', 'ignored')).toBe(false);
		const s = await h.startSession('desk', { start: NOW - 60_000 });
		await expect(h.updateSession(s.id, { minutes: { slouched: -1 } })).rejects.toThrow(RangeError);
		await expect(h.updateSession(s.id, { minutes: { upright: NaN } })).rejects.toThrow(/minutes\.upright/);
		// The failed update left the stored record as it was.
		expect((await h.listSessions())[0].minutes).toEqual({});
	});

	it('the recorder flushes running minutes per label and ends the session', async () => {
		{
			const h = await track(open());
			let t = NOW - 10 * 60_000;
			const rec = new SessionRecorder(h, 'desk', { flushMs: 600_000, now: () => t });
			const s = await rec.start();
			for (let i = 0; i < 60; i++) {
				rec.observe(i < 40 ? 'upright' : 'slouched', t);
				t += 1000;
			}
			await rec.flush();
			const mid = (await h.listSessions())[0];
			expect(mid.end).toBeNull();
			expect(mid.minutes.upright).toBeCloseTo(40 / 60, 5);
			expect(mid.minutes.slouched).toBeCloseTo(19 / 60, 5);
			rec.gap();
			t += 60_000; // away: not counted
			rec.observe('upright', t);
			t += 3000;
			await rec.end(t);
			const done = (await h.listSessions())[0];
			expect(done.id).toBe(s.id);
			expect(done.end).toBe(t);
			expect(done.minutes.upright).toBeCloseTo(43 / 60, 5);
			expect(done.minutes.slouched).toBeCloseTo(19 / 60, 5);
		}
	});

	it('turns a coach summary into a stretch set', async () => {
		const h = await track(open());
		const s = await h.startSession('stretch', { start: NOW - 10 * 60_000 });
		const set = await h.addStretchSet(
			stretchSetFromSummary(
				{
					exercise: 'cobra',
					reps: 2,
					bestPeakDeg: 33,
					holdsS: [1, 2],
					totalHoldS: 3,
					scores: [60, 80],
					repDetails: [
						{ n: 1, peakDeg: 30, holdS: 1, score: 60, faults: ['neck_cranked'] },
						{ n: 2, peakDeg: 33, holdS: 2, score: 80, faults: [] }
					],
					faults: { neck_cranked: 1 },
					improved: []
				},
				{ sessionId: s.id, start: NOW - 9 * 60_000, end: NOW - 8 * 60_000 }
			)
		);
		expect(set).toMatchObject({ score: 70, totalHoldS: 3, faults: { neck_cranked: 1 } });
	});
});

describe('export and import', () => {
	it('round-trips through JSON into an empty history', async () => {
		const a = await track(openHistory({ name: 'a', now }));
		expect((await a.importJSON(JSON.stringify(sampleHistory(5, NOW)))).ok).toBe(true);
		const text = await a.exportJSON();
		const b = await track(openHistory({ name: 'b', now }));
		const r = await b.importJSON(text);
		expect(r).toMatchObject({ ok: true, saved: true, skipped: { sessions: 0, nudges: 0, stretchSets: 0 } });
		const again = await b.exportJSON();
		const strip = (s: string) => ({ ...JSON.parse(s), exportedAt: null });
		expect(strip(again)).toEqual(strip(text));
		expect(await b.dailySummaries(5)).toEqual(await a.dailySummaries(5));
	});

	it('keeps records already there and counts them as skipped', async () => {
		const h = await track(open());
		const text = JSON.stringify(sampleHistory(2, NOW));
		const first = await h.importJSON(text);
		const second = await h.importJSON(text);
		expect(first.ok && second.ok).toBe(true);
		if (first.ok && second.ok) {
			expect(second.added).toEqual({ sessions: 0, nudges: 0, stretchSets: 0 });
			expect(second.skipped).toEqual(first.added);
			expect(second.message).toMatch(/already in your history/);
		}
	});

	it('refuses a corrupted file with a clear message and leaves the history untouched', async () => {
		const h = await track(open());
		await h.importJSON(JSON.stringify(sampleHistory(3, NOW)));
		const before = await h.exportJSON();
		const bad = sampleHistory(2, NOW - 30 * 86400_000);
		(bad.stretchSets[3].holdsS as unknown[])[0] = 'long';
		for (const text of [JSON.stringify(bad), '{"format":"backcheck-history","schemaVersion":1,"sessions":[', '<html>not json</html>']) {
			const r = await h.importJSON(text);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.message).toMatch(/Nothing was imported; your history is unchanged\./);
		}
		const r = await h.importJSON(JSON.stringify(bad));
		if (!r.ok) expect(r.message).toContain('stretchSets[3].holdsS[0]: must be a number from 0 to 3600 (got "long")');
		expect(await h.exportJSON()).toBe(before);
	});

	it('writes an import in one transaction: a write failing half-way keeps none of it in storage', async () => {
		const h = await track(open());
		const proto = globalThis.IDBObjectStore.prototype;
		const put = proto.put;
		let calls = 0;
		vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
			if (++calls === 5) throw quotaError();
			return put.apply(this, args);
		});
		const r = await h.importJSON(JSON.stringify(sampleHistory(3, NOW)));
		vi.restoreAllMocks();
		// The page still gets the import for this visit, and is told it is not saved.
		expect(r).toMatchObject({ ok: true, saved: false });
		expect(h.status).toBe('full');
		expect(h.message).toMatch(/^History is not being saved: the storage for Backcheck on this device is full/);
		expect((await h.listSessions()).length).toBeGreaterThan(0);
		// Storage holds none of the batch.
		const fresh = await track(open());
		expect(await fresh.listSessions()).toEqual([]);
		expect(await fresh.listStretchSets()).toEqual([]);
	});

	it('clears everything', async () => {
		const h = await track(open());
		await h.importJSON(JSON.stringify(sampleHistory(2, NOW)));
		await h.clear();
		expect(await h.listSessions()).toEqual([]);
		expect(JSON.parse(await h.exportJSON())).toMatchObject({ sessions: [], nudges: [], stretchSets: [] });
	});
});

describe('when storage fails', () => {
	it('indexedDB.open throwing (private mode): in memory, status unavailable, everything still works', async () => {
		vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
			throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
		});
		const h = await track(open());
		expect(h.status).toBe('unavailable');
		expect(h.message).toMatch(/^History is not being saved: this browser is not letting Backcheck store data/);
		const s = await h.startSession('desk', { start: NOW - 60_000 });
		await h.updateSession(s.id, { minutes: { upright: 1 } });
		expect((await h.listSessions())[0].minutes).toEqual({ upright: 1 });
		expect((await h.importJSON(JSON.stringify(sampleHistory(2, NOW)))).ok).toBe(true);
	});

	it('no IndexedDB at all', async () => {
		const saved = globalThis.indexedDB;
		// @ts-expect-error: a browser without IndexedDB
		delete globalThis.indexedDB;
		try {
			const h = await track(open());
			expect(h.status).toBe('unavailable');
			expect(h.message).toMatch(/no IndexedDB/);
		} finally {
			globalThis.indexedDB = saved;
		}
	});

	it('a database from a newer version (VersionError on open) is left alone', async () => {
		const db = await openDB(NAME, 7);
		db.close();
		const h = await track(open());
		expect(h.status).toBe('unavailable');
		expect(h.message).toMatch(/newer version/);
	});

	it('an open the browser never answers is not a refusal: in memory, status opening, a neutral message', async () => {
		vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(function (this: IDBFactory) {
			// A request that never fires: a stuck or very loaded browser.
			return new (globalThis.IDBOpenDBRequest as unknown as new () => IDBOpenDBRequest)();
		});
		const h = await track(open({ openTimeoutMs: 50 }));
		expect(h.status).toBe('opening');
		expect(h.message).toBe(MESSAGES.opening);
		expect(h.message).not.toMatch(/not being saved|private/);
		const s = await h.startSession('desk', { start: NOW - 60_000 });
		expect(await h.updateSession(s.id, { minutes: { upright: 1 } })).toBe(true);
		expect((await h.listSessions())[0].minutes).toEqual({ upright: 1 });
		const imported = await h.importJSON(JSON.stringify(sampleHistory(1, NOW)));
		expect(imported).toMatchObject({ ok: true, saved: false });
		expect(imported.ok && imported.message).toMatch(/saved as soon as the browser opens its storage/);
	});

	it('an open another tab blocks says so (the browser\'s blocked event), not private browsing', async () => {
		vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(function (this: IDBFactory) {
			const req = new (globalThis.IDBOpenDBRequest as unknown as new () => IDBOpenDBRequest)();
			setTimeout(() => req.dispatchEvent(new IDBVersionChangeEvent('blocked', { oldVersion: 1, newVersion: 1 })), 5);
			return req;
		});
		const h = await track(open({ openTimeoutMs: 50 }));
		expect(h.status).toBe('unavailable');
		expect(h.message).toBe(MESSAGES.blocked);
	});

	it('an open the browser answers after the timeout: no refusal, and what was written meanwhile ends up stored with the rest', async () => {
		const before = await track(open());
		await before.startSession('desk', { start: NOW - 3 * 3_600_000, id: 'stored-before' });
		before.close();

		const slow = slowOpen(300);
		const h = await track(open({ openTimeoutMs: 50 }));
		slow.mockRestore();
		const seen: Array<[string, string | null]> = [];
		h.subscribe(() => seen.push([h.status, h.message]));
		expect(h.status).toBe('opening');
		expect(h.message).toBe(MESSAGES.opening);

		// Meanwhile the page goes on: a session, its running totals, a nudge, kept in memory.
		const s = await h.startSession('workout', { start: NOW - 10 * 60_000 });
		await h.addNudge({ sessionId: s.id, detected: 'slouched', style: 'banner', t: NOW - 9 * 60_000, id: 'nudge-meanwhile' });
		expect((await h.listSessions()).map((x) => x.id)).toEqual([s.id]);
		expect(await h.updateSession(s.id, { minutes: { upright: 3 } })).toBe(true);
		// The page writes again at the very moment what was held moves into IndexedDB: that write must not be
		// left behind in memory.
		let during: Promise<boolean> | null = null;
		const put = globalThis.IDBObjectStore.prototype.put;
		vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
			if (this.name === 'sessions' && h.status === 'opening') during ??= h.updateSession(s.id, { minutes: { upright: 4 } });
			return put.apply(this, args);
		});
		await vi.waitFor(() => expect(h.status).not.toBe('opening'), { timeout: 3000 });
		vi.restoreAllMocks();
		expect(during).not.toBeNull();
		expect(await during).toBe(true);

		expect(h.status).toBe('ok');
		expect(h.message).toBeNull();
		// Told nothing but "still opening", then saving: never "not being saved".
		expect([...new Set(seen.map(([status]) => status))]).toEqual(['opening', 'ok']);
		expect(seen.filter(([, message]) => message !== MESSAGES.opening && message !== null)).toEqual([]);
		// One history again: what was stored before and what was written meanwhile.
		expect((await h.listSessions()).map((x) => x.id).sort()).toEqual([s.id, 'stored-before'].sort());
		expect(await h.endSession(s.id, { end: NOW - 60_000 })).toBe(true);

		const fresh = await track(open());
		const stored = await fresh.listSessions();
		expect(stored.map((x) => x.id).sort()).toEqual([s.id, 'stored-before'].sort());
		expect(stored.find((x) => x.id === s.id)).toMatchObject({ minutes: { upright: 4 }, end: NOW - 60_000 });
		expect((await fresh.listNudges()).map((n) => n.id)).toEqual(['nudge-meanwhile']);
	});

	it('a slow open that then fails says why, and keeps what was written meanwhile for the visit', async () => {
		const db = await openDB(NAME, 7);
		db.close();
		const slow = slowOpen(150);
		const h = await track(open({ openTimeoutMs: 30 }));
		slow.mockRestore();
		expect(h.status).toBe('opening');
		const s = await h.startSession('desk', { start: NOW - 60_000 });
		await vi.waitFor(() => expect(h.status).toBe('unavailable'), { timeout: 2000 });
		expect(h.message).toMatch(/newer version/);
		expect((await h.listSessions()).map((x) => x.id)).toEqual([s.id]);
	});

	it('full at open (the probe write fails): status full, existing history still shown', async () => {
		const a = await track(open());
		await a.importJSON(JSON.stringify(sampleHistory(2, NOW)));
		a.close();
		vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw quotaError();
		});
		const h = await track(open());
		expect(h.status).toBe('full');
		expect(h.message).toMatch(/^History is not being saved: .* full/);
		expect((await h.listSessions()).length).toBeGreaterThan(0);
		const s = await h.startSession('workout', { start: NOW - 60_000 });
		expect(await h.updateSession(s.id, { minutes: { upright: 1 } })).toBe(true);
	});

	it('full mid-session: the next write carries on in memory and the status says so', async () => {
		const h = await track(open());
		const seen: string[] = [];
		h.subscribe(() => seen.push(h.status));
		const s = await h.startSession('workout', { start: NOW - 60_000 });
		vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw quotaError();
		});
		expect(await h.updateSession(s.id, { minutes: { slouched: 0.5 } })).toBe(true);
		expect(h.status).toBe('full');
		expect(seen).toContain('full');
		expect((await h.listSessions())[0].minutes).toEqual({ slouched: 0.5 });
	});
});

describe('damaged stored data', () => {
	it('skips and removes bad records, reports how many, keeps the rest', async () => {
		const a = await track(open());
		await a.importJSON(JSON.stringify(sampleHistory(2, NOW)));
		const total = (await a.listSessions()).length;
		a.close();
		const db = await openDB(NAME);
		await db.put('sessions', { id: 'bad1', kind: 'yoga' }, 'bad1');
		await db.put('sessions', 'not a record', 'bad2');
		await db.put('nudges', { id: 'other-key' }, 'bad3');
		await db.put('stretchSets', { id: 'bad4', exercise: 'cobra', reps: 'many' }, 'bad4');
		db.close();

		const h = await track(open());
		expect(h.status).toBe('ok');
		expect(h.recovery).toMatchObject({ skipped: 4, reset: false });
		expect(h.recovery?.message).toMatch(/^4 damaged history records could not be read and were removed/);
		expect(await h.listSessions()).toHaveLength(total);
		// Removed: the next open finds nothing to report.
		h.close();
		const again = await track(open());
		expect(again.recovery).toBeNull();
	});

	it('a database without our object stores is reset, with a message', async () => {
		const db = await openDB(NAME, 1, { upgrade: (d) => void d.createObjectStore('something-else') });
		db.close();
		const h = await track(open());
		expect(h.status).toBe('ok');
		expect(h.recovery).toMatchObject({ reset: true });
		expect(h.recovery?.message).toMatch(/damaged and could not be read, so it was started afresh/);
		const s = await h.startSession('desk', { start: NOW - 60_000 });
		expect((await h.listSessions())[0].id).toBe(s.id);
	});
});
