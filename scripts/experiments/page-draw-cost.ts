/**
 * Experiment: what the workout page's drawing costs per result, without inference in the way. The page shows the
 * fake camera in its <video> (the stream handed to the session as the live one is) while
 * `session.startReplay` plays generated landmark frames through everything downstream of the worker at a fixed
 * rate; the cores each Chromium thread keeps busy are read from /proc. No pose worker runs, so what is measured
 * is the page: its JS, layout, paint, raster and compositing.
 * `BUILDS=old:/tmp/build-old npx tsx scripts/experiments/page-draw-cost.ts [rounds] [rate] [variant[@build]…]`
 * Variants: workout (the page as it is), static (the same, replay paused: the cost of the live video alone).
 */
import { chromium } from '@playwright/test';
import { PAGE_INSTRUMENTATION } from '../lib/bench-browser';
import { groupThreadCores, loadBetween, loadSnapshot, threadCoresBetween, threadSnapshot } from '../lib/bench-cpu';
import { benchFeed } from '../lib/bench-media';
import { chromiumLaunch, fakeCameraArgs } from '../lib/chromium';
import { ensureBuild } from '../lib/ensure-build';
import { startStaticServer } from '../lib/static-server';
import { scene } from '../../src/lib/synth';

const args = process.argv.slice(2);
const [rounds, rate] = [Number(args[0] ?? 2), Number(args[1] ?? 10)];
const chosen = args.slice(2).length ? args.slice(2) : ['workout'];
const WINDOW_MS = Number(process.env.WINDOW_S ?? 12) * 1000;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

// Two people standing, a little different from frame to frame (the skeleton moves, as it does live).
const frames = Array.from({ length: 600 }, (_, i) => {
	const a = scene({ preset: 'standing_upright', view: 'side', seed: 1 + (i % 50) });
	const b = scene({ preset: 'standing_upright', view: 'front', seed: 100 + (i % 50) });
	return { t: 0, width: 640, height: 480, people: [{ landmarks: a.person.landmarks }, { landmarks: b.person.landmarks.map((l) => (l ? { ...l, x: l.x * 0.5 + 0.45 } : l)) }] };
});

const servers = new Map([['', await startStaticServer(ensureBuild())]]);
for (const spec of process.env.BUILDS?.split(',').filter(Boolean) ?? []) {
	const [name, dir] = spec.split(':');
	servers.set(name, await startStaticServer(dir));
}
const browser = await chromium.launch(chromiumLaunch([...fakeCameraArgs(benchFeed('person')), ...(process.env.EXTRA_ARGS?.split(' ').filter(Boolean) ?? [])]));
try {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.addInitScript({ content: PAGE_INSTRUMENTATION });
	for (let round = 0; round < rounds; round++) {
		for (const label of round % 2 ? [...chosen].reverse() : chosen) {
			const [variant, build = ''] = label.split('@');
			const server = servers.get(build)!;
			const page = await context.newPage();
			await page.goto(`${server.origin}/`);
			await page.waitForFunction(() => 'backcheck' in window);
			await page.evaluate(
				async ([f, r, play]) => {
					const b = (window as unknown as { backcheck: { session: { mediaStream: MediaStream | null; startReplay(f: unknown[], fps: number): Promise<void> } } }).backcheck;
					const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
					// startReplay stops the session first (which clears its stream): hand the stream over after.
					if (play) void b.session.startReplay(f as unknown[], r as number);
					await new Promise((ok) => setTimeout(ok, 300));
					b.session.mediaStream = stream;
				},
				[frames, rate, variant !== 'static'] as const
			);
			await sleep(3000);
			const a = threadSnapshot();
			const la = loadSnapshot();
			await sleep(WINDOW_MS);
			const b = threadSnapshot();
			const lb = loadSnapshot();
			const groups = groupThreadCores(threadCoresBetween(a, b));
			console.log(
				`${label} (round ${round + 1}, ${variant === 'static' ? 'no results' : `${rate} results/s`}; other processes ${loadBetween(la, lb).otherCores.toFixed(2)} cores): ms of CPU per second: ` +
					Object.entries(groups)
						.filter(([, c]) => c >= 0.002)
						.map(([g, c]) => `${g} ${(c * 1000).toFixed(0)}`)
						.join(', ')
			);
			await page.close();
		}
	}
} finally {
	await browser.close();
	for (const s of servers.values()) await s.close();
}
