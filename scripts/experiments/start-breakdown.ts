/**
 * Experiment: where a warm start's time goes. `npx tsx scripts/experiments/start-breakdown.ts [runs]` — a fresh
 * profile, a first visit (the service worker installs), then two cached visits; prints the page's and the worker's
 * console lines that start with "[start]" (timings the sources log while this is being looked at) and the time
 * from navigation to the first landmarks, and from pressing Start to them (DWELL_MS: wait that long before pressing;
 * BUILD: serve that build instead of the current sources').
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchLaunch, PAGE_INSTRUMENTATION } from '../lib/bench-browser';
import { benchFeed } from '../lib/bench-media';
import { fakeCameraArgs } from '../lib/chromium';
import { ensureBuild } from '../lib/ensure-build';
import { startStaticServer } from '../lib/static-server';

type Inst = { __bench: { run(op: string, args: unknown[]): unknown } };
const runs = Number(process.argv[2] ?? 1);
const server = await startStaticServer(process.env.BUILD ?? ensureBuild());
for (let r = 0; r < runs; r++) {
	const profile = mkdtempSync(join(tmpdir(), 'backcheck-start-'));
	const context = await chromium.launchPersistentContext(profile, benchLaunch(fakeCameraArgs(benchFeed('person'))));
	await context.addInitScript({ content: PAGE_INSTRUMENTATION });
	for (const p of context.pages()) await p.close();
	for (let v = 0; v < 3; v++) {
		const page = await context.newPage();
		const lines: string[] = [];
		page.on('console', (m) => m.text().startsWith('[start]') && lines.push(m.text()));
		page.on('worker', (w) => w.on('console', (m) => m.text().startsWith('[start]') && lines.push(`worker ${m.text()}`)));
		await page.goto(`${server.origin}/`);
		// DWELL_MS: a person reads the page a moment before pressing Start (the bench presses at once).
		if (process.env.DWELL_MS) await page.waitForTimeout(Number(process.env.DWELL_MS));
		const clickAt = await page.evaluate(() => performance.now());
		await page.getByRole('button', { name: 'Start camera' }).click();
		const h = await page.waitForFunction(() => (window as unknown as Inst).__bench?.run('firstLandmarks', []), null, { polling: 'raf', timeout: 120_000 });
		const origin = await page.evaluate(() => performance.timeOrigin);
		const at = (await h.jsonValue()) as number;
		console.log(`run ${r + 1} visit ${v + 1}: first landmarks at ${Math.round(at)} ms, ${Math.round(at - clickAt)} ms after Start was pressed`);
		for (const l of lines) console.log('   ', l.replace(/(\d{13})/, (n) => `+${Number(n) - Math.round(origin)} ms`));
		if (v === 0) {
			const until = Date.now() + 120_000;
			while (!(await page.evaluate(() => (window as unknown as Inst).__bench.run('swInstalled', [])))) {
				if (Date.now() > until) throw new Error('no service worker');
				await new Promise((ok) => setTimeout(ok, 500));
			}
		}
		await page.close();
	}
	await context.close();
	rmSync(profile, { recursive: true, force: true });
}
await server.close();
