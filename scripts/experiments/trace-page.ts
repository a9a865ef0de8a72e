/**
 * Experiment: a Chromium trace of the workout page (or the raw worker) with the bench's camera, summed by thread
 * and by event name: what each thread spends its time on, per result.
 * `npx tsx scripts/experiments/trace-page.ts [workout|raw|desk] [seconds] [out.json]`
 * Sums the thread time (tdur, else dur) of complete events, counting only the outermost of nested events.
 */
import { chromium, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { PAGE_INSTRUMENTATION } from '../lib/bench-browser';
import { benchFeed } from '../lib/bench-media';
import { chromiumLaunch, fakeCameraArgs } from '../lib/chromium';
import { ensureBuild } from '../lib/ensure-build';
import { startStaticServer } from '../lib/static-server';

const [variant = 'workout', seconds = '10', out = ''] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
type Inst = { __bench: { run(op: string, args: unknown[]): unknown } };
const op = <T>(page: Page, name: string, ...args: unknown[]) => page.evaluate(([n, a]) => (window as unknown as Inst).__bench.run(n as string, a as unknown[]), [name, args] as const) as Promise<T>;

interface TraceEvent {
	ph: string;
	name: string;
	cat: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	tdur?: number;
	args?: { name?: string };
}

const server = await startStaticServer(process.env.BUILD ?? ensureBuild());
const browser = await chromium.launch(chromiumLaunch(fakeCameraArgs(benchFeed('person'))));
try {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.addInitScript({ content: PAGE_INSTRUMENTATION });
	const page = await context.newPage();
	if (variant === 'raw') {
		await page.goto(`${server.origin}/bench`);
		await page.locator('[data-testid="bench"][data-ready="true"]').waitFor();
		void page.evaluate(() => (window as unknown as { backcheckBench: Record<string, (...x: unknown[]) => Promise<unknown>> }).backcheckBench.raw('lite', 1000, 600_000));
		await sleep(12_000);
	} else {
		await page.goto(`${server.origin}${variant === 'desk' ? '/desk' : '/'}`);
		await page.getByRole('button', { name: variant === 'desk' ? 'Start desk watch' : 'Start camera' }).click();
		await page.waitForFunction(() => (window as unknown as Inst).__bench.run('firstLandmarks', []), null, { timeout: 120_000 });
		await op(page, 'hook');
		await sleep(6000);
	}
	const cdp = await browser.newBrowserCDPSession();
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
	const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
	await cdp.send('Tracing.start', {
		traceConfig: { includedCategories: ['toplevel', 'gpu', 'viz', 'cc', 'blink', 'v8', 'media', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'renderer.scheduler', 'benchmark', 'skia', 'blink.worker'], recordMode: 'recordContinuously' },
		transferMode: 'ReportEvents'
	});
	const count0 = variant === 'raw' ? 0 : (await op<{ count: number }>(page, 'mark')).count;
	const t0 = Date.now();
	await sleep(Number(seconds) * 1000);
	const count1 = variant === 'raw' ? 0 : (await op<{ count: number }>(page, 'mark')).count;
	const wallS = (Date.now() - t0) / 1000;
	await cdp.send('Tracing.end');
	await done;
	if (out) writeFileSync(out, JSON.stringify({ traceEvents: events }));
	const names = new Map<string, string>();
	const procs = new Map<number, string>();
	for (const e of events) {
		if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args?.name ?? '?');
		if (e.ph === 'M' && e.name === 'process_name') procs.set(e.pid, e.args?.name ?? '?');
	}
	// Outermost complete events per thread: sum their thread time by name.
	const byThread = new Map<string, Map<string, number>>();
	const perThread = new Map<string, TraceEvent[]>();
	for (const e of events) if (e.ph === 'X' && e.dur !== undefined) (perThread.get(`${e.pid}/${e.tid}`) ?? perThread.set(`${e.pid}/${e.tid}`, []).get(`${e.pid}/${e.tid}`)!).push(e);
	for (const [key, list] of perThread) {
		list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
		let end = -1;
		const sums = new Map<string, number>();
		for (const e of list) {
			if (e.ts < end) continue; // nested inside the previous outermost event
			end = e.ts + (e.dur ?? 0);
			sums.set(e.name, (sums.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
		}
		const [pid] = key.split('/');
		byThread.set(`${procs.get(Number(pid)) ?? pid}/${names.get(key) ?? key}`, sums);
	}
	const results = count1 - count0;
	console.log(`${variant}: ${results} results in ${wallS.toFixed(1)} s (${(results / wallS).toFixed(2)}/s); ms of thread time per second (and per result):`);
	const rows = [...byThread].map(([t, sums]) => [t, [...sums.values()].reduce((a, b) => a + b, 0), sums] as const).sort((a, b) => b[1] - a[1]);
	for (const [thread, total, sums] of rows.slice(0, 14)) {
		console.log(`  ${(total / wallS).toFixed(0).padStart(5)} ms/s ${results ? `(${(total / results).toFixed(1)} per result)` : ''}  ${thread}`);
		for (const [n, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`        ${(ms / wallS).toFixed(1).padStart(6)}  ${n}`);
	}
} finally {
	await browser.close();
	await server.close();
}
