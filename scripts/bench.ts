/**
 * `npm run bench`: measured figures, printed as a table and written to bench/results.json (and README's "Latest
 * benchmark" section after a full run). Numbers from one run on one machine are compared with each other (ratios),
 * never asserted in tests. Every browser measurement runs on a fresh page after a warm-up, and the throughput and
 * CPU measurements alternate their variants over several rounds and report medians: the machine is 2 shared cores.
 *
 * Environment (all optional):
 *   BENCH_SOAK_S=600        soak length, seconds        BENCH_WINDOW_S=15   throughput window per measurement
 *   BENCH_GPU=software      how pages are drawn: software (as Chromium runs for a person on this machine) or
 *                          swiftshader (the test suite's flags); BENCH_SIDE_ROUNDS=2 rounds of the other, beside
 *   BENCH_ROUNDS=5          throughput rounds           BENCH_CPU_S=40      CPU window per watch measurement
 *   BENCH_CPU_ROUNDS=3      watch CPU rounds            BENCH_LATENCY_TRIALS=6   slouch onsets
 *   BENCH_START_RUNS=3      fresh profiles (cold start; 2 warm visits each)
 *   BENCH_VIDEO_ROUNDS=2    passes over the offline-analysis clips          BENCH_VIDEO_S=20   length of each clip
 *   BENCH_FEED=person       the workout camera feed (person | basketball1)
 *   BENCH_FRAMES=60         frames per model in the per-model table       BENCH_MODELS=lite,full,heavy
 *   BENCH_DELEGATE_TIMEOUT_S=300   time limit of one delegate trial (software GL is slow)
 *   BENCH_ONLY=node,models,delegates,throughput,watch,latency,start,video,soak   run some phases only (README left alone);
 *                          the same as naming them: `npm run bench -- throughput soak`
 *
 * Every phase runs even when one before it fails: a failed phase is recorded beside the figures (results.json's
 * `failures`, a FAILED row in the table) and the bench exits with 1 at the end. The README is rewritten only by
 * a full run in which every phase succeeded.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { assertChromium, CHROMIUM_PATH, fakeCameraArgs } from './lib/chromium';
import { BENCH_GPU, benchLaunch, canvasCameraScript, HeapProbe, PAGE_INSTRUMENTATION, privateBuild, type BenchGpu, type HeapUsage } from './lib/bench-browser';
import { cpuSecondsBetween, groupThreadCores, loadBetween, loadSnapshot, residentMiB, threadCoresBetween, threadSnapshot, type ThreadSnapshot } from './lib/bench-cpu';
import { benchFeed, benchStill, SLOUCH_ROWS, slouchSteps, type BenchScene } from './lib/bench-media';
import { nodeFigures, type NodeFigures } from './lib/bench-node';
import { videoAnalysis as videoAnalysisPhase, type VideoAnalysisFigures } from './lib/bench-video';
import { failureLines, PHASES, round, summaryTable, TARGETS, updateReadme, verdict, type Phase, type PhaseFailure } from './lib/bench-report';
import { delegateNote, delegateRows, delegateTable, type DelegateFigures } from './lib/bench-delegates';
import { startStaticServer, type StaticServer } from './lib/static-server';
import { ROOT } from './lib/test-media';
import { EMBEDDING_DIM } from '../src/lib/calibration/embedding';
import type { PoseModel } from '../src/lib/pose/types';

const num = (name: string, fallback: number) => {
	const v = Number(process.env[name]);
	return Number.isFinite(v) && v > 0 ? v : fallback;
};
const CFG = {
	frames: num('BENCH_FRAMES', 60),
	warmupFrames: 10,
	models: (process.env.BENCH_MODELS?.split(',') as PoseModel[] | undefined) ?? (['lite', 'full', 'heavy'] as PoseModel[]),
	rounds: num('BENCH_ROUNDS', 5),
	/** Rounds of the raw/pipeline pair with the page drawn the other way (BENCH_GPU); 0 = none. */
	sideRounds: Number.isFinite(Number(process.env.BENCH_SIDE_ROUNDS)) && process.env.BENCH_SIDE_ROUNDS ? Number(process.env.BENCH_SIDE_ROUNDS) : 2,
	gpu: BENCH_GPU,
	warmupMs: 5000,
	windowMs: num('BENCH_WINDOW_S', 15) * 1000,
	cpuRounds: num('BENCH_CPU_ROUNDS', 3),
	cpuWindowMs: num('BENCH_CPU_S', 40) * 1000,
	latencyTrials: num('BENCH_LATENCY_TRIALS', 6),
	startRuns: num('BENCH_START_RUNS', 3),
	videoRounds: num('BENCH_VIDEO_ROUNDS', 2),
	videoS: num('BENCH_VIDEO_S', 20),
	soakMs: num('BENCH_SOAK_S', 600) * 1000
};
/**
 * The workout feed: one person, whole body. With two people in the picture (basketball1.png) MediaPipe's cost per
 * frame depends on whether it happens to track both (numPoses is 2), which made throughput bimodal from page to
 * page; with one it looks for a second person on every frame, the same way on every page.
 */
const FEED: BenchScene = (process.env.BENCH_FEED as BenchScene | undefined) ?? 'person';

/** Phases named on the command line or in BENCH_ONLY; none named = all of them. */
function chosenPhases(): Phase[] | undefined {
	const named = [...process.argv.slice(2), ...(process.env.BENCH_ONLY?.split(',') ?? [])].map((s) => s.trim()).filter(Boolean);
	if (!named.length) return undefined;
	const unknown = named.filter((n) => !(PHASES as readonly string[]).includes(n));
	if (unknown.length) {
		process.stderr.write(`bench: unknown phase ${unknown.join(', ')} (phases: ${PHASES.join(', ')})\n`);
		process.exit(2);
	}
	return named as Phase[];
}
const only = chosenPhases();
const runs = (p: Phase) => !only || only.includes(p);

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const median = (v: number[]) => {
	const s = v.filter(Number.isFinite).sort((a, b) => a - b);
	if (!s.length) return Number.NaN;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

type BenchFn = (...args: unknown[]) => Promise<unknown>;
type BenchWindow = { backcheckBench: Record<string, BenchFn> };
type Mark = { count: number; at: number; inferenceMs: number; analysed?: number };
type PageState = { model: string | null; initMs: number | null; restarts: number | null; crashes: number | null; label: string | null; pending: string | null; status: string | null; controlled: boolean };
type Probe = { label: string | null; pending: string | null; onsetAt: number | null; pendingAt: number | null; settledAt: number | null; seen: Record<string, number> };
type Rec = { count: number; maxGap: number; maxGapAt: number; slow: Array<[number, number, number, number]> };
type Instrumented = { __bench: { run(op: string, args: unknown[]): unknown; rec: Rec; probe: Probe } };

/** Calls an operation of the page instrumentation (scripts/lib/bench-browser.ts) by name. */
function op<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
	return page.evaluate(([n, a]) => (window as unknown as Instrumented).__bench.run(n as string, a as unknown[]), [name, args] as const) as Promise<T>;
}

// ---------------------------------------------------------------------------------------------------------------
// Browsers and pages

let server: StaticServer;

function launch(scene: BenchScene, extra: string[] = [], gpu: BenchGpu = BENCH_GPU): Promise<Browser> {
	return chromium.launch(benchLaunch([...fakeCameraArgs(benchFeed(scene)), ...extra], gpu));
}

/** A context for measuring: no service worker (its install would download and cache while we measure). */
async function measuringContext(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.addInitScript({ content: PAGE_INSTRUMENTATION });
	return context;
}

/**
 * Calls window.backcheckBench[name](...args) on a fresh /bench page. A windowed measurement (ResultWindow) also
 * gets the cores each Chromium thread kept busy over exactly its window (`threads`).
 */
async function onBenchPage<T>(context: BrowserContext, name: string, args: unknown[]): Promise<T & { threads?: Array<[string, number]> }> {
	const page = await context.newPage();
	const edges: Partial<Record<string, ThreadSnapshot>> = {};
	try {
		await page.exposeFunction('__benchWindowEdge', (at: string) => void (edges[at] = threadSnapshot()));
		await page.goto(`${server.origin}/bench`);
		await page.locator('[data-testid="bench"][data-ready="true"]').waitFor();
		const r = (await page.evaluate(([n, a]) => (window as unknown as BenchWindow).backcheckBench[n as string](...(a as unknown[])), [name, args] as const)) as T;
		return edges.open && edges.close ? { ...r, threads: threadCoresBetween(edges.open, edges.close) } : (r as T & { threads?: Array<[string, number]> });
	} finally {
		await page.close();
	}
}

/** Waits for the first result with a person in it; returns the page's clock then (ms since navigation start). */
async function firstLandmarks(page: Page, timeout = 120_000): Promise<number> {
	const handle = await page.waitForFunction(() => (window as unknown as Partial<Instrumented>).__bench?.run('firstLandmarks', []), null, { polling: 'raf', timeout });
	return (await handle.jsonValue()) as number;
}

/** Opens a page of the app, starts its camera session, waits for landmarks (or any result) and hooks the results. */
async function startAppPage(context: BrowserContext, path: '/' | '/desk', person = true): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${server.origin}${path}`);
	await page.getByRole('button', { name: path === '/' ? 'Start camera' : 'Start desk watch' }).click();
	if (person) await firstLandmarks(page);
	else await page.waitForFunction(() => (window as unknown as { backcheck?: { session?: { frames: number } } }).backcheck?.session?.frames, null, { timeout: 120_000 });
	if (!(await op<boolean>(page, 'hook'))) throw new Error(`${path}: window.backcheck is missing`);
	return page;
}

const mark = (page: Page) => op<Mark>(page, 'mark');
const longTasks = (page: Page, a: Mark, b: Mark) =>
	op<{ count: number; maxMs: number; totalMs: number; frames: unknown[] }>(page, 'longTasks', a.at, b.at);

// ---------------------------------------------------------------------------------------------------------------
// Phases

interface PathFigures {
	n: number;
	medianMs: number;
	p90Ms: number;
	fps: number;
	longTasks: number;
	longTaskMaxMs: number;
	wallS: number;
}

async function modelTable(): Promise<Record<string, { worker: PathFigures; mainThread: PathFigures }>> {
	const browser = await launch(FEED);
	const results: Record<string, { worker: PathFigures; mainThread: PathFigures }> = {};
	try {
		const context = await measuringContext(browser);
		for (const model of CFG.models) {
			const row = {} as { worker: PathFigures; mainThread: PathFigures };
			for (const path of ['worker', 'mainThread'] as const) {
				log(`per-model table: ${model} ${path}…`);
				row[path] = await onBenchPage<PathFigures>(context, path, [model, CFG.frames, CFG.warmupFrames]);
			}
			results[model] = row;
		}
	} finally {
		await browser.close();
	}
	return results;
}

interface WindowRun {
	fps: number;
	results: number;
	windowS: number;
	longTasks: number;
	longTaskMaxMs: number;
	longTasksPerMin: number;
	inferenceMsMedian?: number;
	inferenceMsMean?: number;
	numPoses?: number;
	cameraFps?: number | null;
	model?: string;
	label?: string | null;
	/** Long animation frames that blocked, with the scripts they ran (workout page). */
	longFrames?: unknown[];
	/** Share of the window the worker spent in detectForVideo. */
	workerBusy?: number;
	/** Cores this Chromium and everything else on the machine kept busy meanwhile. */
	chromiumCores?: number;
	otherCores?: number;
	/** Cores each of Chromium's threads kept busy over the window, busiest first. */
	threads?: Array<[string, number]>;
}

/** Runs a measurement with the machine's load around it. */
async function withLoad(run: () => Promise<WindowRun>): Promise<WindowRun> {
	const a = loadSnapshot();
	const r = await run();
	const b = loadSnapshot();
	return { ...loadBetween(a, b), ...r };
}

/** The workout page as a person uses it: Start camera, then results counted over the window. */
async function workoutWindow(context: BrowserContext): Promise<WindowRun> {
	const page = await startAppPage(context, '/');
	try {
		await sleep(CFG.warmupMs);
		const a = await mark(page);
		const la = loadSnapshot();
		const ta = threadSnapshot();
		await sleep(CFG.windowMs);
		const tb = threadSnapshot();
		const lb = loadSnapshot();
		const b = await mark(page);
		const lt = await longTasks(page, a, b);
		const state = await op<PageState>(page, 'state');
		const windowMs = b.at - a.at;
		return {
			fps: ((b.count - a.count) * 1000) / windowMs,
			results: b.count - a.count,
			windowS: windowMs / 1000,
			longTasks: lt.count,
			longTaskMaxMs: lt.maxMs,
			longTasksPerMin: (lt.count * 60_000) / windowMs,
			longFrames: lt.frames,
			model: state.model ?? undefined,
			label: state.label,
			workerBusy: (b.inferenceMs - a.inferenceMs) / windowMs,
			threads: threadCoresBetween(ta, tb),
			...loadBetween(la, lb)
		};
	} finally {
		await page.close();
	}
}

/** CPU ms per result of each group of threads (median over runs), and in all: what a result costs, where. */
function cpuPerResult(runs: WindowRun[]): Record<string, number> {
	const per = runs.filter((r) => r.threads && r.fps > 0).map((r) => Object.entries(groupThreadCores(r.threads!)).map(([g, c]) => [g, (c * 1000) / r.fps] as const));
	if (!per.length) return {};
	const groups = per[0].map(([g]) => g);
	const out: Record<string, number> = Object.fromEntries(groups.map((g) => [g, round(median(per.map((p) => p.find(([k]) => k === g)![1])), 1) ?? 0]));
	out.all = round(median(per.map((p) => p.reduce((s, [, v]) => s + v, 0))), 1) ?? 0;
	return out;
}

type Variant = 'raw' | 'pipeline' | 'session' | 'mainThread';
const VARIANT_NAMES: Record<Variant, string> = { raw: 'raw worker', pipeline: 'workout page', session: 'session without a page to draw', mainThread: "MediaPipe's sample on the main thread" };

/** `rounds` rounds of the variants on fresh pages, their order alternating from round to round. */
async function throughputRounds(gpu: BenchGpu, rounds: number, chosen: Variant[], label = ''): Promise<Array<Partial<Record<Variant, WindowRun>>>> {
	const browser = await launch(FEED, [], gpu);
	const out: Array<Partial<Record<Variant, WindowRun>>> = [];
	try {
		const context = await measuringContext(browser);
		const variants: Record<Variant, () => Promise<WindowRun>> = {
			raw: () => withLoad(() => onBenchPage<WindowRun>(context, 'raw', ['lite', CFG.warmupMs, CFG.windowMs])),
			pipeline: () => workoutWindow(context),
			session: () => withLoad(() => onBenchPage<WindowRun>(context, 'session', ['lite', CFG.warmupMs, CFG.windowMs])),
			mainThread: () => withLoad(() => onBenchPage<WindowRun>(context, 'mainThreadWindow', ['lite', CFG.warmupMs, CFG.windowMs]))
		};
		for (let i = 0; i < rounds; i++) {
			// Alternate the order from round to round, so a drift in the machine's load does not favour one variant.
			const order = chosen[i % 2 ? 'reverse' : 'slice']();
			const round: Partial<Record<Variant, WindowRun>> = {};
			for (const v of order) {
				log(`throughput${label} round ${i + 1}/${rounds}: ${VARIANT_NAMES[v]}…`);
				const r = await variants[v]();
				if (r.workerBusy === undefined && r.inferenceMsMean !== undefined) r.workerBusy = (r.fps * r.inferenceMsMean) / 1000;
				round[v] = r;
				const groups = r.threads ? groupThreadCores(r.threads) : null;
				log(`  ${r.fps.toFixed(1)} results/s, worker busy ${((r.workerBusy ?? 0) * 100).toFixed(0)}%, ${r.longTasks} long tasks, other processes ${r.otherCores?.toFixed(2)} cores${groups ? `; cores: ${Object.entries(groups).filter(([, c]) => c >= 0.01).map(([g, c]) => `${g} ${c.toFixed(2)}`).join(', ')}` : ''}`);
			}
			if (round.pipeline && round.pipeline.model !== 'lite') throw new Error(`the workout page ran ${round.pipeline.model}, not lite`);
			out.push(round);
		}
	} finally {
		await browser.close();
	}
	return out;
}

async function throughput() {
	const rounds = (await throughputRounds(BENCH_GPU, CFG.rounds, ['raw', 'pipeline', 'session', 'mainThread'])) as Array<Record<Variant, WindowRun>>;
	// The same pair with the page drawn the other way (see BENCH_GPU), fewer rounds: beside the figures, not in them.
	const otherGpu: BenchGpu = BENCH_GPU === 'software' ? 'swiftshader' : 'software';
	const side = CFG.sideRounds > 0 ? ((await throughputRounds(otherGpu, CFG.sideRounds, ['raw', 'pipeline'], ` (${otherGpu} drawing)`)) as Array<Record<'raw' | 'pipeline', WindowRun>>) : [];
	const perMin = (runs: WindowRun[]) => (runs.reduce((s, r) => s + r.longTasks, 0) * 60) / runs.reduce((s, r) => s + r.windowS, 0);
	const raw = rounds.map((r) => r.raw);
	const rawFps = median(raw.map((r) => r.fps));
	const pipelineFps = median(rounds.map((r) => r.pipeline.fps));
	const busy = median(raw.map((r) => r.workerBusy ?? Number.NaN));
	return {
		raw_fps: rawFps,
		pipeline_fps: pipelineFps,
		pipeline_ratio: pipelineFps / rawFps,
		long_tasks_pipeline: perMin(rounds.map((r) => r.pipeline)),
		long_tasks_main_thread_baseline: perMin(rounds.map((r) => r.mainThread)),
		detail: {
			session_no_render_fps: median(rounds.map((r) => r.session.fps)),
			session_no_render_ratio: median(rounds.map((r) => r.session.fps)) / rawFps,
			main_thread_fps: median(rounds.map((r) => r.mainThread.fps)),
			raw_inference_ms_median: median(raw.map((r) => r.inferenceMsMedian ?? Number.NaN)),
			/** Share of the window the worker spent in detectForVideo: ~1 means inference, not the camera, sets raw_fps. */
			raw_worker_busy: busy,
			camera_fps: raw[0]?.cameraFps ?? null,
			num_poses: raw[0]?.numPoses ?? null,
			pair_ratios: rounds.map((r) => r.pipeline.fps / r.raw.fps),
			/** Worker busy share, pipeline over raw: how much of the gap is the pipeline leaving the worker idle. */
			busy_ratio: median(rounds.map((r) => r.pipeline.workerBusy ?? Number.NaN)) / busy,
			other_cores_median: median(rounds.flatMap((r) => [r.raw.otherCores ?? Number.NaN, r.pipeline.otherCores ?? Number.NaN])),
			/** The raw/pipeline pair with the page drawn the other way (BENCH_GPU), for comparison. */
			other_gpu: side.length
				? {
						gpu: otherGpu,
						raw_fps: median(side.map((r) => r.raw.fps)),
						pipeline_fps: median(side.map((r) => r.pipeline.fps)),
						pipeline_ratio: median(side.map((r) => r.pipeline.fps)) / median(side.map((r) => r.raw.fps)),
						pair_ratios: side.map((r) => r.pipeline.fps / r.raw.fps),
						cpu_ms_per_result: { raw: cpuPerResult(side.map((r) => r.raw)), pipeline: cpuPerResult(side.map((r) => r.pipeline)) },
						rounds: side
					}
				: null,
			/** CPU ms per result in each group of Chromium threads, median over the rounds, per variant. */
			cpu_ms_per_result: Object.fromEntries(
				(['raw', 'pipeline', 'session'] as const).map((v) => [v, cpuPerResult(rounds.map((r) => r[v]))])
			),
			rounds
		}
	};
}

interface CpuRun {
	mode: 'desk' | 'full' | 'workout' | 'idle' | 'nobody' | 'camera';
	cpuS: number;
	wallS: number;
	cpuSPerMin: number;
	resultsPerS: number;
	/** Results the pose model ran for (the others repeated an unchanged frame's result). */
	analysedPerS?: number;
	status?: string;
	label?: string | null;
	otherCores: number;
	cpuSPerMinByProcess: Record<string, number | null>;
}

/** CPU of all of this Chromium's processes over a window, with `page` live (or no page for the idle run). */
async function cpuWindow(mode: CpuRun['mode'], page: Page | null): Promise<CpuRun> {
	await sleep(CFG.warmupMs);
	const a = page ? await mark(page) : null;
	const la = loadSnapshot();
	await sleep(mode === 'idle' ? Math.min(CFG.cpuWindowMs, 15_000) : mode === 'camera' ? Math.min(CFG.cpuWindowMs, 20_000) : CFG.cpuWindowMs);
	const lb = loadSnapshot();
	const b = page ? await mark(page) : null;
	const { cpuS, wallS, byType } = cpuSecondsBetween(la.chromium, lb.chromium);
	const extra = page ? await op<PageState>(page, 'state') : { status: null, label: null };
	return {
		mode,
		cpuS,
		wallS,
		cpuSPerMin: (cpuS * 60) / wallS,
		resultsPerS: a && b ? ((b.count - a.count) * 1000) / (b.at - a.at) : 0,
		analysedPerS: a && b && a.analysed !== undefined && b.analysed !== undefined ? ((b.analysed - a.analysed) * 1000) / (b.at - a.at) : undefined,
		status: extra.status ?? undefined,
		label: extra.label,
		otherCores: loadBetween(la, lb).otherCores,
		cpuSPerMinByProcess: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, round((v * 60) / wallS, 2)]))
	};
}

async function watchCpu() {
	const browser = await launch('desk-upright');
	const runs: CpuRun[] = [];
	try {
		const context = await measuringContext(browser);
		log('watch CPU: idle browser…');
		const idle = await cpuWindow('idle', null);
		runs.push(idle);
		/** The constraints the desk watch opened its camera with (read from its track), for the camera-only page. */
		let deskConstraints: MediaTrackConstraints | null = null;
		for (let i = 0; i < CFG.cpuRounds; i++) {
			for (const mode of ['desk', 'full', 'workout', 'nobody', 'camera'] as const) {
				log(`watch CPU round ${i + 1}/${CFG.cpuRounds}: ${mode}…`);
				if (mode === 'camera') {
					// The floor under any watch: a page of ours holding the camera as the desk watch opens it, doing
					// nothing with it (the fake device replays its file at 30 fps whatever rate is asked for).
					const page = await context.newPage();
					try {
						await page.goto(`${server.origin}/about`);
						await page.evaluate(async (video) => {
							const stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: video ?? true });
							(window as unknown as { heldCamera: MediaStream }).heldCamera = stream;
						}, deskConstraints);
						const run = await cpuWindow(mode, null);
						runs.push(run);
						log(`  camera only: ${run.cpuSPerMin.toFixed(1)} CPU s/min, other processes ${run.otherCores.toFixed(2)} cores`);
					} finally {
						await page.close();
					}
					continue;
				}
				// Nobody in front of the camera: the desk page in a browser of its own whose camera sees an empty wall
				// (the first browser stays open with no page meanwhile: an idle browser, measured above, costs ~0).
				const empty = mode === 'nobody' ? await launch('desk-empty') : null;
				const page = await startAppPage(empty ? await measuringContext(empty) : context, mode === 'workout' ? '/' : '/desk', mode !== 'nobody');
				try {
					// Full rate on the desk page: every frame the camera gives (re-asserted, in case the page's own
					// sampling logic sets its interval again when the state changes).
					if (mode === 'full') await op(page, 'fullRate');
					if (mode === 'desk')
						deskConstraints = await page.evaluate(
							() => (window as unknown as { backcheck?: { session?: { mediaStream?: MediaStream | null } } }).backcheck?.session?.mediaStream?.getVideoTracks()[0]?.getConstraints() ?? null
						);
					const run = await cpuWindow(mode, page);
					runs.push(run);
					log(`  ${mode}: ${run.cpuSPerMin.toFixed(1)} CPU s/min, ${run.resultsPerS.toFixed(1)} results/s (${run.label ?? 'no state'}), other processes ${run.otherCores.toFixed(2)} cores`);
				} finally {
					await page.close();
					await empty?.close();
				}
			}
		}
	} finally {
		await browser.close();
	}
	const med = (mode: CpuRun['mode']) => median(runs.filter((r) => r.mode === mode).map((r) => r.cpuSPerMin));
	/** A mode's CPU above the camera floor, over the full rate's above it: what the watch itself costs. */
	const ownShare = (mode: CpuRun['mode']) => (med(mode) - med('camera')) / (med('full') - med('camera'));
	return {
		watch_cpu_ratio: med('desk') / med('full'),
		watch_cpu_nobody_ratio: med('nobody') / med('full'),
		watch_camera_floor_ratio: med('camera') / med('full'),
		watch_own_cpu_ratio: ownShare('desk'),
		detail: {
			desk_cpu_s_per_min: med('desk'),
			nobody_cpu_s_per_min: med('nobody'),
			full_rate_cpu_s_per_min: med('full'),
			workout_page_cpu_s_per_min: med('workout'),
			ratio_vs_workout_page: med('desk') / med('workout'),
			idle_browser_cpu_s_per_min: med('idle'),
			/** A page holding the camera as the desk watch opens it, and nothing else: the floor under any watch. */
			camera_only_cpu_s_per_min: med('camera'),
			/** Nobody in front of the camera: the watch's own share (the still person's is watch_own_cpu_ratio). */
			nobody_own_ratio: ownShare('nobody'),
			desk_results_per_s: median(runs.filter((r) => r.mode === 'desk').map((r) => r.resultsPerS)),
			nobody_results_per_s: median(runs.filter((r) => r.mode === 'nobody').map((r) => r.resultsPerS)),
			full_results_per_s: median(runs.filter((r) => r.mode === 'full').map((r) => r.resultsPerS)),
			desk_analysed_per_s: median(runs.filter((r) => r.mode === 'desk').map((r) => r.analysedPerS ?? Number.NaN)),
			nobody_analysed_per_s: median(runs.filter((r) => r.mode === 'nobody').map((r) => r.analysedPerS ?? Number.NaN)),
			runs
		}
	};
}

const SLUMP_STEPS = 6;
const SLUMP_MS = 500;
const fmtS = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} s` : 'never (20 s timeout)');

async function latency() {
	const browser = await launch('desk-upright');
	const trials: Array<{ pendingS: number | null; settledS: number | null; seen: Record<string, number>; notUpright?: { label: string | null; pending: string | null } }> = [];
	let status: string | null = null;
	try {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		await context.addInitScript({ content: PAGE_INSTRUMENTATION });
		// A slump as a movement, not a jump: the head sinks over SLUMP_MS in STEPS pictures (an instant 60-pixel jump of
		// the head is not something a person does, and the person tracker may take it for someone else).
		const down = slouchSteps(SLUMP_STEPS);
		const up = [...down.slice(0, -1).reverse(), 'desk-upright'];
		await context.addInitScript({ content: canvasCameraScript(['desk-upright', ...down], 'desk-upright') });
		await context.route('**/__bench/*.png', (route) => {
			const name = new URL(route.request().url()).pathname.split('/').pop()!.replace(/\.png$/, '') as BenchScene;
			return route.fulfill({ path: benchStill(name), contentType: 'image/png' });
		});
		const page = await startAppPage(context, '/desk');
		const probe = () => page.evaluate(() => (window as unknown as Instrumented).__bench.probe);
		// The watch judges a head sinking a few centimetres against the person's own upright, which it learns by
		// itself in the first minute (as in any session): the onsets are timed once that upright is in use.
		const learning = Date.now();
		await page.getByTestId('desk-learning').filter({ hasText: /100 %|done/ }).waitFor({ timeout: 180_000 });
		log(`latency: the desk watch learnt the upright in ${((Date.now() - learning) / 1000).toFixed(1)} s`);
		for (let i = 0; i < CFG.latencyTrials; i++) {
			// Settled upright with nothing pending for a few seconds, then the slouch at a random moment (its phase
			// against the desk watch's sampling varies from trial to trial).
			await op(page, 'show', up, SLUMP_MS / (SLUMP_STEPS - 1), false);
			const deadline = Date.now() + 30_000;
			let steadySince = 0;
			while (Date.now() < deadline) {
				const p = await probe();
				if (p.label === 'upright' && p.pending === null) steadySince ||= Date.now();
				else steadySince = 0;
				if (steadySince && Date.now() - steadySince > 3000) break;
				await sleep(200);
			}
			if (!steadySince) {
				// No onset can be timed from a state that is not upright: record the trial as such and go on.
				const p = await probe();
				trials.push({ pendingS: null, settledS: null, seen: p.seen, notUpright: { label: p.label, pending: p.pending } });
				log(`latency trial ${i + 1}/${CFG.latencyTrials}: the desk watch did not settle on upright in 30 s (${p.label}, pending ${p.pending}); no onset played`);
				continue;
			}
			await sleep(500 + Math.random() * 1500);
			status ??= (await op<PageState>(page, 'state')).status;
			await op(page, 'show', down, SLUMP_MS / (SLUMP_STEPS - 1), true);
			const until = Date.now() + 20_000;
			let p = await probe();
			while (p.settledAt === null && Date.now() < until) {
				await sleep(100);
				p = await probe();
			}
			const trial = { pendingS: p.pendingAt === null ? null : (p.pendingAt - p.onsetAt!) / 1000, settledS: p.settledAt === null ? null : (p.settledAt - p.onsetAt!) / 1000, seen: p.seen };
			trials.push(trial);
			log(`latency trial ${i + 1}/${CFG.latencyTrials}: pending slouched after ${trial.pendingS?.toFixed(2) ?? 'never (in 20 s)'} s, settled after ${trial.settledS?.toFixed(2) ?? 'never (in 20 s)'} s`);
			if (trial.settledS === null) log(`  states seen after the onset: ${JSON.stringify(p.seen)}`);
		}
		await page.close();
	} finally {
		await browser.close();
	}
	const played = trials.filter((t) => !t.notUpright);
	if (played.length < Math.ceil(CFG.latencyTrials / 2)) throw new Error(`latency: the desk watch settled on upright before only ${played.length} of ${CFG.latencyTrials} onsets`);
	const pending = played.map((t) => t.pendingS ?? Number.POSITIVE_INFINITY);
	return {
		watch_detect_latency_s: median(pending),
		detail: {
			max_s: Math.max(...pending),
			onsets: played.length,
			not_upright_before_onset: trials.length - played.length,
			settled_median_s: median(played.map((t) => t.settledS ?? Number.POSITIVE_INFINITY)),
			desk_status_before_onset: status,
			/** Onset = the first picture of the movement; it ends (fully slouched) this much later. */
			slump_ms: SLUMP_MS,
			trials
		}
	};
}

/** How long a person looks at the page before pressing Start, in the start phase's last visit. */
const READ_MS = 5000;

async function startTimes() {
	const cold: number[] = [];
	const warm: number[] = [];
	const runs: Array<{ coldMs: number; warmMs: number[]; controlled: boolean[]; initMs: number[]; afterReadingMs: number }> = [];
	for (let i = 0; i < CFG.startRuns; i++) {
		const profile = mkdtempSync(join(tmpdir(), 'backcheck-bench-profile-'));
		const context = await chromium.launchPersistentContext(profile, benchLaunch(fakeCameraArgs(benchFeed(FEED))));
		try {
			await context.addInitScript({ content: PAGE_INSTRUMENTATION });
			/** `readMs`: the person reads the page that long before pressing Start (0: pressed as soon as it can be). */
			const visit = async (readMs = 0) => {
				const page = await context.newPage();
				await page.goto(`${server.origin}/`);
				const start = page.getByRole('button', { name: 'Start camera' });
				await start.waitFor();
				if (readMs) await sleep(readMs);
				const pressedAt = (await mark(page)).at;
				await start.click();
				const ms = await firstLandmarks(page);
				const { controlled, initMs } = await op<PageState>(page, 'state');
				return { page, ms, afterPressMs: ms - pressedAt, controlled, initMs: initMs ?? Number.NaN };
			};
			for (const p of context.pages()) await p.close();
			log(`start ${i + 1}/${CFG.startRuns}: first visit, new profile…`);
			const first = await visit();
			// Let the service worker finish its install (app shell, wasm and lite model stored) before the next visit.
			const until = Date.now() + 120_000;
			while (!(await op<boolean>(first.page, 'swInstalled'))) {
				if (Date.now() > until) throw new Error('start: the service worker did not finish installing');
				await sleep(500);
			}
			await first.page.close();
			const run = { coldMs: first.ms, warmMs: [] as number[], controlled: [] as boolean[], initMs: [first.initMs], afterReadingMs: Number.NaN };
			for (let k = 0; k < 2; k++) {
				log(`start ${i + 1}/${CFG.startRuns}: visit ${k + 2} (cached)…`);
				const again = await visit();
				await again.page.close();
				run.warmMs.push(again.ms);
				run.controlled.push(again.controlled);
				run.initMs.push(again.initMs);
			}
			log(`start ${i + 1}/${CFG.startRuns}: visit 4 (cached), Start pressed after ${READ_MS / 1000} s on the page…`);
			const reading = await visit(READ_MS);
			await reading.page.close();
			run.afterReadingMs = reading.afterPressMs;
			run.controlled.push(reading.controlled);
			runs.push(run);
			cold.push(run.coldMs);
			warm.push(...run.warmMs);
			log(`  cold ${run.coldMs.toFixed(0)} ms, warm ${run.warmMs.map((m) => m.toFixed(0)).join(', ')} ms, Start to landmarks after reading ${run.afterReadingMs.toFixed(0)} ms`);
		} finally {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	}
	return { cold_start_ms: median(cold), warm_start_ms: median(warm), warm_start_after_reading_ms: median(runs.map((r) => r.afterReadingMs)), detail: { runs } };
}

/** Offline analysis of recordings as `npm run analyze` does it (scripts/lib/bench-video.ts). */
function videoAnalysis(): Promise<VideoAnalysisFigures> {
	return videoAnalysisPhase({ rounds: CFG.videoRounds, seconds: CFG.videoS }, log);
}

async function soak() {
	const browser = await launch(FEED);
	const samples: Array<{ atS: number; pageHeap: HeapUsage; workerHeap: HeapUsage | null; usedMiB: number; chromiumRssMiB: number; results: number; maxGapMs: number; otherCores: number; chromiumCores: number }> = [];
	let restarts = 0;
	let crashes = 0;
	/** Page-clock moments the bench forced a garbage collection (it pauses the worker too). */
	const gcWindows: Array<[number, number]> = [];
	/** Gaps over 250 ms: start (ms from the soak's start), length, whether a forced GC fell inside. */
	let slow: Array<readonly [number, number, boolean]> = [];
	/** The longest gaps the bench did not cause, with what the worker and the page were doing meanwhile. */
	let worstGaps: Array<{ atS: number | null; ms: number | null; inferenceMs: number | null; workerLatencyMs: number | null; longFrames: unknown[] }> = [];
	try {
		const context = await measuringContext(browser);
		const page = await startAppPage(context, '/');
		const heap = await HeapProbe.attach(context, page);
		const started = Date.now();
		const startedAt = (await mark(page)).at;
		let load = loadSnapshot();
		// First sample after a minute (a third of a shorter soak), then every minute, and at the end.
		const firstAt = Math.min(60_000, CFG.soakMs / 3);
		const times = [firstAt];
		for (let t = firstAt + 60_000; t < CFG.soakMs; t += 60_000) times.push(t);
		times.push(CFG.soakMs);
		log(`soak: ${(CFG.soakMs / 1000).toFixed(0)} s on the workout page…`);
		for (const at of times) {
			await sleep(Math.max(0, started + at - Date.now()));
			const g0 = (await mark(page)).at;
			const h = await heap.measure();
			gcWindows.push([g0, (await mark(page)).at]);
			const rec = await page.evaluate(() => (window as unknown as Instrumented).__bench.rec);
			const used = h.page.usedSize + (h.worker?.usedSize ?? 0);
			const now = loadSnapshot();
			const l = loadBetween(load, now);
			load = now;
			samples.push({ atS: (Date.now() - started) / 1000, pageHeap: h.page, workerHeap: h.worker, usedMiB: used / 2 ** 20, chromiumRssMiB: residentMiB(), results: rec.count, maxGapMs: rec.maxGap, ...l });
			log(`  ${((Date.now() - started) / 1000).toFixed(0)} s: heap ${(used / 2 ** 20).toFixed(2)} MiB (page + worker, after GC), ${rec.count} results, longest gap ${rec.maxGap.toFixed(0)} ms, other processes ${l.otherCores.toFixed(2)} cores`);
		}
		const gaps = await page.evaluate(() => (window as unknown as Instrumented).__bench.rec.slow);
		const forcedGc = (at: number, gap: number) => gcWindows.some(([a, b]) => at < b && at + gap > a);
		slow = gaps.map(([at, gap]) => [at - startedAt, gap, forcedGc(at, gap)] as const);
		worstGaps = [];
		for (const [at, gap, inferenceMs, latencyMs] of gaps.filter(([at, gap]) => !forcedGc(at, gap)).sort((x, y) => y[1] - x[1]).slice(0, 8)) {
			const lt = await op<{ frames: unknown[] }>(page, 'longTasks', at - 100, at + gap);
			worstGaps.push({ atS: round((at - startedAt) / 1000, 1), ms: round(gap, 0), inferenceMs: round(inferenceMs, 0), workerLatencyMs: round(latencyMs, 0), longFrames: lt.frames });
		}
		const s = await op<PageState>(page, 'state');
		restarts = s.restarts ?? 0;
		crashes = s.crashes ?? 0;
		await heap.detach();
		await page.close();
	} finally {
		await browser.close();
	}
	const first = samples[0];
	const last = samples[samples.length - 1];
	return {
		soak_heap_growth_pct: ((last.usedMiB - first.usedMiB) / first.usedMiB) * 100,
		// The bench's own forced garbage collections pause the worker; a gap they fall in is not the app's.
		soak_max_stall_ms: Math.max(...slow.filter(([, , gc]) => !gc).map(([, gap]) => gap), Math.min(last.maxGapMs, 250)),
		detail: {
			max_gap_including_forced_gc_ms: last.maxGapMs,
			gaps_over_500ms: slow.filter(([, gap]) => gap > 500).map(([at, gap, gc]) => ({ atS: round(at / 1000, 1), ms: round(gap, 0), forcedGc: gc })),
			worst_gaps: worstGaps,
			soak_s: CFG.soakMs / 1000,
			first_sample_s: first.atS,
			results_per_s: (last.results - first.results) / (last.atS - first.atS),
			chromium_rss_growth_mib: last.chromiumRssMiB - first.chromiumRssMiB,
			worker_backing_store_growth_mib: ((last.workerHeap?.backingStorageSize ?? 0) - (first.workerHeap?.backingStorageSize ?? 0)) / 2 ** 20,
			/** Cores other processes kept busy, median of the sample intervals, and the most in one interval. */
			other_cores_median: median(samples.map((x) => x.otherCores)),
			other_cores_max: Math.max(...samples.map((x) => x.otherCores)),
			stream_restarts: restarts,
			worker_crashes: crashes,
			samples
		}
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Run, print, write

function machine() {
	let os = release();
	try {
		os = /PRETTY_NAME="([^"]*)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
	} catch {
		/* keep the kernel release */
	}
	let browser = 'unknown';
	try {
		browser = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
	} catch {
		/* reported as unknown */
	}
	return {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? 'unknown',
		memGiB: Math.round(totalmem() / 2 ** 30),
		os,
		kernel: release(),
		node: process.version,
		chromium: browser,
		loadAvgAtStart: loadavg().map((v) => round(v, 2)),
		date: new Date().toISOString()
	};
}

/** bench/results.json. */
interface Saved {
	[key: string]: unknown;
	machine: ReturnType<typeof machine> & { loadAvgAtEnd?: Array<number | null>; minutes?: number | null };
	config: typeof CFG & { soakS: number; feed?: BenchScene; slumpMs?: number; slumpSteps?: number; slouchRows?: number };
	pose?: Awaited<ReturnType<typeof modelTable>>;
	/** Phases that threw (absent in files written before this was recorded). */
	failures?: PhaseFailure[];
	delegates?: DelegateFigures;
	detail: Record<string, unknown>;
}

/** What ran in the long animation frames on the workout page, if any blocked. */
function longFramesNote(frames: unknown[]): string | null {
	const list = frames as Array<{ ms: number; blockingMs: number; scripts: Array<{ ms: number; invoker: string; fn: string; url: string }> }>;
	if (!list.length) return null;
	const worst = [...list].sort((a, b) => b.blockingMs - a.blockingMs)[0];
	const scripts = worst.scripts.map((x) => `${x.invoker || x.fn || '?'} ${x.ms} ms`).join(', ') || 'no script attributed (rendering or the browser)';
	return ` Long animation frames that blocked the workout page: ${list.length}; the worst, ${worst.ms} ms (${worst.blockingMs} ms blocking), ran: ${scripts}.`;
}

/** The longest gap in the soak and what the worker and the page did meanwhile. */
function gapNote(gaps: Array<{ atS: number | null; ms: number | null; inferenceMs: number | null; workerLatencyMs: number | null; longFrames: unknown[] }> | undefined): string {
	const g = gaps?.[0];
	if (!g) return '';
	const frames = longFramesNote(g.longFrames);
	return ` The longest, ${g.ms} ms at ${g.atS} s, ended with a result the worker took ${g.inferenceMs} ms to infer (${g.workerLatencyMs} ms in the worker in all)${frames ? ';' + frames.replace(' Long animation frames that blocked the workout page', ' long animation frames on the page meanwhile') : '; no long animation frame on the page meanwhile'}.`;
}

/** CPU per result by thread group, raw worker against the workout page (from /proc per thread, over each window). */
function cpuNote(per: Record<string, Record<string, number>> | undefined): string {
	const raw = per?.raw;
	const page = per?.pipeline;
	if (!raw || !page || !Object.keys(raw).length || !Object.keys(page).length) return '';
	const groups = Object.keys(page).filter((g) => g !== 'all' && ((raw[g] ?? 0) >= 0.5 || page[g] >= 0.5));
	return ` CPU per result, raw worker / workout page (threads of every Chromium process, over each window): ${groups.map((g) => `${g} ${round(raw[g] ?? 0, 1)} / ${round(page[g], 1)} ms`).join(', ')}; in all ${round(raw.all, 0)} / ${round(page.all, 0)} ms.`;
}

/** Median CPU s/min per Chromium process type: desk, desk at full rate, workout page. */
function byProcessNote(runs: Array<{ mode: string; cpuSPerMinByProcess: Record<string, number | null> }>): string {
	const types = [...new Set(runs.flatMap((r) => Object.keys(r.cpuSPerMinByProcess)))];
	const med = (mode: string, type: string) => median(runs.filter((r) => r.mode === mode).map((r) => r.cpuSPerMinByProcess[type] ?? 0));
	return types
		.map((t) => ({ t, desk: med('desk', t), full: med('full', t), workout: med('workout', t) }))
		.filter((x) => x.desk >= 0.1 || x.full >= 0.1 || x.workout >= 0.1)
		.sort((a, b) => b.full - a.full)
		.map((x) => `${x.t} ${x.desk.toFixed(1)} / ${x.full.toFixed(1)} / ${x.workout.toFixed(1)}`)
		.join(', ');
}

/** Runs the phases; returns what bench/results.json holds. */
async function measure(): Promise<Saved> {
	const started = Date.now();
	const mach = machine();
	const results: Record<string, unknown> = {};
	const values: Record<string, number | null> = {};
	const detail: Record<string, unknown> = {};
	const put = (figures: Record<string, unknown>) => {
		for (const [k, v] of Object.entries(figures)) {
			if (k === 'detail') continue;
			values[k] = typeof v === 'number' && Number.isFinite(v) ? v : null;
		}
	};
	let node: NodeFigures | null = null;
	let pose: Awaited<ReturnType<typeof modelTable>> | null = null;
	const failures: PhaseFailure[] = [];
	/** Runs one phase; a failure is recorded and the run goes on with the next phase. */
	const guarded = async (phase: Phase, job: () => Promise<void>) => {
		try {
			await job();
		} catch (e) {
			const error = e instanceof Error ? e.message : String(e);
			failures.push({ phase, error, atMin: round((Date.now() - started) / 60_000, 1) ?? 0, ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) });
			log(`phase ${phase} FAILED (${error.split('\n')[0]}); going on with the next phase`);
		}
	};
	let delegates: DelegateFigures | null = null;

	if (runs('node')) {
		await guarded('node', async () => {
			log('Node: classifier, pipeline, coach, calibration…');
			node = nodeFigures();
			put({ classify_us_per_frame: node.perFrame.usPerFrame, desk_classify_us_per_frame: node.desk.classifyUsPerFrame, desk_calibrated_us_per_frame: node.desk.calibratedUsPerFrame });
			detail.classify = node;
		});
	}
	const browserPhases = PHASES.filter((p) => p !== 'node' && runs(p));
	if (browserPhases.length) {
		let serving: Error | null = null;
		try {
			assertChromium();
			server = await startStaticServer(privateBuild(log));
		} catch (e) {
			serving = e instanceof Error ? e : new Error(String(e));
		}
		try {
			// Each phase's figures go to the table, its detail under its name in results.json; in this order.
			const figurePhases: Array<[Phase, string, () => Promise<{ detail: unknown }>]> = [
				['throughput', 'throughput', throughput],
				['watch', 'watch_cpu', watchCpu],
				['latency', 'watch_latency', latency],
				['start', 'start', startTimes],
				['video', 'video_analysis', videoAnalysis],
				['soak', 'soak', soak]
			];
			if (runs('models')) {
				await guarded('models', async () => {
					if (serving) throw serving;
					pose = await modelTable();
				});
			}
			if (runs('delegates')) {
				await guarded('delegates', async () => {
					if (serving) throw serving;
					log(`delegates: ${CFG.models.join(', ')} on the CPU and the GPU, on the same frames…`);
					const browser = await launch(FEED);
					try {
						delegates = await delegateTable(await measuringContext(browser), server.origin, { models: CFG.models, trialTimeoutS: num('BENCH_DELEGATE_TIMEOUT_S', 300) });
					} finally {
						await browser.close();
					}
				});
			}
			for (const [phase, name, run] of figurePhases) {
				if (!runs(phase)) continue;
				await guarded(phase, async () => {
					if (serving) throw serving;
					const figures = await run();
					put(figures);
					detail[name] = figures.detail;
				});
			}
		} finally {
			if (!serving) await server.close();
		}
	}
	Object.assign(mach, { loadAvgAtEnd: loadavg().map((v) => round(v, 2)), minutes: round((Date.now() - started) / 60_000, 1) });

	for (const t of TARGETS) if (t.key in values) results[t.key] = round(values[t.key], 4);
	results.targets = Object.fromEntries(TARGETS.filter((t) => t.op && t.key in values).map((t) => [t.key, { op: t.op, limit: t.limit, verdict: verdict(t, values[t.key]) }]));
	results.machine = mach;
	results.config = { ...CFG, soakS: CFG.soakMs / 1000, feed: FEED, slumpMs: SLUMP_MS, slumpSteps: SLUMP_STEPS, slouchRows: SLOUCH_ROWS };
	if (pose) results.pose = pose;
	results.failures = failures;
	if (delegates) results.delegates = delegates;
	results.detail = detail;
	return results as unknown as Saved;
}

/** The printed table, the README section: from what bench/results.json holds (BENCH_REPRINT=1 redoes it from the file). */
function render(saved: Saved): string {
	// Files written before these were recorded used the same values.
	const CFG = { feed: 'person' as BenchScene, slumpMs: 500, slumpSteps: 6, slouchRows: 60, ...saved.config };
	// Files written before the drawing mode was recorded used the test suite's flags.
	CFG.gpu ??= 'swiftshader';
	const FEED = CFG.feed;
	const m = saved.machine;
	const detail = saved.detail;
	const pose = saved.pose ?? null;
	const node = (detail.classify as NodeFigures | undefined) ?? null;
	const values: Record<string, number | null> = Object.fromEntries(TARGETS.filter((t) => t.key in saved).map((t) => [t.key, (saved as unknown as Record<string, number | null>)[t.key]]));
	const SLOUCH_ROWS_NOTE = `${CFG.slouchRows} rows of 512`;
	const lines: string[] = [];
	lines.push(`Measured ${m.date.slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, ${m.memGiB} GiB, ${m.os}, ${m.chromium} (headless, ${CFG.gpu === 'swiftshader' ? 'SwiftShader as the GPU for pages and WebGL (the test suite\'s flags)' : 'pages rasterised and composited in software as Chromium does on this machine without a GPU, WebGL in SwiftShader'}, CPU delegate), Node ${m.node}; load average ${m.loadAvgAtStart.join(' ')} at the start, ${(m as { loadAvgAtEnd?: unknown[] }).loadAvgAtEnd?.join(' ')} at the end (shared machine).`);
	lines.push('');
	const failures = saved.failures ?? [];
	lines.push(...summaryTable(values, failures));
	if (failures.length) lines.push('', ...failureLines(failures));
	const tp = detail.throughput as Awaited<ReturnType<typeof throughput>>['detail'] | undefined;
	const wc = detail.watch_cpu as Awaited<ReturnType<typeof watchCpu>>['detail'] | undefined;
	const wl = detail.watch_latency as Awaited<ReturnType<typeof latency>>['detail'] | undefined;
	const sk = detail.soak as Awaited<ReturnType<typeof soak>>['detail'] | undefined;
	const va = detail.video_analysis as VideoAnalysisFigures['detail'] | undefined;
	const notes: string[] = [];
	if (tp) {
		notes.push(
			`Throughput: ${CFG.rounds} rounds, each a fresh page per variant, ${CFG.warmupMs / 1000} s warm-up then ${CFG.windowMs / 1000} s counted; medians. Camera: fake device fed a 30 fps y4m of ${FEED === 'person' ? 'person.jpg (one person, whole body)' : 'basketball1.png'} (640x480, camera reports ${tp.camera_fps ?? '?'} fps); numPoses ${tp.num_poses} as the session uses. ` +
				`The raw worker spent ${((tp.raw_worker_busy ?? 0) * 100).toFixed(0)}% of the window in detectForVideo (median ${round(tp.raw_inference_ms_median, 1)} ms per frame), so ${(tp.raw_worker_busy ?? 0) >= 0.9 ? 'inference, not the camera, sets raw_fps' : 'the worker waited for frames: the camera may be what limits raw_fps'}; on the workout page it was busy ${round((tp.busy_ratio ?? 0) * 100, 0)}% as much as that (the pipeline leaves the worker idle ${(tp.busy_ratio ?? 0) >= 0.97 ? 'hardly at all' : 'some of the time'}). ` +
				`The same session without a page to draw (PoseSession + PostureWatch on a bare page): ${round(tp.session_no_render_fps, 1)} fps (ratio ${round(tp.session_no_render_ratio, 2)}). Per-round pipeline/raw: ${tp.pair_ratios.map((r) => r.toFixed(2)).join(', ')}. Other processes on the machine kept ${round(tp.other_cores_median, 2)} of the 2 cores busy meanwhile (median). MediaPipe's sample on the main thread ran at ${round(tp.main_thread_fps, 1)} fps.` +
				(longFramesNote(tp.rounds.flatMap((r) => r.pipeline.longFrames ?? [])) ?? '') +
				cpuNote(tp.cpu_ms_per_result) +
				(tp.other_gpu
					? ` The same pair drawn ${tp.other_gpu.gpu === 'swiftshader' ? 'with SwiftShader as the GPU for the page too (the test suite\'s flags)' : 'in software (as Chromium does here for a person)'}, ${tp.other_gpu.rounds.length} rounds: raw ${round(tp.other_gpu.raw_fps, 1)} fps, workout page ${round(tp.other_gpu.pipeline_fps, 1)} fps, ratio ${round(tp.other_gpu.pipeline_ratio, 3)} (per round ${tp.other_gpu.pair_ratios.map((r) => r.toFixed(2)).join(', ')});${cpuNote(tp.other_gpu.cpu_ms_per_result)}`
					: '')
		);
	}
	if (wc) {
		notes.push(
			`Watch CPU: utime + stime from /proc/<pid>/stat summed over every process of this Chromium (browser, renderer with the pose worker, GPU, utility), ${CFG.cpuRounds} rounds × ${CFG.cpuWindowMs / 1000} s per mode, fresh page each, fake camera at 30 fps on astronaut.png (upright, head and shoulders). ` +
				`Desk watch as shipped: ${round(wc.desk_cpu_s_per_min, 1)} CPU s/min at ${round(wc.desk_results_per_s, 1)} results/s${wc.desk_analysed_per_s !== undefined ? ` (the pose model ran ${round(wc.desk_analysed_per_s, 2)} times a second, the other results repeated an unchanged frame)` : ''}; ${wc.nobody_cpu_s_per_min !== undefined ? `with nobody in front of the camera (an empty office wall): ${round(wc.nobody_cpu_s_per_min, 1)} CPU s/min, the model ${round(wc.nobody_analysed_per_s ?? null, 2)} times a second; ` : ''}the same page at full rate (frame interval 0): ${round(wc.full_rate_cpu_s_per_min, 1)} CPU s/min at ${round(wc.full_results_per_s, 1)} results/s; the workout page: ${round(wc.workout_page_cpu_s_per_min, 1)} CPU s/min (desk over workout ${round(wc.ratio_vs_workout_page, 2)}); idle browser ${round(wc.idle_browser_cpu_s_per_min, 1)} CPU s/min. ` +
				(wc.camera_only_cpu_s_per_min !== undefined && Number.isFinite(wc.camera_only_cpu_s_per_min)
					? `A page holding the camera as the desk watch opens it and doing nothing with it: ${round(wc.camera_only_cpu_s_per_min, 1)} CPU s/min, ${round(values.watch_camera_floor_ratio ?? null, 3)} of the full rate — the floor under any watch that keeps the camera open, since this fake device replays its file at 30 fps whatever rate is asked for (a real camera opened at a low rate captures fewer frames); above that floor the watch costs ${round(values.watch_own_cpu_ratio ?? null, 3)} of the full rate's own share with a still person, ${round(wc.nobody_own_ratio, 3)} with nobody. `
					: '') +
				`CPU s/min per process, desk / full rate / workout page: ${byProcessNote(wc.runs)} (the GPU process is SwiftShader: WebGL in software, as this machine has no GPU). Other processes on the machine kept ${round(median(wc.runs.filter((r) => r.mode !== 'idle').map((r) => r.otherCores)), 2)} of the 2 cores busy meanwhile (median).`
		);
	}
	if (wl) {
		notes.push(
			`Watch latency: the desk page on a canvas camera stand-in (getUserMedia answered with a 30 fps canvas stream; everything after the track is the app's own worker path) played a slump at a random moment after the watch had settled on upright: the same photo with the head sinking ${SLOUCH_ROWS_NOTE} towards the shoulders over ${CFG.slumpMs} ms (${CFG.slumpSteps} pictures). Onset = the first picture of the slump; "state change" = the first result after which the watch's state shows \`slouched\` pending or settled (what the posture badge shows). ` +
				`${wl.onsets ?? wl.trials.length} onsets${wl.not_upright_before_onset ? ` (${wl.not_upright_before_onset} more trials never settled on upright, so no onset was played)` : ''}: median ${round(values.watch_detect_latency_s ?? null, 2)} s, max ${fmtS(wl.max_s)}; the settled state (after the 4 s slouch dwell) came after ${round(wl.settled_median_s, 2)} s (median). Desk status before the onsets: "${wl.desk_status_before_onset ?? '?'}".`
		);
	}
	if ('cold_start_ms' in values) {
		const st = detail.start as Awaited<ReturnType<typeof startTimes>>['detail'];
		notes.push(
			`Start: ${CFG.startRuns} fresh Chromium profiles; the workout page opened, Start camera clicked as soon as it could be, time from navigation start to the first result with a person (cold: ${st.runs.map((r) => r.coldMs.toFixed(0)).join(', ')} ms). Warm: two more visits per profile once the service worker had stored the app, wasm and lite model (${st.runs.flatMap((r) => r.warmMs).map((v) => v.toFixed(0)).join(', ')} ms; ${st.runs.every((r) => r.controlled.every(Boolean)) ? 'every one' : 'not every one'} served by the service worker). A fourth visit per profile pressed Start after ${READ_MS / 1000} s on the page, as a person reading it would: the page loads the pose model meanwhile on a return visit, so Start to the first landmarks took ${st.runs.map((r) => r.afterReadingMs.toFixed(0)).join(', ')} ms.`
		);
	}
	if (va) {
		const pct = (v: number) => `${Math.round(v * 100)}%`;
		const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
		const others = va.clips.slice(1).map((clip) => {
			const r = va.runs.filter((x) => x.clip === clip);
			const speed = median(r.map((x) => x.speed));
			return `${clip} (${r[0]?.reader ?? '?'}): ${round(speed, 2)}× (${ms(median(r.map((x) => x.perFrameMs.total)))} ms a frame, decode ${ms(median(r.map((x) => x.perFrameMs.decode)))} ms, inference ${ms(median(r.map((x) => x.perFrameMs.inference)))} ms)`;
		});
		const f = va.perFrameMs;
		notes.push(
			`Offline analysis: \`npm run analyze\`'s way (openAnalysisBrowser with the CLI's engine settings, lite, every frame at the video's own rate: ${va.fps} fps, ${va.frames} frames) on ${va.seconds}-s clips of a person while the camera pans and tilts, ${va.rounds} pass${va.rounds === 1 ? '' : 'es'} in one browser, median. ` +
				`${va.clips[0]}, read ${va.reader === 'decoded' ? 'by decoding it in order (WebCodecs, mediabunny)' : 'by seeking a <video>'}: ${ms(f.total)} ms a frame ≈ demuxing and decoding ${ms(f.decode)} ms (${pct(va.share.decode)}) + scaling to 960 px (createImageBitmap) ${ms(f.bitmap)} ms (${pct(va.share.bitmap)}) + inference ${ms(f.inference)} ms (${pct(va.share.inference)}) + transfer to and from the worker ${ms(f.transfer)} ms (${pct(va.share.transfer)}) (medians; shares of the frames' summed time); what limits it: **${va.limit}**. ` +
				`${va.appRate?.length ? `At the app's 15 samples/s (every other frame still decoded): ${round(median(va.appRate.map((r) => r.speed)), 2)}×, ${ms(median(va.appRate.map((r) => r.perFrameMs.total)))} ms a sample, decode ${ms(median(va.appRate.map((r) => r.perFrameMs.decode)))} ms, inference ${ms(median(va.appRate.map((r) => r.perFrameMs.inference)))} ms. ` : ''}` +
				`${others.length ? `Other clips: ${others.join('; ')}. ` : ''}Opening the browser and the model (analyze's start, paid once per run) took ${round(va.browserOpenMs, 0)} ms; opening a clip (loading it, a fresh tracking graph) ${round(median(va.runs.map((r) => r.openMs)), 0)} ms (median). ` +
				'Times per link are taken where the browser does them (`createImageBitmap`; each comlink call to the worker from postMessage to its answer, and decoding as the time from one answer to the next frame\'s postMessage less the bitmaps made meanwhile), inference by the worker itself.'
		);
	}
	if (sk) {
		notes.push(
			`Soak: ${sk.soak_s} s on the workout page with the fake camera (${FEED}, ${round(sk.results_per_s, 1)} results/s); JS heap = CDP Runtime.getHeapUsage of the page and of the pose worker after HeapProfiler.collectGarbage in each, first sample at ${round(sk.first_sample_s, 0)} s against the last. Worker ArrayBuffers (wasm memory) grew ${round(sk.worker_backing_store_growth_mib, 2)} MiB, Chromium's resident memory ${round(sk.chromium_rss_growth_mib, 1)} MiB; ${sk.stream_restarts} stream restarts, ${sk.worker_crashes} worker crashes. Stall: longest gap between two results on the page from the first landmarks to the end, leaving out gaps the bench's own forced GCs fell in (longest with them: ${round(sk.max_gap_including_forced_gc_ms, 0)} ms); ${sk.gaps_over_500ms.length} gaps over 500 ms.${gapNote(sk.worst_gaps)} Other processes kept ${round(sk.other_cores_median, 2)} of the 2 cores busy (median of the minutes; ${round(sk.other_cores_max, 2)} in the busiest).`
		);
	}
	if (node) {
		notes.push(
			`Node: posture pipeline (tracking, features, still classifier, temporal layer, workout context) + the coach's tracker on ${node.perFrame.frames} generated frames of the four stretches, median of ${node.perFrame.runs} passes: pipeline alone ${round(node.perFrame.pipelineUsPerFrame, 1)} µs, coach alone ${round(node.perFrame.coachUsPerFrame, 1)} µs; the still classifier alone (benchClassify) ${round(node.classify.usPerFrame, 1)} µs. Desk slouch path (${node.desk?.frames ?? '?'} generated head-and-shoulders frames): still classifier with the network ${round(node.desk?.classifyUsPerFrame ?? NaN, 1)} µs per frame, ${round(node.desk?.calibratedUsPerFrame ?? NaN, 1)} µs with a recorded calibration applied (its distance and the personal model); the network alone ${round(node.desk?.networkUsPerFrame ?? NaN, 2)} µs in plain TypeScript, ${round(node.desk?.networkTfUsPerFrame ?? NaN, 1)} µs in tfjs one frame at a time, ${round(node.desk?.networkTfBatchUsPerFrame ?? NaN, 2)} µs in tfjs batches of 256.`
		);
	}
	if (pose) {
		lines.push('', `Pose inference per frame, ${CFG.frames} frames after ${CFG.warmupFrames} warm-up, fresh page each, numPoses 1:`, '');
		lines.push('| model | path | median ms | p90 ms | fps | main-thread long tasks (> 50 ms) |', '|---|---|---|---|---|---|');
		for (const [model, row] of Object.entries(pose)) {
			for (const [path, f] of Object.entries(row)) {
				lines.push(`| ${model} | ${path === 'worker' ? 'worker (ours)' : 'main thread (MediaPipe sample)'} | ${round(f.medianMs, 1)} | ${round(f.p90Ms, 1)} | ${round(f.fps, 1)} | ${f.longTasks} |`);
			}
		}
	}
	if (saved.delegates) {
		lines.push('', 'Pose delegates side by side, each model on the CPU and on the GPU, on the same camera frames (as Setup measures them):', '');
		lines.push(...delegateRows(saved.delegates));
		notes.push(delegateNote(saved.delegates));
	}
	if (node) {
		const c = node.calibration;
		lines.push('', `Personal calibration (src/lib/calibration/bench.ts, Node, tfjs backend ${c.backend}):`, '');
		lines.push('| | plain TypeScript | tfjs |', '|---|---|---|');
		lines.push(`| scoring, µs per frame (one frame at a time, live) | ${round(c.plainUsPerFrame, 1)} | ${round(c.tfjsUsPerFrame, 1)} |`);
		lines.push(`| scoring, µs per frame (batches of ${c.batch}, offline) | ${round(c.plainUsPerFrame, 1)} | ${round(c.tfjsBatchUsPerFrame, 1)} |`);
		lines.push(`| fitting a calibration, ms | ${round(c.plainFitMs, 2)} | ${round(c.tfjsFitMs, 2)} |`);
		const batchRatio = c.tfjsBatchUsPerFrame / c.plainUsPerFrame;
		const pays = c.tfjsUsPerFrame < 0.8 * c.plainUsPerFrame || batchRatio < 0.8;
		const batchNote = batchRatio >= 1.2 ? `${round(batchRatio, 1)}× faster even against tfjs batches of ${c.batch}` : `level with tfjs batches of ${c.batch} (offline re-scoring only)`;
		lines.push('', pays ? 'Tensors pay off for some of this work (see the rows above).' : `Tensors do not pay off at this size (an embedding of ${EMBEDDING_DIM} numbers): plain TypeScript is ${round(c.tfjsUsPerFrame / c.plainUsPerFrame, 0)}× faster per live frame, ${batchNote}, and ${round(c.tfjsFitMs / c.plainFitMs, 0)}× faster to fit.`);
	}
	if (notes.length) lines.push('', 'How each figure was measured:', '', ...notes.map((n) => `- ${n}`));
	return lines.join('\n');
}

const saved: Saved = process.env.BENCH_REPRINT === '1' ? (JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) as Saved) : await measure();
const table = render(saved);
process.stdout.write(table + '\n');
mkdirSync(join(ROOT, 'bench'), { recursive: true });
if (process.env.BENCH_REPRINT !== '1') {
	writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(saved, null, 2) + '\n');
	process.stdout.write('\nwritten: bench/results.json\n');
}
const failed = saved.failures ?? [];
const readme = join(ROOT, 'README.md');
if (failed.length) log(`README.md left alone: ${failed.length} phase(s) failed (${failed.map((f) => f.phase).join(', ')})`);
else if (!only && process.env.BENCH_README !== '0' && existsSync(readme)) {
	if (updateReadme(readme, table)) process.stdout.write('updated: README.md (Latest benchmark)\n');
	else log('README.md has neither the bench markers nor the placeholder; not updated');
}
// Non-zero only now, with every phase run and everything written.
process.exitCode = failed.length ? 1 : 0;
