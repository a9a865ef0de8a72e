/**
 * Experiment: a CPU profile of the workout page's main thread while it runs on the bench's camera, summed by
 * function (self time) and by script: what the page's own JavaScript costs per result.
 * `npx tsx scripts/experiments/profile-page.ts [seconds] [person|forced]` (person: Chromium as it starts on this
 * machine for a person, software compositing; forced: the test suite's flags, SwiftShader as the GPU).
 */
import { chromium, type Page } from '@playwright/test';
import { PAGE_INSTRUMENTATION } from '../lib/bench-browser';
import { benchFeed } from '../lib/bench-media';
import { chromiumLaunch, fakeCameraArgs } from '../lib/chromium';
import { ensureBuild } from '../lib/ensure-build';
import { startStaticServer } from '../lib/static-server';

const [seconds = '15', config = 'person'] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
type Inst = { __bench: { run(op: string, args: unknown[]): unknown } };
const op = <T>(page: Page, name: string, ...args: unknown[]) => page.evaluate(([n, a]) => (window as unknown as Inst).__bench.run(n as string, a as unknown[]), [name, args] as const) as Promise<T>;

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
	children?: number[];
}

const FORCING = ['--use-angle=swiftshader', '--ignore-gpu-blocklist'];
const launch = chromiumLaunch(fakeCameraArgs(benchFeed('person')));
const server = await startStaticServer(process.env.BUILD ?? ensureBuild());
const browser = await chromium.launch({ ...launch, args: config === 'person' ? launch.args.filter((a) => !FORCING.includes(a)) : launch.args });
try {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.addInitScript({ content: PAGE_INSTRUMENTATION });
	const page = await context.newPage();
	await page.goto(`${server.origin}/`);
	await page.getByRole('button', { name: 'Start camera' }).click();
	await page.waitForFunction(() => (window as unknown as Inst).__bench.run('firstLandmarks', []), null, { timeout: 120_000 });
	await op(page, 'hook');
	await sleep(5000);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Profiler.start');
	const a = await op<{ count: number }>(page, 'mark');
	await sleep(Number(seconds) * 1000);
	const b = await op<{ count: number }>(page, 'mark');
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] } };
	const results = b.count - a.count;
	const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
	const msPerHit = (profile.endTime - profile.startTime) / 1000 / total;
	const byFn = new Map<string, number>();
	const byUrl = new Map<string, number>();
	for (const n of profile.nodes) {
		const ms = (n.hitCount ?? 0) * msPerHit;
		const file = n.callFrame.url.split('/').pop() || '(native)';
		const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber}`;
		byFn.set(key, (byFn.get(key) ?? 0) + ms);
		byUrl.set(file, (byUrl.get(file) ?? 0) + ms);
	}
	const idle = byFn.get('(idle) (native):-1') ?? 0;
	const busy = (profile.endTime - profile.startTime) / 1000 - idle;
	console.log(`${config}: ${results} results; main thread busy ${busy.toFixed(0)} ms of ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} (${(busy / results).toFixed(2)} ms per result)`);
	console.log('by function (self ms per result):');
	for (const [k, ms] of [...byFn].filter(([k]) => !k.startsWith('(idle)')).sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${(ms / results).toFixed(3).padStart(7)}  ${k}`);
	console.log('by script:');
	for (const [k, ms] of [...byUrl].sort((x, y) => y[1] - x[1]).slice(0, 10)) console.log(`  ${(ms / results).toFixed(3).padStart(7)}  ${k}`);
} finally {
	await browser.close();
	await server.close();
}
