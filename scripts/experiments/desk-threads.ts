/**
 * Experiment: where the desk watch's CPU goes, thread by thread. `npx tsx scripts/experiments/desk-threads.ts
 * [variant…]` — the bench's desk camera (astronaut.png, upright, 30 fps y4m); for each variant a fresh desk page,
 * 15 s to settle, then the cores each Chromium thread kept busy over WINDOW_S (default 30) seconds. Variants:
 * desk (as shipped), desk-novideo (the live preview hidden), idle-camera (a page holding the camera and nothing else).
 */
import { chromium } from '@playwright/test';
import { benchLaunch } from '../lib/bench-browser';
import { groupThreadCores, threadCoresBetween, threadSnapshot } from '../lib/bench-cpu';
import { benchFeed } from '../lib/bench-media';
import { fakeCameraArgs } from '../lib/chromium';
import { ensureBuild } from '../lib/ensure-build';
import { startStaticServer } from '../lib/static-server';

const WINDOW_MS = Number(process.env.WINDOW_S ?? 30) * 1000;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const variants = process.argv.slice(2).length ? process.argv.slice(2) : ['desk', 'desk-novideo', 'idle-camera'];
const server = await startStaticServer(ensureBuild());
const browser = await chromium.launch(benchLaunch(fakeCameraArgs(benchFeed('desk-upright'))));
const context = await browser.newContext({ serviceWorkers: 'block' });
for (const v of variants) {
	const page = await context.newPage();
	if (v === 'idle-camera') {
		await page.goto(`${server.origin}/about`);
		await page.evaluate(async () => {
			const s = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, frameRate: { max: 2 } } });
			(window as unknown as { keep: unknown }).keep = s;
		});
	} else {
		await page.goto(`${server.origin}/desk`);
		await page.getByRole('button', { name: 'Start desk watch' }).click();
		if (v.endsWith('-novideo')) await page.addStyleTag({ content: 'video { display: none !important; }' });
	}
	await sleep(15_000);
	const a = threadSnapshot();
	await sleep(WINDOW_MS);
	const b = threadSnapshot();
	const threads = threadCoresBetween(a, b);
	const total = threads.reduce((s, [, c]) => s + c, 0);
	console.log(`${v}: ${(total * 60).toFixed(1)} CPU s/min`);
	console.log('  groups', JSON.stringify(Object.fromEntries(Object.entries(groupThreadCores(threads)).map(([k, c]) => [k, Math.round(c * 600) / 10]))));
	console.log('  threads (CPU s/min)', threads.slice(0, 14).map(([k, c]) => `${k} ${(c * 60).toFixed(2)}`).join(', '));
	await page.close();
}
await browser.close();
await server.close();
