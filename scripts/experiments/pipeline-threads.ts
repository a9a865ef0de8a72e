/**
 * Experiment: where the workout page's CPU goes, thread by thread, against the raw worker.
 * `npx tsx scripts/experiments/pipeline-threads.ts [rounds] [variant…]` — the bench's camera (person.jpg, 30 fps
 * y4m) and pages; for each variant, results per second and the cores each Chromium thread kept busy over a
 * 15-s window after a 6-s warm-up (from /proc/<pid>/task/<tid>/stat). Variants: raw (the worker, nothing shown),
 * workout (the page as people use it), session (PoseSession + PostureWatch, nothing drawn); `-novideo` and
 * `-nooverlay` hide the live video or the skeleton canvas. `variant@name` serves another build for an A/B in one
 * run: BUILDS=old:/tmp/build-old (the default build is the current sources').
 */
import { chromium, type Page } from '@playwright/test';
import { PAGE_INSTRUMENTATION } from '../lib/bench-browser';
import { groupThreadCores, loadBetween, loadSnapshot, threadCoresBetween, threadSnapshot } from '../lib/bench-cpu';
import { benchFeed } from '../lib/bench-media';
import { chromiumLaunch, fakeCameraArgs } from '../lib/chromium';
import { ensureBuild } from '../lib/ensure-build';
import { startStaticServer } from '../lib/static-server';

const WARMUP_MS = 6000;
const WINDOW_MS = Number(process.env.WINDOW_S ?? 15) * 1000;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
type Inst = { __bench: { run(op: string, args: unknown[]): unknown } };
const op = <T>(page: Page, name: string, ...args: unknown[]) => page.evaluate(([n, a]) => (window as unknown as Inst).__bench.run(n as string, a as unknown[]), [name, args] as const) as Promise<T>;

const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 1);
const variants = args.filter((a) => !/^\d+$/.test(a));
const chosen = variants.length ? variants : ['raw', 'workout'];

const servers = new Map([['', await startStaticServer(ensureBuild())]]);
for (const spec of process.env.BUILDS?.split(',').filter(Boolean) ?? []) {
	const [name, dir] = spec.split(':');
	servers.set(name, await startStaticServer(dir));
}
const launch = chromiumLaunch([...fakeCameraArgs(benchFeed('person')), ...(process.env.EXTRA_ARGS?.split(' ').filter(Boolean) ?? [])]);
// `variant%person`: Chromium as it starts for a person on this machine (no GPU): without the test suite's flags that
// make SwiftShader the GPU for everything, so it composites and rasterises in software and runs WebGL in SwiftShader.
const FORCING = ['--use-angle=swiftshader', '--ignore-gpu-blocklist'];
const browsers = new Map<string, Awaited<ReturnType<typeof chromium.launch>>>();
async function browserFor(config: string) {
	if (!browsers.has(config)) browsers.set(config, await chromium.launch({ ...launch, args: config === 'person' ? launch.args.filter((a) => !FORCING.includes(a)) : launch.args }));
	return browsers.get(config)!;
}
const contexts = new Map<string, Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newContext']>>>();
async function contextFor(config: string) {
	if (!contexts.has(config)) {
		const context = await (await browserFor(config)).newContext({ serviceWorkers: 'block' });
		await context.addInitScript({ content: PAGE_INSTRUMENTATION });
		contexts.set(config, context);
	}
	return contexts.get(config)!;
}
try {
	for (let round = 0; round < rounds; round++) {
		for (const label of round % 2 ? [...chosen].reverse() : chosen) {
			const [spec, config = 'forced'] = label.split('%');
			const [variant, build = ''] = spec.split('@');
			const context = await contextFor(config);
			const server = servers.get(build);
			if (!server) throw new Error(`no build named ${build} (BUILDS=${process.env.BUILDS ?? ''})`);
			const page = await context.newPage();
			let fps: number;
			let a, b, la, lb;
			if (variant.startsWith('workout') || variant === 'desk') {
				await page.goto(`${server.origin}${variant === 'desk' ? '/desk' : '/'}`);
				// Diagnostic variants: the same page with the live video and/or the skeleton canvas not displayed.
				const hide = [variant.includes('-novideo') ? 'video' : '', variant.includes('-nooverlay') ? 'canvas' : ''].filter(Boolean);
				if (hide.length) await page.addStyleTag({ content: `${hide.join(',')} { display: none !important; }` });
				await page.getByRole('button', { name: variant === 'desk' ? 'Start desk watch' : 'Start camera' }).click();
				await page.waitForFunction(() => (window as unknown as Inst).__bench.run('firstLandmarks', []), null, { timeout: 120_000 });
				await op(page, 'hook');
				await sleep(WARMUP_MS);
				const m0 = await op<{ count: number; at: number }>(page, 'mark');
				a = threadSnapshot();
				la = loadSnapshot();
				await sleep(WINDOW_MS);
				b = threadSnapshot();
				lb = loadSnapshot();
				const m1 = await op<{ count: number; at: number }>(page, 'mark');
				fps = ((m1.count - m0.count) * 1000) / (m1.at - m0.at);
			} else {
				await page.goto(`${server.origin}/bench`);
				await page.locator('[data-testid="bench"][data-ready="true"]').waitFor();
				// The page's own window opens WARMUP_MS after the first result; sample inside it.
				const run = page.evaluate(
					([v, w, n]) => (window as unknown as { backcheckBench: Record<string, (...x: unknown[]) => Promise<{ fps: number }>> }).backcheckBench[v as string]('lite', w, n),
					[variant, WARMUP_MS, WINDOW_MS + 4000] as const
				);
				await sleep(WARMUP_MS + 4000);
				a = threadSnapshot();
				la = loadSnapshot();
				await sleep(WINDOW_MS);
				b = threadSnapshot();
				lb = loadSnapshot();
				fps = (await run).fps;
			}
			const threads = threadCoresBetween(a, b);
			const total = threads.reduce((s, [, c]) => s + c, 0);
			const load = loadBetween(la, lb);
			console.log(`\n${label} (round ${round + 1}): ${fps.toFixed(2)} results/s, Chromium ${total.toFixed(2)} cores, other processes ${load.otherCores.toFixed(2)} cores`);
			for (const [name, cores] of threads.slice(0, Number(process.env.THREADS ?? 8))) console.log(`  ${cores.toFixed(3).padStart(6)}  ${name}`);
			const groups = groupThreadCores(threads);
			console.log(`  CPU ms per result: ${Object.entries(groups).filter(([, c]) => c > 0.004).map(([g, c]) => `${g} ${((c * 1000) / fps).toFixed(1)}`).join(', ')}; in all ${((total * 1000) / fps).toFixed(0)}`);
			await page.close();
		}
	}
} finally {
	for (const b of browsers.values()) await b.close();
	for (const server of servers.values()) await server.close();
}
