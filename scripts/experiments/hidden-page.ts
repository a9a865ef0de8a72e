/**
 * Experiment: does the pose loop keep running when the page is not in front?
 * `npx tsx scripts/experiments/hidden-page.ts` — starts the app with the fake camera in Debian's Chromium with
 * Playwright's anti-throttling defaults removed (so timers are throttled as in a person's browser), then
 * measures worker results per second and page timer ticks: in front, behind another tab, and while the page is
 * put in Chromium's "frozen" lifecycle state (what Chromium does to long-hidden tabs).
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunch, fakeCameraArgs } from '../lib/chromium';
import { ensureBuild } from '../lib/ensure-build';
import { startStaticServer } from '../lib/static-server';
import { fakeCameraFeed } from '../lib/test-media';

const THROTTLING_DEFAULTS = ['--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'];
type W = { backcheck: { session: { onResult: ((r: { frame: { t: number } }) => void) | null } }; __log: [number, number][] };

async function measure(page: Page, label: string, during: () => Promise<void>, seconds = 8) {
	const start = await page.evaluate(() => {
		const w = window as unknown as W;
		w.__log = [];
		w.backcheck.session.onResult = (r) => w.__log.push([r.frame.t, performance.now()]);
		return performance.now();
	});
	const ticks = page.evaluate((ms) => new Promise<number>((resolve) => {
		let n = 0;
		const id = setInterval(() => n++, 100);
		setTimeout(() => (clearInterval(id), resolve(n)), ms);
	}), seconds * 1000 - 500);
	await during();
	await new Promise((r) => setTimeout(r, seconds * 1000));
	const after = await page.evaluate(() => ({ log: (window as unknown as W).__log, visibility: document.visibilityState, now: performance.now() }));
	const captured = after.log.map(([t]) => t);
	const gaps = captured.slice(1).map((t, i) => t - captured[i]);
	return {
		phase: label,
		visibility: after.visibility,
		resultsPerS: Math.round((after.log.length * 10000) / (after.now - start)) / 10,
		largestCaptureGapMs: Math.round(Math.max(0, ...gaps)),
		pageTimerTicksOf75: await ticks
	};
}

const server = await startStaticServer(ensureBuild());
const browser = await chromium.launch({ ...chromiumLaunch(fakeCameraArgs(fakeCameraFeed('person.jpg'))), ignoreDefaultArgs: THROTTLING_DEFAULTS });
try {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(server.origin);
	await page.getByRole('button', { name: 'Start camera' }).click();
	await page.getByTestId('people').filter({ hasText: '1' }).waitFor();
	const rows = [await measure(page, 'in front', async () => undefined)];
	const other = await context.newPage();
	rows.push(await measure(page, 'behind another tab', () => other.bringToFront()));
	const cdp = await context.newCDPSession(page);
	rows.push(await measure(page, 'frozen (CDP lifecycle)', async () => {
		await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
		setTimeout(() => void cdp.send('Page.setWebLifecycleState', { state: 'active' }), 7000);
	}));
	console.table(rows);
} finally {
	await browser.close();
	await server.close();
}
