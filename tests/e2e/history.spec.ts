/**
 * History page: seeded through an import, charts and tables, persistence over a reload, export/import round
 * trip, a refused corrupted import, and the storage faults (IndexedDB refused, slow to open, over quota, damaged stored data).
 * No camera needed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumLaunch } from '../../scripts/lib/chromium';
import { sampleHistory } from '../../src/lib/history/sample';
import { summarize } from '../../src/lib/history/summary';
import { expect, test } from './fixtures/test';

const OUT = 'test-results/history';
mkdirSync(OUT, { recursive: true });

function file(name: string, content: unknown): string {
	const path = join(OUT, name);
	writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 1));
	return path;
}

/** A week of sample history; how many desk sessions today has depends on the time of day the test runs. */
const SEED = sampleHistory(7);
const SESSIONS = SEED.sessions.length;
const seed = () => file('seed.json', SEED);

async function importFile(page: Page, path: string): Promise<void> {
	await page.locator('input[type="file"]').setInputFiles(path);
	await expect(page.getByTestId('import-result')).toBeVisible();
}

async function seeded(page: Page): Promise<void> {
	await page.goto('/history');
	await expect(page.getByTestId('history-empty')).toBeVisible();
	await importFile(page, seed());
	await expect(page.getByTestId('import-result')).toHaveAttribute('data-ok', 'true');
	await expect(page.getByTestId('chart-posture')).toBeVisible();
}

/** All tables' text (they are in closed <details>; the text is there all the same). */
async function tablesText(page: Page): Promise<string> {
	const names = ['table-posture', 'table-upright', 'table-nudges', 'table-peaks', 'table-holds', 'session-list'];
	const parts = await Promise.all(names.map((n) => page.getByTestId(n).textContent()));
	return parts.join('\n');
}

test('seeded history: charts and tables over a week and a month, kept over a reload', async ({ app: { page } }) => {
	await seeded(page);
	await expect(page.getByTestId('import-result')).toContainText(`Imported ${SESSIONS} sessions`);
	for (const id of ['chart-posture', 'chart-upright', 'chart-nudges', 'chart-peaks', 'chart-holds']) {
		const chart = page.getByTestId(id);
		await expect(chart).toHaveAttribute('role', 'img');
		await expect(chart).toHaveAttribute('aria-label', /per day/);
		const box = await chart.locator('canvas').boundingBox();
		expect(box!.width).toBeGreaterThan(200);
		expect(box!.height).toBeGreaterThan(150);
	}
	// The table alternative of the first chart, opened.
	await page.getByText('Show as a table').first().click();
	const posture = page.getByTestId('table-posture');
	await expect(posture).toBeVisible();
	await expect(posture.locator('tbody tr')).toHaveCount(7);
	const today = summarize(SEED, 7).at(-1)!;
	await expect(posture.locator('tbody tr').last()).toContainText(`${today.percentUpright}%`);
	await expect(posture.locator('tbody tr').last()).toContainText(`${Math.round(today.minutesSlouched)} min`);
	await expect(page.getByTestId('session-list').locator('tbody tr')).toHaveCount(SESSIONS);
	await expect(page.getByTestId('table-peaks').locator('tbody tr').last()).toContainText('48°');
	await page.screenshot({ path: join(OUT, 'history-seeded.png'), fullPage: true });

	const before = await tablesText(page);
	await page.reload();
	await expect(page.getByTestId('chart-posture')).toBeVisible();
	expect(await tablesText(page)).toBe(before);

	await page.getByRole('radio', { name: 'Last 30 days' }).check();
	await expect(page.getByTestId('table-posture').locator('tbody tr')).toHaveCount(30);
	await expect(page.getByTestId('chart-posture')).toHaveAttribute('aria-label', /last 30 days/);

	// Reduced motion: the charts are drawn without animation.
	await expect(page.getByTestId('chart-posture')).toHaveAttribute('data-animation', 'on');
	await page.emulateMedia({ reducedMotion: 'reduce' });
	for (const id of ['chart-posture', 'chart-upright', 'chart-nudges', 'chart-peaks', 'chart-holds']) {
		await expect(page.getByTestId(id)).toHaveAttribute('data-animation', 'off');
	}
});

test('export, clear, import: the history round-trips', async ({ app: { page } }) => {
	await seeded(page);
	const before = await tablesText(page);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export history' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^backcheck-history-\d{4}-\d{2}-\d{2}\.json$/);
	const exported = join(OUT, 'exported.json');
	await download.saveAs(exported);
	const data = JSON.parse(readFileSync(exported, 'utf8'));
	expect(data).toMatchObject({ format: 'backcheck-history', schemaVersion: 1 });
	expect(data.sessions).toHaveLength(SESSIONS);

	await page.getByRole('button', { name: 'Clear history…' }).click();
	await expect(page.getByRole('dialog', { name: 'Clear all history?' })).toBeVisible();
	await page.getByRole('button', { name: 'Delete all history' }).click();
	await expect(page.getByTestId('history-empty')).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('history-empty')).toBeVisible();

	await importFile(page, exported);
	await expect(page.getByTestId('import-result')).toContainText(`Imported ${SESSIONS} sessions`);
	expect(await tablesText(page)).toBe(before);
	// Importing the same file again adds nothing.
	await importFile(page, exported);
	await expect(page.getByTestId('import-result')).toContainText('Imported 0 sessions');
	await expect(page.getByTestId('import-result')).toContainText('already in your history');
	expect(await tablesText(page)).toBe(before);
});

test('a corrupted or foreign import is refused with a clear message and the history is untouched', async ({ app: { page } }) => {
	await seeded(page);
	const before = await tablesText(page);

	const bad = sampleHistory(3);
	(bad.sessions[2].minutes as Record<string, number>).slouched = -4;
	await importFile(page, file('bad-minutes.json', bad));
	const result = page.getByTestId('import-result');
	await expect(result).toHaveAttribute('data-ok', 'false');
	await expect(result).toHaveAttribute('role', 'alert');
	await expect(result).toContainText('sessions[2].minutes.slouched: must be a number from 0');
	await expect(result).toContainText('Nothing was imported; your history is unchanged.');

	await importFile(page, file('truncated.json', JSON.stringify(sampleHistory(2)).slice(0, 500)));
	await expect(result).toContainText('not valid JSON');

	await importFile(page, file('foreign.json', { format: 'some-fitness-app', workouts: [] }));
	await expect(result).toContainText('not a Backcheck history export');

	const dup = sampleHistory(2);
	dup.nudges[1].id = dup.nudges[0].id;
	await importFile(page, file('duplicate.json', dup));
	await expect(result).toContainText('is a duplicate id');
	await result.scrollIntoViewIfNeeded();
	await page.screenshot({ path: join(OUT, 'history-import-refused.png') });

	expect(await tablesText(page)).toBe(before);
	await page.reload();
	await expect(page.getByTestId('chart-posture')).toBeVisible();
	expect(await tablesText(page)).toBe(before);
});

test('IndexedDB refused (indexedDB.open throws): says history is not being saved, the page still works', async ({ app: { page, context } }) => {
	// What a browser that refuses storage does (Firefox private mode, site data blocked). Headless Chromium cannot
	// be put in that state, so the refusal is simulated before the app loads.
	await context.addInitScript(() => {
		IDBFactory.prototype.open = function () {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
	});
	await page.goto('/history');
	const status = page.getByTestId('history-status');
	await expect(status).toBeVisible();
	await expect(status).toHaveAttribute('data-status', 'unavailable');
	await expect(status).toContainText('History is not being saved');
	await expect(page.getByTestId('history-empty')).toBeVisible();
	await page.screenshot({ path: join(OUT, 'history-not-saved.png'), fullPage: true });

	await importFile(page, seed());
	await expect(page.getByTestId('import-result')).toContainText('shown for this visit only');
	await expect(page.getByTestId('chart-posture')).toBeVisible();
	await expect(page.getByTestId('session-list').locator('tbody tr')).toHaveCount(SESSIONS);
	// The rest of the app still opens.
	await page.getByRole('link', { name: 'Workout' }).first().click();
	await expect(page.locator('h1').first()).toBeVisible();
});

test('a slow IndexedDB open (a loaded machine) is not a refusal: a neutral note, then saved, with what was done meanwhile', async ({ app: { page, context } }) => {
	// The browser answers the history's first open of the visit only after 8 s (the store waits 5 s before it
	// carries on in memory): the database opens at once underneath, its success event comes late.
	await context.addInitScript(() => {
		if (sessionStorage.getItem('slow-open-done')) return;
		sessionStorage.setItem('slow-open-done', '1');
		const open = IDBFactory.prototype.open;
		IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
			const req = open.apply(this, args);
			if (args[0] !== 'backcheck-history') return req;
			const late = new WeakMap<EventListenerOrEventListenerObject, EventListener>();
			const add = req.addEventListener.bind(req);
			const remove = req.removeEventListener.bind(req);
			req.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, opts?: boolean | AddEventListenerOptions) => {
				if (type !== 'success') return add(type, listener, opts);
				const call = typeof listener === 'function' ? listener : (e: Event) => listener.handleEvent(e);
				const delayed: EventListener = (e) => void setTimeout(() => call.call(req, e), 8000);
				late.set(listener, delayed);
				add(type, delayed, opts);
			};
			req.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject, opts?: boolean | EventListenerOptions) =>
				remove(type, late.get(listener) ?? listener, opts);
			return req;
		};
	});
	await page.goto('/history');
	const opening = page.getByTestId('history-opening');
	await expect(opening).toBeVisible({ timeout: 7000 });
	await expect(opening).toContainText('History is still opening');
	await expect(page.getByTestId('history-status')).toHaveCount(0);
	await page.screenshot({ path: join(OUT, 'history-still-opening.png'), fullPage: true });

	// Meanwhile an import: shown now, saved once storage opens.
	await page.locator('input[type="file"]').setInputFiles(seed());
	await expect(page.getByTestId('import-result')).toContainText('saved as soon as the browser opens its storage');
	await expect(page.getByTestId('session-list').locator('tbody tr')).toHaveCount(SESSIONS);

	// Opened: the note goes, no warning ever came, and the import is in storage (a reload opens at once).
	await expect(opening).toHaveCount(0, { timeout: 10_000 });
	await expect(page.getByTestId('history-status')).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('chart-posture')).toBeVisible();
	await expect(page.getByTestId('session-list').locator('tbody tr')).toHaveCount(SESSIONS);
	await expect(page.getByTestId('history-opening')).toHaveCount(0);
	await expect(page.getByTestId('history-status')).toHaveCount(0);
});

test('storage over quota: says history is not being saved because storage is full, history still shown', async ({ playwright, baseURL }) => {
	// Chromium fixes an origin's IndexedDB quota when the browser profile first opens it, so the history is
	// written in one run of a profile and the tiny quota set before the origin is opened in the next.
	const profile = mkdtempSync(join(tmpdir(), 'backcheck-quota-'));
	const origin = new URL(baseURL!).origin;
	try {
		const first = await playwright.chromium.launchPersistentContext(profile, { ...chromiumLaunch(), baseURL });
		await seeded(first.pages()[0] ?? (await first.newPage()));
		await first.close();

		const second = await playwright.chromium.launchPersistentContext(profile, { ...chromiumLaunch(), baseURL });
		const page = second.pages()[0] ?? (await second.newPage());
		const cdp = await second.newCDPSession(page);
		await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
		await page.goto('/history');
		const status = page.getByTestId('history-status');
		await expect(status).toHaveAttribute('data-status', 'full');
		await expect(status).toContainText('History is not being saved: the storage for Backcheck on this device is full');
		// What was stored before is still shown, and an import still works for this visit.
		await expect(page.getByTestId('chart-posture')).toBeVisible();
		await expect(page.getByTestId('session-list').locator('tbody tr')).toHaveCount(SESSIONS);
		const more = sampleHistory(2, Date.now());
		for (const k of ['sessions', 'nudges', 'stretchSets'] as const) for (const r of more[k]) r.id = `more-${r.id}`;
		for (const k of ['nudges', 'stretchSets'] as const) for (const r of more[k]) r.sessionId = `more-${r.sessionId}`;
		await importFile(page, file('more.json', more));
		await expect(page.getByTestId('import-result')).toContainText('shown for this visit only');
		await expect(page.getByTestId('session-list').locator('tbody tr')).toHaveCount(SESSIONS + more.sessions.length);
		await second.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});

test('damaged records in storage are skipped with a message, the rest is shown', async ({ app: { page } }) => {
	await seeded(page);
	const before = await tablesText(page);
	await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open('backcheck-history');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const tx = db.transaction(['sessions', 'nudges', 'stretchSets'], 'readwrite');
		tx.objectStore('sessions').put({ id: 'broken', kind: 'yoga', start: 'yesterday' }, 'broken');
		tx.objectStore('sessions').put('garbage', 'garbage');
		tx.objectStore('nudges').put({ id: 'n', t: Number.NaN }, 'n');
		await new Promise((res, rej) => {
			tx.oncomplete = res;
			tx.onerror = () => rej(tx.error);
		});
		db.close();
	});
	await page.reload();
	const recovery = page.getByTestId('history-recovery');
	await expect(recovery).toContainText('3 damaged history records could not be read and were removed');
	await expect(page.getByTestId('chart-posture')).toBeVisible();
	expect(await tablesText(page)).toBe(before);
	await recovery.getByRole('button', { name: 'Dismiss' }).click();
	await expect(recovery).toHaveCount(0);
	// Removed: the next visit has nothing to report.
	await page.reload();
	await expect(page.getByTestId('chart-posture')).toBeVisible();
	await expect(page.getByTestId('history-recovery')).toHaveCount(0);
});

test('a broken database (not our object stores) is reset with a message, never a blank page', async ({ app: { page } }) => {
	await seeded(page);
	await page.evaluate(async () => {
		await new Promise<void>((res, rej) => {
			const del = indexedDB.deleteDatabase('backcheck-history');
			del.onsuccess = () => res();
			del.onerror = () => rej(del.error);
		});
		await new Promise<void>((res, rej) => {
			const r = indexedDB.open('backcheck-history', 1);
			r.onupgradeneeded = () => r.result.createObjectStore('junk');
			r.onsuccess = () => {
				r.result.close();
				res();
			};
			r.onerror = () => rej(r.error);
		});
	});
	await page.reload();
	await expect(page.getByTestId('history-recovery')).toContainText('Stored history was damaged and could not be read, so it was started afresh');
	await expect(page.getByTestId('history-recovery')).toHaveAttribute('data-reset', 'true');
	await expect(page.getByTestId('history-empty')).toBeVisible();
	await expect(page.getByTestId('history-status')).toHaveCount(0);
	await importFile(page, seed());
	await expect(page.getByTestId('import-result')).toHaveAttribute('data-ok', 'true');
	await page.reload();
	await expect(page.getByTestId('session-list').locator('tbody tr')).toHaveCount(SESSIONS);
});
