/**
 * The history store: sessions, nudges and stretch sets kept on this device.
 *
 * Everything is written as it happens (a session's running totals on each `updateSession`, each nudge, each
 * set), so a reload or a crash loses at most the last few seconds. Storage faults never reach the page as
 * thrown errors: when IndexedDB is refused (private mode, blocked), fails, or is full, the store carries on in
 * memory for this visit and says so through `status` and `message`; damaged stored records are skipped and
 * removed (`recovery` says how many), and a database that cannot be read at all is started afresh.
 * An open the browser is slow to answer (seconds, on a loaded machine) is not a refusal: the store works in
 * memory meanwhile (status 'opening'), keeps waiting, and moves what it held into IndexedDB once it opens.
 */
import { IdbBackend, MemoryBackend, OpenFailure, TIMED_OUT, isQuotaError, within, DB_NAME, type Backend, type Batch, type IdbHooks, type PendingOpen } from './backend';
import { summarize, windowStart } from './summary';
import {
	EXPORT_FORMAT,
	RECORD_KINDS,
	SCHEMA_VERSION,
	type DailySummary,
	type ExerciseBout,
	type HistoryExport,
	type ImportCounts,
	type ImportResult,
	type NudgeOutcome,
	type NudgeRecord,
	type NudgeStyle,
	type PostureMinutes,
	type RecordKind,
	type RecoveryReport,
	type SessionKind,
	type SessionRecord,
	type StoreStatus,
	type StretchSetRecord,
	type TimeRange
} from './types';
import { checkRecord, parseExport, type RecordOf } from './validate';
import type { PostureLabel } from '../posture/types';
import type { ExerciseName } from '../coach/types';

export const MESSAGES = {
	refused:
		'History is not being saved: this browser is not letting Backcheck store data (private browsing, or site data blocked). Everything else works; what you do now is kept until you close this tab.',
	unsupported: 'History is not being saved: this browser has no IndexedDB storage. Everything else works; what you do now is kept until you close this tab.',
	newer: 'History is not being saved: it was stored by a newer version of Backcheck. Reload the page to get the newer version.',
	blocked: 'History is not being saved: another Backcheck tab is holding the storage. Close other Backcheck tabs, then reload.',
	full: 'History is not being saved: the storage for Backcheck on this device is full. Free some disk space (or export and clear old history), then reload. What you do now is kept until you close this tab.',
	failed: 'History is not being saved: the browser stopped storing data for Backcheck. Reload to try again; what you do now is kept until you close this tab.',
	versionChange: 'History is not being saved in this tab: another Backcheck tab upgraded the storage. Reload this tab.',
	/** Not a warning: the browser is slow to open its storage, nothing is lost. */
	opening: 'History is still opening: the browser is slow to open its storage. What you do now is kept and saved as soon as it opens.'
} as const;

/** A session's running totals, as the watch flushes them. */
export interface SessionPatch {
	/** Minutes per posture label so far (replaces the stored totals). */
	minutes?: PostureMinutes;
	/** Exercise bouts so far (replaces the stored list). */
	bouts?: ExerciseBout[];
	/** When these totals were taken (default now). */
	at?: number;
}

export interface NewNudge {
	sessionId: string;
	detected: PostureLabel;
	style: NudgeStyle;
	t?: number;
	id?: string;
}

/** A stretch set to add, or to update while it runs (same id): totals are computed when left out. */
export interface NewStretchSet {
	id?: string;
	sessionId: string;
	exercise: ExerciseName;
	start: number;
	end?: number;
	reps?: StretchSetRecord['reps'];
	holdsS?: number[];
	totalHoldS?: number;
	score?: number | null;
	faults?: StretchSetRecord['faults'];
	source?: StretchSetRecord['source'];
}

export interface HistoryStore {
	/** 'opening': the browser has not answered the open yet; what is written meanwhile is kept and saved once it does. */
	readonly status: StoreStatus;
	/** "History is not being saved: ..." when unavailable or full; the neutral MESSAGES.opening while opening; else null. */
	readonly message: string | null;
	/** What was found damaged in storage at open (null when nothing was). */
	readonly recovery: RecoveryReport | null;
	/** Called after the status changes or the data changes; returns an unsubscribe function. */
	subscribe(listener: () => void): () => void;
	startSession(kind: SessionKind, opts?: { start?: number; id?: string }): Promise<SessionRecord>;
	/** Writes the running totals now; false when there is no such session. */
	updateSession(id: string, patch: SessionPatch): Promise<boolean>;
	/** Final totals and the end time (default now); false when there is no such session. */
	endSession(id: string, patch?: SessionPatch & { end?: number }): Promise<boolean>;
	addNudge(nudge: NewNudge): Promise<NudgeRecord>;
	/** What followed the nudge; false when there is no such nudge. */
	resolveNudge(id: string, outcome: NudgeOutcome, at?: number): Promise<boolean>;
	/** Adds a set, or replaces the one with the same id (write after each rep so a crash loses none). */
	addStretchSet(set: NewStretchSet): Promise<StretchSetRecord>;
	/** Sessions that started in the range, newest first. */
	listSessions(range?: TimeRange): Promise<SessionRecord[]>;
	listNudges(range?: TimeRange): Promise<NudgeRecord[]>;
	listStretchSets(range?: TimeRange): Promise<StretchSetRecord[]>;
	/** One summary per local day for the `days` days ending today, oldest first. */
	dailySummaries(days: number, now?: number): Promise<DailySummary[]>;
	exportJSON(): Promise<string>;
	/** Validates the whole file first; writes it in one transaction, or not at all. Never throws. */
	importJSON(text: string): Promise<ImportResult>;
	clear(): Promise<void>;
	close(): void;
}

export interface OpenOptions {
	/** Database name (tests use their own). */
	name?: string;
	/**
	 * How long openHistory waits for the browser before it hands back a store working in memory (status
	 * 'opening', or 'unavailable' when another tab blocks the open); the open goes on after that.
	 */
	openTimeoutMs?: number;
	now?: () => number;
}

function newId(): string {
	const c = globalThis.crypto;
	if (c && typeof c.randomUUID === 'function') return c.randomUUID();
	return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function inRange(t: number, r: TimeRange | undefined): boolean {
	return (r?.from === undefined || t >= r.from) && (r?.to === undefined || t <= r.to);
}

function invalid(what: string, problems: string[]): RangeError {
	return new RangeError(`history: invalid ${what}: ${problems.slice(0, 3).join('; ')}`);
}

const zeroCounts = (): ImportCounts => ({ sessions: 0, nudges: 0, stretchSets: 0 });

function plural(n: number, one: string, many = one + 's'): string {
	return `${n} ${n === 1 ? one : many}`;
}

class Store implements HistoryStore {
	status: StoreStatus = 'ok';
	message: string | null = null;
	recovery: RecoveryReport | null = null;
	#backend: Backend;
	#listeners = new Set<() => void>();
	#now: () => number;
	/** Set while what was held in memory moves into IndexedDB: storage operations wait for it. */
	#moving: Promise<void> | null = null;
	#closed = false;

	constructor(backend: Backend, now: () => number) {
		this.#backend = backend;
		this.#now = now;
	}

	get backendKind(): Backend['kind'] {
		return this.#backend.kind;
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	notify(): void {
		for (const l of this.#listeners) {
			try {
				l();
			} catch {
				// A listener's bug is not the store's.
			}
		}
	}

	setStatus(status: StoreStatus, message: string | null): void {
		this.status = status;
		this.message = message;
		this.notify();
	}

	/** From IndexedDB to memory, keeping what can still be read. */
	async degrade(status: 'unavailable' | 'full', message: string): Promise<void> {
		const old = this.#backend;
		if (old.kind === 'memory') {
			if (this.status === 'ok' || this.status === 'opening') this.setStatus(status, message);
			return;
		}
		const seed: Partial<Record<RecordKind, [string, unknown][]>> = {};
		for (const k of RECORD_KINDS) {
			try {
				seed[k] = (await old.entries(k)).filter(([, v]) => checkRecord(k, v, { now: this.#now() }).ok);
			} catch {
				seed[k] = [];
			}
		}
		try {
			old.close();
		} catch {
			// Already closed.
		}
		this.#backend = new MemoryBackend(seed);
		this.setStatus(status, message);
	}

	/**
	 * Takes over `opened` (the store made on the database once a slow open finished): what this store held in
	 * memory is written into it in one transaction, then this store works on its storage with its status. Storage
	 * operations wait meanwhile, so nothing written during the move is left behind in memory.
	 */
	async adopt(opened: Store): Promise<void> {
		// Something else went wrong meanwhile (another tab upgraded the storage, the store was closed): stay as is.
		if (this.#closed || this.#backend.kind !== 'memory' || (this.status !== 'opening' && this.message !== MESSAGES.blocked)) {
			opened.close();
			return;
		}
		let done!: () => void;
		this.#moving = new Promise((resolve) => (done = resolve));
		try {
			const held: Batch = {};
			// Memory reads copy at once, so every write that got in before the gate is in the copy.
			for (const k of RECORD_KINDS) held[k] = (await this.#backend.entries(k)).map(([, v]) => v as { id: string });
			// A write that fails here leaves `opened` in memory with its status (full, failed) and the records.
			await opened.#run((b) => b.putAll(held));
			this.#backend = opened.#backend;
			this.recovery = opened.recovery;
			this.setStatus(opened.status, opened.message);
		} finally {
			this.#moving = null;
			done();
		}
	}

	/** Runs a storage operation; when IndexedDB fails, carries on in memory and runs it there. */
	async #run<T>(op: (b: Backend) => Promise<T>): Promise<T> {
		while (this.#moving) await this.#moving;
		const b = this.#backend;
		try {
			return await op(b);
		} catch (e) {
			if (e instanceof RangeError || b.kind === 'memory') throw e;
			if (this.#backend === b) await this.degrade(isQuotaError(e) ? 'full' : 'unavailable', isQuotaError(e) ? MESSAGES.full : MESSAGES.failed);
			return await op(this.#backend);
		}
	}

	async #valid<K extends RecordKind>(kind: K): Promise<RecordOf<K>[]> {
		const now = this.#now();
		const entries = await this.#run((b) => b.entries(kind));
		const out: RecordOf<K>[] = [];
		for (const [, v] of entries) {
			const c = checkRecord(kind, v, { now });
			if (c.ok) out.push(c.value);
		}
		return out;
	}

	#checked<K extends RecordKind>(kind: K, value: RecordOf<K>, what: string): RecordOf<K> {
		const c = checkRecord(kind, value, { now: this.#now() });
		if (!c.ok) throw invalid(what, c.problems);
		return c.value;
	}

	async startSession(kind: SessionKind, opts: { start?: number; id?: string } = {}): Promise<SessionRecord> {
		const start = opts.start ?? this.#now();
		const rec = this.#checked('sessions', { id: opts.id ?? newId(), kind, start, end: null, updatedAt: start, minutes: {}, bouts: [] }, 'session');
		await this.#run((b) => b.put('sessions', rec));
		this.notify();
		return rec;
	}

	#patchSession(id: string, patch: SessionPatch, end: number | undefined): Promise<boolean> {
		return this.#run((b) =>
			b.update('sessions', id, (old) => {
				if (!checkRecord('sessions', old, { now: this.#now() }).ok) return null;
				const s = old as SessionRecord;
				const at = end ?? patch.at ?? this.#now();
				const next: SessionRecord = {
					...s,
					minutes: patch.minutes ? { ...patch.minutes } : s.minutes,
					bouts: patch.bouts ? patch.bouts.map((x) => ({ ...x })) : s.bouts,
					updatedAt: Math.max(s.start, at),
					end: end !== undefined ? Math.max(s.start, end) : s.end
				};
				return this.#checked('sessions', next, 'session update');
			})
		).then((changed) => {
			if (changed) this.notify();
			return changed;
		});
	}

	updateSession(id: string, patch: SessionPatch): Promise<boolean> {
		return this.#patchSession(id, patch, undefined);
	}

	endSession(id: string, patch: SessionPatch & { end?: number } = {}): Promise<boolean> {
		return this.#patchSession(id, patch, patch.end ?? patch.at ?? this.#now());
	}

	async addNudge(n: NewNudge): Promise<NudgeRecord> {
		const rec = this.#checked(
			'nudges',
			{ id: n.id ?? newId(), sessionId: n.sessionId, t: n.t ?? this.#now(), detected: n.detected, style: n.style, outcome: null, resolvedAt: null },
			'nudge'
		);
		await this.#run((b) => b.put('nudges', rec));
		this.notify();
		return rec;
	}

	async resolveNudge(id: string, outcome: NudgeOutcome, at?: number): Promise<boolean> {
		const changed = await this.#run((b) =>
			b.update('nudges', id, (old) => {
				if (!checkRecord('nudges', old, { now: this.#now() }).ok) return null;
				const n = old as NudgeRecord;
				return this.#checked('nudges', { ...n, outcome, resolvedAt: Math.max(n.t, at ?? this.#now()) }, 'nudge outcome');
			})
		);
		if (changed) this.notify();
		return changed;
	}

	async addStretchSet(s: NewStretchSet): Promise<StretchSetRecord> {
		const reps = (s.reps ?? []).map((r) => ({ ...r, faults: [...r.faults] }));
		const holdsS = s.holdsS ? [...s.holdsS] : reps.map((r) => r.holdS);
		const faults: StretchSetRecord['faults'] = s.faults ? { ...s.faults } : {};
		if (!s.faults) for (const r of reps) for (const f of r.faults) faults[f] = (faults[f] ?? 0) + 1;
		const score = s.score !== undefined ? s.score : reps.length ? Math.round(reps.reduce((a, r) => a + r.score, 0) / reps.length) : null;
		const rec = this.#checked(
			'stretchSets',
			{
				id: s.id ?? newId(),
				sessionId: s.sessionId,
				exercise: s.exercise,
				start: s.start,
				end: s.end ?? this.#now(),
				reps,
				holdsS,
				totalHoldS: s.totalHoldS ?? holdsS.reduce((a, h) => a + h, 0),
				score,
				faults,
				...(s.source ? { source: s.source } : {})
			},
			'stretch set'
		);
		await this.#run((b) => b.put('stretchSets', rec));
		this.notify();
		return rec;
	}

	async listSessions(range?: TimeRange): Promise<SessionRecord[]> {
		return (await this.#valid('sessions')).filter((s) => inRange(s.start, range)).sort((a, b) => b.start - a.start);
	}

	async listNudges(range?: TimeRange): Promise<NudgeRecord[]> {
		return (await this.#valid('nudges')).filter((n) => inRange(n.t, range)).sort((a, b) => b.t - a.t);
	}

	async listStretchSets(range?: TimeRange): Promise<StretchSetRecord[]> {
		return (await this.#valid('stretchSets')).filter((s) => inRange(s.start, range)).sort((a, b) => b.start - a.start);
	}

	async dailySummaries(days: number, now = this.#now()): Promise<DailySummary[]> {
		const range = { from: windowStart(days, now) };
		const [sessions, nudges, stretchSets] = await Promise.all([this.listSessions(range), this.listNudges(range), this.listStretchSets(range)]);
		return summarize({ sessions, nudges, stretchSets }, days, now);
	}

	async exportJSON(): Promise<string> {
		const byTime = <T>(key: (x: T) => number) => (a: T, b: T) => key(a) - key(b);
		const data: HistoryExport = {
			format: EXPORT_FORMAT,
			schemaVersion: SCHEMA_VERSION,
			exportedAt: new Date(this.#now()).toISOString(),
			sessions: (await this.#valid('sessions')).sort(byTime((s) => s.start)),
			nudges: (await this.#valid('nudges')).sort(byTime((n) => n.t)),
			stretchSets: (await this.#valid('stretchSets')).sort(byTime((s) => s.start))
		};
		return JSON.stringify(data, null, 1) + '\n';
	}

	async importJSON(text: string): Promise<ImportResult> {
		try {
			const parsed = parseExport(text, { now: this.#now() });
			if (!parsed.ok) return { ok: false, message: `${parsed.message} Nothing was imported; your history is unchanged.`, problems: parsed.problems };
			const added = zeroCounts();
			const skipped = zeroCounts();
			const batch: Batch = {};
			for (const k of RECORD_KINDS) {
				const existing = new Set((await this.#run((b) => b.entries(k))).map(([key]) => key));
				const fresh = (parsed.data[k] as { id: string }[]).filter((r) => !existing.has(r.id));
				batch[k] = fresh;
				added[k] = fresh.length;
				skipped[k] = parsed.data[k].length - fresh.length;
			}
			await this.#run((b) => b.putAll(batch));
			this.notify();
			const saved = this.status === 'ok';
			const later = this.status === 'opening';
			const what = `${plural(added.sessions, 'session')}, ${plural(added.nudges, 'nudge')} and ${plural(added.stretchSets, 'stretch set')}`;
			const already = skipped.sessions + skipped.nudges + skipped.stretchSets;
			const message =
				`Imported ${what}.` +
				(already ? ` ${plural(already, 'record was', 'records were')} already in your history and kept as they were.` : '') +
				(saved ? '' : later ? ' They are saved as soon as the browser opens its storage.' : ' They are shown for this visit only: history is not being saved.');
			return { ok: true, added, skipped, saved, message };
		} catch (e) {
			return { ok: false, message: `The import failed (${e instanceof Error ? e.message : String(e)}). Nothing was imported; your history is unchanged.`, problems: [] };
		}
	}

	async clear(): Promise<void> {
		await this.#run((b) => b.clear());
		this.notify();
	}

	close(): void {
		this.#closed = true;
		this.#backend.close();
		this.#listeners.clear();
	}

	/** Validates every stored record; removes those that fail. Returns how many were removed. */
	async scrub(): Promise<number> {
		let bad = 0;
		const now = this.#now();
		for (const k of RECORD_KINDS) {
			const entries = await this.#backend.entries(k);
			const keys = entries.filter(([key, v]) => !checkRecord(k, v, { now }).ok || (v as { id: unknown }).id !== key).map(([key]) => key);
			bad += keys.length;
			try {
				await this.#backend.deleteKeys(k, keys);
			} catch {
				// Skipped when read either way; removal is tidying.
			}
		}
		return bad;
	}
}

const FAILURE_MESSAGE: Record<OpenFailure['reason'], string> = {
	unsupported: MESSAGES.unsupported,
	refused: MESSAGES.refused,
	newer: MESSAGES.newer,
	blocked: MESSAGES.blocked,
	broken: MESSAGES.refused,
	full: MESSAGES.full,
	slow: MESSAGES.failed
};

const RESET_MESSAGE = 'Stored history was damaged and could not be read, so it was started afresh. Sorry: earlier sessions are gone (an exported file can be imported again).';

/**
 * Opens the history. Never rejects: when storage fails the store runs in memory and says why in `status` and
 * `message`; damaged data is recovered (bad records skipped) or reset, and `recovery` says so. When the browser
 * has not answered within `openTimeoutMs` the store comes back working in memory (status 'opening') and takes
 * over the database once it opens, with everything written meanwhile.
 */
export async function openHistory(opts: OpenOptions = {}): Promise<HistoryStore> {
	const name = opts.name ?? DB_NAME;
	const now = opts.now ?? (() => Date.now());
	const timeoutMs = opts.openTimeoutMs ?? 5000;
	/** The store the page holds: the storage hooks act on it. */
	let store: Store | null = null;
	const hooks = {
		onVersionChange: () => void store?.degrade('unavailable', MESSAGES.versionChange),
		onTerminated: () => void store?.degrade('unavailable', MESSAGES.failed)
	};
	const memory = (status: Exclude<StoreStatus, 'ok'>, message: string, recovery: RecoveryReport | null = null) => {
		const s = new Store(new MemoryBackend(), now);
		s.status = status;
		s.message = message;
		s.recovery = recovery;
		return s;
	};

	let pending: PendingOpen;
	try {
		pending = IdbBackend.begin(name, hooks);
	} catch (e) {
		const failure = e instanceof OpenFailure ? e : new OpenFailure('refused', String(e));
		return memory(failure.reason === 'full' ? 'full' : 'unavailable', FAILURE_MESSAGE[failure.reason]);
	}
	const answer = await within(
		pending.result.catch((e: unknown) => e as OpenFailure),
		timeoutMs
	);
	if (answer !== TIMED_OUT) {
		store = await storeOn(answer, { name, now, hooks, timeoutMs, memory, onStore: (s) => (store = s) });
		return store;
	}
	// Slow, not refused: carry on in memory, keep waiting, and move in once the database opens. Only the
	// browser's own word (blocked by another tab, an error) says history is not being saved.
	const waiting = pending.blocked ? memory('unavailable', MESSAGES.blocked) : memory('opening', MESSAGES.opening);
	store = waiting;
	pending.onBlocked = () => {
		if (waiting.status === 'opening') waiting.setStatus('unavailable', MESSAGES.blocked);
	};
	void pending.result
		.catch((e: unknown) => e as OpenFailure)
		.then((late) => storeOn(late, { name, now, hooks, timeoutMs, memory, onStore: () => undefined }))
		.then((opened) => waiting.adopt(opened))
		.catch(() => waiting.degrade('unavailable', MESSAGES.failed));
	return waiting;
}

interface StoreOnOptions {
	name: string;
	now: () => number;
	hooks: IdbHooks;
	timeoutMs: number;
	memory: (status: Exclude<StoreStatus, 'ok'>, message: string, recovery?: RecoveryReport | null) => Store;
	/** Called with the store on the database as soon as there is one (the hooks act on it from then on). */
	onStore: (store: Store) => void;
}

/**
 * The store on what the open gave: the database (reset when it lacks our object stores or cannot be read,
 * damaged records removed, a probe write), or memory with the failure's message.
 */
async function storeOn(opened: IdbBackend | OpenFailure, o: StoreOnOptions): Promise<Store> {
	const { name, now, hooks, timeoutMs, memory } = o;
	let reset = false;
	let backend: IdbBackend;
	try {
		if (!(opened instanceof IdbBackend)) throw opened;
		backend = opened;
		if (!backend.hasAllStores()) {
			// A database of our name without our object stores: broken (or not ours). Start afresh.
			backend.close();
			throw new OpenFailure('broken', 'object stores missing');
		}
	} catch (e) {
		const failure = e instanceof OpenFailure ? e : new OpenFailure('refused', String(e));
		if (failure.reason !== 'broken') return memory(failure.reason === 'full' ? 'full' : 'unavailable', FAILURE_MESSAGE[failure.reason]);
		try {
			await IdbBackend.destroy(name);
			backend = await IdbBackend.open(name, hooks, timeoutMs);
			if (!backend.hasAllStores()) throw new OpenFailure('broken', 'object stores still missing after reset');
			reset = true;
		} catch {
			return memory('unavailable', MESSAGES.failed, { skipped: 0, reset: false, message: 'Stored history is damaged and could not be read.' });
		}
	}

	let store = new Store(backend, now);
	o.onStore(store);
	if (reset) store.recovery = { skipped: 0, reset: true, message: RESET_MESSAGE };
	try {
		const skipped = await store.scrub();
		if (skipped > 0) {
			store.recovery = {
				skipped,
				reset: false,
				message: `${plural(skipped, 'damaged history record', 'damaged history records')} could not be read and ${skipped === 1 ? 'was' : 'were'} removed; the rest of your history is intact.`
			};
		}
	} catch {
		// Unreadable object stores: the database is broken in a way the browser did not report at open.
		try {
			backend.close();
			await IdbBackend.destroy(name);
			backend = await IdbBackend.open(name, hooks, timeoutMs);
			store = new Store(backend, now);
			o.onStore(store);
			store.recovery = { skipped: 0, reset: true, message: RESET_MESSAGE };
		} catch {
			return memory('unavailable', MESSAGES.failed);
		}
	}
	try {
		await backend.probeWrite(now());
	} catch (e) {
		await store.degrade(isQuotaError(e) ? 'full' : 'unavailable', isQuotaError(e) ? MESSAGES.full : MESSAGES.failed);
	}
	return store;
}
