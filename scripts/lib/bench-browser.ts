/**
 * What the browser benchmarks share: a private copy of the build (other processes may rebuild build/ while a
 * 10-minute soak is serving it), the instrumentation put into every measured page before the app loads, a camera
 * stand-in whose picture the bench switches, and the JS heap of a page and of its pose worker over CDP.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunch } from './chromium';
import { BUILD_DIR, ensureBuild } from './ensure-build';
import { ROOT } from './test-media';

/** The test suite's flags that make SwiftShader the GPU for everything: compositing, raster and canvas too. */
const SWIFTSHADER_AS_GPU = ['--use-angle=swiftshader', '--ignore-gpu-blocklist'];

/**
 * How the bench's Chromium draws pages. 'software' (the default): as Chromium starts for a person on this machine,
 * which has no GPU: pages are rasterised and composited in software, WebGL (which MediaPipe needs) runs in
 * SwiftShader. 'swiftshader' (BENCH_GPU=swiftshader): the test suite's flags, which make SwiftShader the GPU for
 * compositing, raster and canvas too, a set-up no person has: there every composited frame is drawn by emulated
 * GL on the GPU process's one thread, the thread MediaPipe's WebGL calls wait on (about 45 ms of CPU a frame here).
 */
export type BenchGpu = 'software' | 'swiftshader';
export const BENCH_GPU: BenchGpu = process.env.BENCH_GPU === 'swiftshader' ? 'swiftshader' : 'software';

/** Launch options for the bench's Chromium (see BENCH_GPU). */
export function benchLaunch(extraArgs: string[], gpu: BenchGpu = BENCH_GPU): { executablePath: string; args: string[] } {
	const launch = chromiumLaunch(extraArgs);
	return gpu === 'swiftshader' ? launch : { ...launch, args: launch.args.filter((a) => !SWIFTSHADER_AS_GPU.includes(a)) };
}

/**
 * Builds when the sources changed, then hard-links the build into .cache (vite replaces files rather than
 * rewriting them, so the links keep this version whatever happens to build/ later). Removed at exit.
 */
export function privateBuild(log: (line: string) => void): string {
	const dir = join(ROOT, `.cache/bench-build-${process.pid}`);
	const stamp = join(BUILD_DIR, '.source-hash');
	const lock = join(ROOT, '.cache/build.lock');
	for (let attempt = 0; ; attempt++) {
		ensureBuild(log);
		const before = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(join(ROOT, '.cache'), { recursive: true });
		execFileSync('cp', ['-al', BUILD_DIR, dir]);
		const after = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
		// Someone rebuilt while we copied: copy again.
		if ((before && before === after && !existsSync(lock)) || attempt >= 5) break;
		log('bench: the build changed while it was being copied; copying again');
	}
	process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

/**
 * Put into every measured page before the app's scripts (a plain script string: functions passed from here
 * would be rewritten by the TypeScript loader). `window.__bench`:
 * - longTasks(from, to): main-thread tasks > 50 ms that started in [from, to) (PerformanceObserver 'longtask',
 *   buffered, from the page's first moment), with the long animation frames that blocked meanwhile and the
 *   scripts they ran;
 * - hook(): wraps the live session's onResult (window.backcheck, which the workout and desk pages expose) to
 *   count results (and the worker's inference ms), keep the longest gap between two consecutive ones (and every
 *   gap over 250 ms: [start, length, inference ms and worker latency ms of the result that ended it]), and stamp
 *   the first result whose posture
 *   state shows a pending or settled `slouched` after probe.onsetAt was set;
 * - a few read-outs and switches the bench calls by name through run(op, args) (the app's CSP forbids eval, so
 *   the bench never sends code as a string).
 */
export const PAGE_INSTRUMENTATION = `(() => {
	const lt = [];
	try {
		new PerformanceObserver((list) => { for (const e of list.getEntries()) lt.push([e.startTime, e.duration]); })
			.observe({ type: 'longtask', buffered: true });
	} catch (e) { /* no Long Tasks API */ }
	// What ran in the long ones (Long Animation Frames API, with script attribution), for the report.
	const loaf = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				if (e.duration <= 50 || loaf.length > 500) continue;
				loaf.push({ start: e.startTime, ms: Math.round(e.duration), blockingMs: Math.round(e.blockingDuration || 0),
					scripts: (e.scripts || []).map((x) => ({ ms: Math.round(x.duration), invoker: x.invoker, fn: x.sourceFunctionName, url: (x.sourceURL || '').split('/').pop() })) });
			}
		}).observe({ type: 'long-animation-frame', buffered: true });
	} catch (e) { /* no Long Animation Frames API */ }
	const rec = { count: 0, last: 0, maxGap: 0, maxGapAt: 0, inferenceMs: 0, slow: [] };
	const probe = { onsetAt: null, pendingAt: null, settledAt: null, label: null, pending: null, seen: {} };
	window.__bench = {
		rec, probe,
		longTasks(from, to) {
			const inside = lt.filter(([s]) => s >= from && s < to);
			return { count: inside.length, maxMs: inside.reduce((m, [, d]) => Math.max(m, d), 0), totalMs: inside.reduce((t, [, d]) => t + d, 0),
				frames: loaf.filter((f) => f.start >= from && f.start < to && f.blockingMs > 0) };
		},
		hook() {
			const b = window.backcheck;
			if (!b || !b.session) return false;
			if (b.__benchHooked) return true;
			const session = b.session;
			const downstream = session.onResult;
			session.onResult = (r) => {
				if (downstream) downstream(r);
				const now = performance.now();
				if (rec.last) {
					const gap = now - rec.last;
					if (gap > rec.maxGap) { rec.maxGap = gap; rec.maxGapAt = now; }
					// With what the worker says about the result that ended the gap: a long inference (or a long wait
					// before it) is the worker's, a result that was quick to make but late to arrive is the page's.
					if (gap > 250 && rec.slow.length < 20000) rec.slow.push([now - gap, gap, r.timing.inferenceMs, r.timing.latencyMs]);
				}
				rec.last = now;
				rec.count++;
				rec.inferenceMs += r.timing.inferenceMs;
				const st = b.watch && b.watch.state;
				if (!st) return;
				probe.label = st.label;
				probe.pending = st.pending ? st.pending.label : null;
				if (probe.onsetAt !== null) {
					const key = st.label + (probe.pending ? '>' + probe.pending : '') + ' (frame: ' + (st.raw ? st.raw.label : 'nobody') + ')';
					probe.seen[key] = (probe.seen[key] || 0) + 1;
					if (probe.pendingAt === null && (st.label === 'slouched' || probe.pending === 'slouched')) probe.pendingAt = now;
					if (probe.settledAt === null && st.label === 'slouched') probe.settledAt = now;
				}
			};
			b.__benchHooked = true;
			return true;
		},
		mark() {
			const s = window.backcheck && window.backcheck.session;
			return { count: rec.count, at: performance.now(), inferenceMs: rec.inferenceMs, analysed: s && typeof s.analysed === 'number' ? s.analysed : undefined };
		},
		firstLandmarks() {
			const b = window.backcheck;
			const f = b && b.session && b.session.frame;
			return f && f.people.length > 0 ? performance.now() : false;
		},
		state() {
			const b = window.backcheck;
			const s = b && b.session;
			const w = b && b.watch;
			const status = document.querySelector('[data-testid=desk-status]');
			return {
				model: s && s.info ? s.info.model : null,
				initMs: s && s.info ? s.info.initMs : null,
				restarts: s ? s.restarts : null,
				crashes: s ? s.crashes || 0 : null,
				label: w && w.state ? w.state.label : null,
				pending: w && w.state && w.state.pending ? w.state.pending.label : null,
				status: status ? status.textContent.trim() : null,
				controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller)
			};
		},
		/** Every frame the camera gives, on a page whose own logic samples less (re-asserted each second). */
		fullRate() {
			// Through the session where it can (it also lifts the frame-rate cap a low-cost watch puts on its track).
			const s = window.backcheck.session;
			const every = { intervalMs: 0, motionIntervalMs: 0, skipUnchanged: false, maxSkipMs: 0 };
			const set = () => (s.setSampling ? s.setSampling(every) : s.engine.setFrameInterval(0));
			set();
			setInterval(set, 1000);
		},
		/** Plays pictures on the camera stand-in; with onset, the slouch probe starts when the first is drawn. */
		show(names, stepMs, onset) {
			Object.assign(probe, { onsetAt: null, pendingAt: null, settledAt: null, seen: {} });
			const at = window.__benchCamera.show(names, stepMs);
			if (onset) probe.onsetAt = at;
			return at;
		},
		/** The service worker is active and has stored the lite model. */
		async swInstalled() {
			const r = await navigator.serviceWorker.ready;
			if (!r.active || r.active.state !== 'activated') return false;
			for (const k of await caches.keys()) for (const q of await (await caches.open(k)).keys()) if (q.url.includes('pose_landmarker_lite')) return true;
			return false;
		},
		run(op, args) { return this[op](...(args || [])); }
	};
})();`;

/**
 * A camera stand-in for the latency run: getUserMedia answers with a 640x480 canvas captured at 30 fps, redrawn
 * every 33 ms with one of the pictures at /__bench/<name>.png (routed to files by the bench). The bench plays a
 * movement with window.__benchCamera.show(names, stepMs): the pictures in turn, `stepMs` apart, the last one
 * staying; it returns the moment the first was drawn. Everything after the track (MediaStreamTrackProcessor, the
 * pose worker, the session, the watch) is the app's own.
 */
export function canvasCameraScript(names: readonly string[], first: string): string {
	return `(() => {
	const names = ${JSON.stringify(names)};
	const images = {};
	let current = ${JSON.stringify(first)};
	let ctx = null;
	let timers = [];
	const draw = () => { if (ctx && images[current]) ctx.drawImage(images[current], 0, 0, 640, 480); };
	navigator.mediaDevices.getUserMedia = async () => {
		for (const name of names) {
			if (images[name]) continue;
			const img = new Image();
			img.src = '/__bench/' + name + '.png';
			await img.decode();
			images[name] = img;
		}
		const canvas = document.createElement('canvas');
		canvas.width = 640;
		canvas.height = 480;
		// A canvas in memory, not on the GPU: a camera does not draw through the GPU process (software GL here).
		ctx = canvas.getContext('2d', { willReadFrequently: true });
		draw();
		const stream = canvas.captureStream(30);
		setInterval(draw, 1000 / 30);
		return stream;
	};
	window.__benchCamera = {
		show(list, stepMs) {
			timers.forEach(clearTimeout);
			timers = list.slice(1).map((name, i) => setTimeout(() => { current = name; draw(); }, (i + 1) * stepMs));
			current = list[0];
			draw();
			return performance.now();
		}
	};
})();`;
}

export interface HeapUsage {
	usedSize: number;
	totalSize: number;
	/** ArrayBuffers' backing stores (MediaPipe's wasm memory lives here in the worker). */
	backingStorageSize?: number;
}

/**
 * JS heap of a page and of its pose worker, each after a forced garbage collection (CDP HeapProfiler +
 * Runtime.getHeapUsage). The worker is reached through the page's own CDP session: auto-attach in non-flattened
 * mode, messages relayed with Target.sendMessageToTarget (Playwright's CDPSession talks to pages only).
 */
export class HeapProbe {
	#cdp: CDPSession;
	#worker: string | null = null;
	#next = 1;
	#pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();

	private constructor(cdp: CDPSession) {
		this.#cdp = cdp;
	}

	static async attach(context: BrowserContext, page: Page): Promise<HeapProbe> {
		const probe = new HeapProbe(await context.newCDPSession(page));
		const cdp = probe.#cdp;
		cdp.on('Target.attachedToTarget', (e) => {
			if (e.targetInfo.type === 'worker') probe.#worker = e.sessionId;
		});
		cdp.on('Target.detachedFromTarget', (e) => {
			if (e.sessionId === probe.#worker) probe.#worker = null;
		});
		cdp.on('Target.receivedMessageFromTarget', (e) => {
			const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
			const p = m.id === undefined ? undefined : probe.#pending.get(m.id);
			if (!p) return;
			probe.#pending.delete(m.id!);
			if (m.error) p.fail(new Error(m.error.message));
			else p.ok(m.result);
		});
		await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
		return probe;
	}

	#toWorker<T>(method: string, params: object = {}): Promise<T> {
		const sessionId = this.#worker;
		if (!sessionId) return Promise.reject(new Error('no pose worker attached'));
		const id = this.#next++;
		return new Promise<T>((ok, fail) => {
			const timer = setTimeout(() => {
				this.#pending.delete(id);
				fail(new Error(`${method}: no answer from the worker`));
			}, 60_000);
			this.#pending.set(id, {
				ok: (v) => {
					clearTimeout(timer);
					ok(v as T);
				},
				fail: (e) => {
					clearTimeout(timer);
					fail(e);
				}
			});
			void this.#cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(fail);
		});
	}

	/** Collects garbage in the page and the worker, then reads both heaps. */
	async measure(): Promise<{ page: HeapUsage; worker: HeapUsage | null }> {
		await this.#cdp.send('HeapProfiler.collectGarbage');
		const page = (await this.#cdp.send('Runtime.getHeapUsage')) as HeapUsage;
		let worker: HeapUsage | null = null;
		if (this.#worker) {
			await this.#toWorker('HeapProfiler.collectGarbage');
			worker = await this.#toWorker<HeapUsage>('Runtime.getHeapUsage');
		}
		return { page, worker };
	}

	async detach(): Promise<void> {
		await this.#cdp.detach().catch(() => undefined);
	}
}
