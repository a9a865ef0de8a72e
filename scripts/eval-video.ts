/**
 * `npx tsx scripts/eval-video.ts` (also part of `npm run eval`): the coach on real videos of real people,
 * through exactly what `npm run analyze -- --exercise <name> <video>` runs: the app's pose worker in headless
 * Chromium with the CLI's engine settings (scripts/lib/cli-engine.ts), every frame at the video's own frame
 * rate, then the CLI's frame annotator (scripts/lib/frame-annotator.ts: the coach's person follower and the
 * exercise's tracker), events and the end of the file as `analyze` prints them.
 *
 * The engine's per-frame results are cached under .cache/eval/ keyed by the video's content hash, the engine
 * settings and the sampling rate, so a re-run takes seconds and runs no browser; the videos are read in place
 * from ../shared/datasets and never copied.
 *
 * The expected counts below were made by looking at the videos: contact sheets of 1 frame per second, and
 * 3-5 per second around the unclear parts (ffmpeg fps + tile), first by the lead, then checked frame by
 * frame here; where the two disagreed the reason is written beside the number. A hold is the time the
 * person is seen at the top of the lift (issue 11: the time not seen is not counted as held).
 *
 * Usage: npx tsx scripts/eval-video.ts [--datasets DIR] [--timeline]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { PoseFrame } from '../src/lib/pose/types';
import type { ExerciseName } from '../src/lib/coach/types';
import { openAnalysisBrowser, type AnalysisBrowser } from './lib/analysis-browser';
import { CLI_ENGINE } from './lib/cli-engine';
import { createFrameAnnotator } from './lib/frame-annotator';
import { playableVideo, probeFps } from './lib/video-input';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(REPO, '.cache', 'eval');
/** The model `analyze` uses by default. Part of the cache key with CLI_ENGINE and the sampling rate. */
const MODEL = 'lite' as const;
/** Bump when what is cached per frame changes (v2: frames read by the app's recording reader, decoded by mediabunny). */
const CACHE_FORMAT = 'v2';

/** A number expected within a tolerance. */
export interface Near {
	s: number;
	tol: number;
}

export interface VideoCase {
	id: string;
	/** Path under the datasets folder. */
	file: string;
	exercise: ExerciseName;
	/** Reps (cobra) or holds (hang) expected: at least / at most. */
	count: { min: number; max: number };
	/** Cobra: the hold of each rep in order (null: not judged). Hang: the time hanging counted in each hold. */
	holdsS: Array<Near | null>;
	/** Hang: how long the followed person is on the bar (from the hold's start to its end). */
	onBarS?: Near;
	/** How the expected numbers were counted. */
	how: string;
}

export const VIDEO_CASES: readonly VideoCase[] = [
	{
		id: 'v3',
		file: 'cobra-videos/videos/v3.mp4',
		exercise: 'cobra',
		count: { min: 3, max: 3 },
		holdsS: [
			{ s: 4.5, tol: 2 },
			{ s: 6, tol: 2 },
			{ s: 5.5, tol: 2 }
		],
		how:
			'426x240, one woman side-on. Lift 1 rises in a closer shot (0-0.9 s), the wide shot from 1 s, top ~1.5 s, held to ~5.5 s, ' +
			'slow lowering to ~9 s (lead: held to ~6 s; 4.5 s here, from the top to the start of the lowering). 10-25 s a low hover ' +
			'with the chest barely up while talking (not a lift), 26-42 s flat, 43-53 s head-and-shoulders close-up. Lift 2 rises ' +
			'54.5-55.7 s, held to ~62 s, lowers 62-63 s (only to a low hover with bent elbows, not to the mat). Lift 3 rises 64.8-66.5 s ' +
			'and she holds it to the end of the video, but the last shot (71.8-75.7 s, closer) has her hips at the bottom edge of the ' +
			'picture, cut off, so only the wide shot shows enough of the body to check the hips: ~5.5 s (lead: ~6 s).'
	},
	{
		id: 'v4',
		file: 'cobra-videos/videos/v4.mp4',
		exercise: 'cobra',
		count: { min: 1, max: 1 },
		holdsS: [{ s: 10, tol: 2 }],
		how:
			'640x360. Already part way up at 0 s, at the top by ~1 s, held to the end (11.6 s); a crossfade at 4.5-5 s from a side view ' +
			'to a front-left 3/4 view in the middle of the hold: one rep (a cut is a pause, not a new rep), ~10 s at the top.'
	},
	{
		id: 'v5',
		file: 'cobra-videos/videos/v5.mp4',
		exercise: 'cobra',
		count: { min: 2, max: 3 },
		holdsS: [{ s: 3, tol: 1.5 }, { s: 4.3, tol: 1.5 }, null],
		how:
			'640x360, 3/4 view, captions. Lift 1 rises 1.2-3 s, held ~3-6 s, then a crossfade to a close-up of her lying (the lowering ' +
			'is not shown). 7 s upper-body close-up, 8-10 s wide lying, 11-14 s legs close-up, 14-21 s wide lying. Lift 2 rises ' +
			'21.2-23 s, held to ~27.2 s, lowers to ~30 s. Lift 3 rises in an upper-body close-up (31-35 s, no hips or legs in the ' +
			'picture), the wide shot returns at 35.5 s with her still up, lowering 36.5-37.5 s: seen whole only at its end, so 2 or 3 reps.'
	},
	{
		id: 'zain',
		file: 'cobra-videos/videos/zain.mp4',
		exercise: 'cobra',
		count: { min: 0, max: 1 },
		holdsS: [],
		how:
			'Phone video, camera walking around a man up in cobra from start to end (never lowers): front-3/4 0-2.5 s, only his legs ' +
			'3-5 s, from behind 6-12 s, bystanders in the background 5-7 s. One rep, or none if the lift cannot be measured from ' +
			'these views; never more than one.'
	},
	{
		id: 'dead-hang',
		file: 'dead-hang/davide710_pullups_challenge.mp4',
		exercise: 'hang',
		count: { min: 1, max: 1 },
		holdsS: [{ s: 9.7, tol: 2 }],
		onBarS: { s: 12, tol: 1.5 },
		how:
			'406x720, front view, two men on one bar the whole clip (12.7 s). The man followed is the first seen, on the left of the ' +
			'picture; he pulls up at ~4.0-4.9, ~6.8-7.7 and ~10.2-11.4 s (4 frames per second around them), the man on the right at ' +
			'~3.5, ~6 and ~8.5 s. Pull-ups pause the hang timer without ending the hang (decompression is hanging loose with straight ' +
			'arms; pulling up braces the trunk), so: one hang, on the bar ~12.7 s, ~9.7 s of it with straight arms.'
	}
];

export interface VideoEvalRow {
	id: string;
	exercise: ExerciseName;
	file: string;
	frames: number;
	fps: number;
	seconds: number;
	count: number;
	holdsS: number[];
	peaksDeg: number[];
	/** Hang: from each hold's start to its end, seconds. */
	spansS: number[];
	countOk: boolean;
	/** Per expected hold: within the tolerance (null when not judged or not found). */
	holdsOk: Array<boolean | null>;
	onBarOk: boolean | null;
	/** The coach's phase letter every 200 ms of video (for --timeline). */
	timeline: string[];
	cached: boolean;
}

export interface VideoEvalReport {
	datasetsDir: string;
	rows: VideoEvalRow[];
	missing: string[];
}

export interface CachedVideo {
	frames: PoseFrame[];
	fps: number;
	cached: boolean;
}

/** The engine's frames for each video: from the cache, else through the engine (one browser for all). */
export async function framesOf(paths: readonly string[], log: (line: string) => void): Promise<CachedVideo[]> {
	mkdirSync(CACHE, { recursive: true });
	const engine = `${MODEL}-n${CLI_ENGINE.numPoses}-det${CLI_ENGINE.imageMinDetectionConfidence}`;
	const out: CachedVideo[] = [];
	let browser: AnalysisBrowser | null = null;
	try {
		for (const path of paths) {
			// The rate analyze samples at: the video's own (ffprobe), else 30.
			const fps = (await probeFps(path)) ?? 30;
			const hash = createHash('sha1').update(readFileSync(path)).digest('hex');
			const cache = join(CACHE, `video-${hash}-${engine}-fps${Math.round(fps * 1000) / 1000}-${CACHE_FORMAT}.json.gz`);
			if (existsSync(cache)) {
				out.push({ frames: JSON.parse(gunzipSync(readFileSync(cache)).toString('utf8')) as PoseFrame[], fps, cached: true });
				continue;
			}
			browser ??= await openAnalysisBrowser({ model: MODEL, ...CLI_ENGINE });
			const video = await playableVideo(path);
			const frames: PoseFrame[] = [];
			const started = Date.now();
			let reader = '';
			try {
				const r = await browser.video(video.path, fps, (result) => frames.push(result.frame));
				if (!r.ok) throw new Error(`${path}: ${r.failure.detail}`);
				reader = r.summary.source;
			} finally {
				video.cleanup();
			}
			log(`eval-video: ${path}: ${frames.length} frames through the engine in ${((Date.now() - started) / 1000).toFixed(0)} s, read by ${reader} (cached in .cache/eval/)`);
			writeFileSync(cache, gzipSync(JSON.stringify(frames)));
			out.push({ frames, fps, cached: false });
		}
	} finally {
		await browser?.close();
	}
	return out;
}

const within = (x: number | undefined, n: Near | null | undefined): boolean | null => (n == null || x === undefined ? null : Math.abs(x - n.s) <= n.tol);

/** One video through the CLI's annotator, as `analyze --exercise` runs it. */
function annotate(c: VideoCase, v: CachedVideo): VideoEvalRow {
	const a = createFrameAnnotator({ stills: false, calibrationFrames: null, exercise: c.exercise });
	a.startSequence();
	const events: Record<string, unknown>[] = [];
	const timeline: string[] = [];
	for (const f of v.frames) {
		const { annotation, events: ev } = a.frame(f, false);
		events.push(...ev);
		// The phase every 200 ms.
		const slot = Math.floor(f.t / 200);
		const phase = (annotation.coach as { phase: string } | undefined)?.phase ?? 'absent';
		timeline[slot] ??= PHASE_LETTER[phase];
	}
	events.push(...a.endSequence());
	const units = events.filter((e) => e.event === (c.exercise === 'hang' || c.exercise === 'sphinx' ? 'hold' : 'rep'));
	const holdsS = units.map((e) => Number(e.event === 'rep' ? e.holdS : e.seconds));
	const spansS = units.map((e) => Math.round((Number(e.t) - Number(e.startT)) / 100) / 10);
	const last = v.frames[v.frames.length - 1];
	return {
		id: c.id,
		exercise: c.exercise,
		file: c.file,
		frames: v.frames.length,
		fps: v.fps,
		seconds: last ? Math.round(last.t / 100) / 10 : 0,
		count: units.length,
		holdsS,
		peaksDeg: units.filter((e) => e.event === 'rep').map((e) => Number(e.peakDeg)),
		spansS,
		countOk: units.length >= c.count.min && units.length <= c.count.max,
		holdsOk: c.holdsS.map((n, i) => within(holdsS[i], n)),
		onBarOk: within(spansS[0], c.onBarS),
		timeline: Array.from(timeline, (s) => s ?? ' '),
		cached: v.cached
	};
}

/** Phase letters for the timeline: rest, rising, top, lowering, holding, paused, setup, absent. */
const PHASE_LETTER: Record<string, string> = { rest: '_', rising: '/', top: '^', lowering: '\\', holding: 'H', paused: 'p', setup: 's', absent: '.' };

/** Runs every case whose video is present; null when the datasets folder is absent. */
export async function evalVideo(datasetsDir: string, log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<VideoEvalReport | null> {
	if (!existsSync(datasetsDir)) return null;
	const present = VIDEO_CASES.filter((c) => existsSync(join(datasetsDir, c.file)));
	const missing = VIDEO_CASES.filter((c) => !present.includes(c)).map((c) => c.file);
	const videos = await framesOf(
		present.map((c) => join(datasetsDir, c.file)),
		log
	);
	return { datasetsDir, rows: present.map((c, i) => annotate(c, videos[i])), missing };
}

const list = (xs: number[]) => (xs.length ? xs.map((x) => x.toFixed(1)).join(', ') : '-');
const near = (n: Near | null) => (n ? `${n.s}±${n.tol}` : 'any');
const mark = (ok: boolean | null) => (ok === null ? ' ' : ok ? 'ok' : 'MISS');

/** The report as text lines; `timeline` adds each video's coach phases, a character per 200 ms, a line per 20 s. */
export function formatVideoEval(rep: VideoEvalReport, opts: { timeline?: boolean } = {}): string[] {
	const out: string[] = [];
	out.push(`# The coach on real videos (analyze --exercise, lite model, every frame at the video's own rate; datasets: ${rep.datasetsDir})`);
	out.push('');
	out.push(`${'video'.padEnd(11)}${'exercise'.padEnd(9)}${'s'.padStart(6)}${'frames'.padStart(7)}  ${'count exp/found'.padEnd(17)}${'holds s expected'.padEnd(26)}${'holds s found'.padEnd(28)}${'hang on bar s'.padEnd(24)}peaks deg`);
	for (const r of rep.rows) {
		const c = VIDEO_CASES.find((x) => x.id === r.id)!;
		const exp = c.count.min === c.count.max ? `${c.count.min}` : `${c.count.min}-${c.count.max}`;
		const holdsExp = c.holdsS.length ? c.holdsS.map(near).join(', ') : '-';
		const holdMarks = r.holdsOk.some((x) => x !== null) ? ` ${r.holdsOk.map(mark).filter((m) => m !== ' ').join(',')}` : '';
		const onBar = c.onBarS ? `${list(r.spansS)} (exp ${near(c.onBarS)}) ${mark(r.onBarOk)}` : '-';
		out.push(
			`${r.id.padEnd(11)}${r.exercise.padEnd(9)}${r.seconds.toFixed(1).padStart(6)}${String(r.frames).padStart(7)}  ${`${exp} / ${r.count} ${mark(r.countOk)}`.padEnd(17)}${holdsExp.padEnd(26)}${(list(r.holdsS) + holdMarks).padEnd(28)}${onBar.padEnd(24)}${list(r.peaksDeg)}`
		);
	}
	const counts = rep.rows.filter((r) => r.countOk).length;
	const holds = rep.rows.flatMap((r) => r.holdsOk).filter((x) => x !== null);
	out.push('');
	out.push(`counts as expected: ${counts}/${rep.rows.length} videos; holds within tolerance: ${holds.filter((x) => x).length}/${holds.length}`);
	out.push(
		'Not held out: these videos were watched while the coach was made to cope with edited footage (the person follower: v3 lost after a ' +
			'close-up, the two men on the dead-hang bar; the lying check\'s lapses: zain; the crossfade in v4; cuts needing two frames: ' +
			'dead-hang at 11.6 s), so the numbers say the coach works on them, not how accurate it is on videos never seen.'
	);
	if (rep.missing.length) out.push(`not found (skipped): ${rep.missing.join(', ')}`);
	out.push('How the expected numbers were counted:');
	for (const r of rep.rows) out.push(`  ${r.id}: ${VIDEO_CASES.find((x) => x.id === r.id)!.how}`);
	if (opts.timeline) {
		out.push('');
		out.push('Coach phase every 200 ms (_ rest, / rising, ^ top, \\ lowering, H holding, p paused, s setup, . absent), a | every second:');
		for (const r of rep.rows) {
			out.push(`  ${r.id}:`);
			for (let s = 0; s < r.timeline.length; s += 100) {
				const secs: string[] = [];
				for (let k = s; k < Math.min(s + 100, r.timeline.length); k += 5) secs.push(r.timeline.slice(k, k + 5).join(''));
				out.push(`   ${String(s / 5).padStart(3)}s ${secs.join('|')}`);
			}
		}
	}
	return out;
}

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	const i = args.indexOf('--datasets');
	const dir = resolve(i >= 0 ? args[i + 1] : join(REPO, '..', 'shared', 'datasets'));
	const rep = await evalVideo(dir);
	if (!rep) {
		console.log(`eval-video: no datasets at ${dir} (expected ../shared/datasets next to the repository); nothing to evaluate.`);
		return 0;
	}
	for (const line of formatVideoEval(rep, { timeline: args.includes('--timeline') })) console.log(line);
	return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().then(
		(code) => process.exit(code),
		(e) => {
			console.error(`eval-video: ${e instanceof Error ? e.message : String(e)}`);
			process.exit(1);
		}
	);
}
