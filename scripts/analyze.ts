/**
 * `npm run analyze -- <inputs...>`: images and videos through the app's own pose worker in headless Chromium,
 * landmark files straight from disk; one JSON line per frame on stdout, then a summary line. Errors name the
 * file (and line) on stderr and make the exit code 1; lines already printed stay valid.
 *
 * Every line reaches the reader, whatever stdout is (file, terminal, pipe, a reader slower than us): reading a
 * landmark file waits for a reader that is behind; lines of images and videos come at the browser's pace (a few
 * dozen a second) and what the reader has not taken yet waits in memory; the process ends on its own once stdout
 * is flushed, never by process.exit with writes pending. A reader that goes away (`| head`) ends the run
 * quietly (exit code 141, like a tool stopped by SIGPIPE).
 */
import { existsSync, statSync } from 'node:fs';
import { openAnalysisBrowser, type AnalysisBrowser } from './lib/analysis-browser';
import { CLI_ENGINE } from './lib/cli-engine';
import { inputKind, parseAnalyzeArgs, USAGE, UsageError, type AnalyzeArgs } from './lib/cli-args';
import { createFrameAnnotator, type FrameAnnotator } from './lib/frame-annotator';
import { readLandmarkFile } from './lib/landmark-input';
import { flushed, LineOutput } from './lib/line-output';
import { playableVideo, probeFps } from './lib/video-input';
import { createProgressReporter } from './lib/progress-line';
import type { PoseFrame } from '../src/lib/pose/types';

class InputError extends Error {}

/** The reader closed the pipe: nothing more can arrive, so stop now (Playwright ends its browser on exit). */
const READER_GONE = 141;
const stdout = new LineOutput(process.stdout, () => process.exit(READER_GONE));
const out = (record: unknown) => stdout.line(record);
/** Progress through a long video, on stderr when it is a terminal (never on stdout). */
const progress = createProgressReporter(process.stderr);
const fail = (message: string) => {
	progress.clear();
	process.stderr.write(`analyze: ${message}
`);
};

interface Totals {
	files: number;
	frames: number;
	framesWithPerson: number;
	inferenceMs: number[];
	errors: number;
}

function emit(frame: PoseFrame, file: string | null, annotator: FrameAnnotator, totals: Totals, still: boolean): void {
	const person = frame.people[0] ?? null;
	totals.frames++;
	if (person) totals.framesWithPerson++;
	const record: Record<string, unknown> = { t: frame.t };
	if (file !== null) record.file = file;
	record.landmarks = person?.landmarks ?? null;
	record.worldLandmarks = person?.worldLandmarks ?? null;
	if (frame.width && frame.height) {
		record.width = frame.width;
		record.height = frame.height;
	}
	const { annotation, events } = annotator.frame(frame, still);
	out({ ...record, ...annotation });
	for (const event of events) out(file === null ? event : { ...event, file });
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function main(args: AnalyzeArgs): Promise<number> {
	const totals: Totals = { files: 0, frames: 0, framesWithPerson: 0, inferenceMs: [], errors: 0 };
	for (const input of args.inputs) {
		if (!existsSync(input) || !statSync(input).isFile()) throw new InputError(`${input}: no such file`);
		if (!inputKind(input)) throw new InputError(`${input}: unknown kind of file (give an image, a video, .jsonl or .csv)`);
	}
	let calibrationFrames: PoseFrame[] | null = null;
	if (args.calibrate) {
		calibrationFrames = [];
		for await (const item of readLandmarkFile(args.calibrate)) {
			if ('error' in item) throw new InputError(`${args.calibrate}: ${item.error}`);
			calibrationFrames.push(item.frame);
		}
		if (calibrationFrames.length === 0) throw new InputError(`${args.calibrate}: no frames to calibrate on`);
	}
	const annotator = createFrameAnnotator({ stills: args.stills, calibrationFrames, exercise: args.exercise });

	let browser: AnalysisBrowser | null = null;
	const needsBrowser = args.inputs.some((i) => inputKind(i) !== 'landmarks');
	try {
		if (needsBrowser) browser = await openAnalysisBrowser({ model: args.model, ...CLI_ENGINE });
		for (const input of args.inputs) {
			totals.files++;
			const kind = inputKind(input);
			if (kind === 'landmarks') {
				annotator.startSequence();
				for await (const item of readLandmarkFile(input)) {
					if ('error' in item) {
						fail(`${input}: ${item.error}`);
						totals.errors++;
						break;
					}
					emit(item.frame, null, annotator, totals, args.stills);
					// A reader slower than the file: wait for it rather than hold the whole file in memory.
					await stdout.drained();
				}
				for (const event of annotator.endSequence()) out(event);
			} else if (kind === 'image') {
				const r = await browser!.image(input);
				if (!r.ok) {
					fail(`${input}: ${r.failure.detail}`);
					totals.errors++;
					continue;
				}
				totals.inferenceMs.push(r.result.timing.inferenceMs);
				emit(r.result.frame, input, annotator, totals, true);
			} else {
				let video;
				try {
					video = await playableVideo(input);
				} catch (e) {
					fail(e instanceof Error ? e.message : String(e));
					totals.errors++;
					continue;
				}
				try {
					const fps = args.fps ?? (await probeFps(video.path)) ?? 30;
					annotator.startSequence();
					const r = await browser!.video(video.path, fps, (result, p) => {
						totals.inferenceMs.push(result.timing.inferenceMs);
						emit(result.frame, input, annotator, totals, args.stills);
						progress.update(input, p);
					});
					progress.clear();
					if (!r.ok) {
						fail(`${input}: ${r.failure.detail}`);
						totals.errors++;
					}
					for (const event of annotator.endSequence()) out({ ...event, file: input });
				} finally {
					video.cleanup();
				}
			}
		}
	} finally {
		await browser?.close();
	}
	const inference = median(totals.inferenceMs);
	out({
		summary: {
			files: totals.files,
			frames: totals.frames,
			framesWithPerson: totals.framesWithPerson,
			errors: totals.errors,
			model: needsBrowser ? args.model : null,
			inferenceMsMedian: inference === null ? null : Math.round(inference * 10) / 10,
			...annotator.summary()
		}
	});
	return totals.errors > 0 ? 1 : 0;
}

/**
 * Sets the exit code and lets the process end by itself once stdout and stderr are flushed. A handle left open by
 * mistake must not hang the CLI: with everything flushed, exiting is safe, so a late timer (unref'd: it never
 * keeps the process alive by itself) ends it.
 */
async function finish(code: number): Promise<void> {
	process.exitCode = code;
	await Promise.all([stdout.flushed(), flushed(process.stderr)]);
	setTimeout(() => process.exit(), 5000).unref();
}

async function run(): Promise<number> {
	let args: AnalyzeArgs;
	try {
		args = parseAnalyzeArgs(process.argv.slice(2));
	} catch (e) {
		fail(e instanceof Error ? e.message : String(e));
		process.stderr.write(USAGE + '\n');
		return 2;
	}
	if (args.help) {
		process.stdout.write(USAGE + '\n');
		return 0;
	}
	try {
		return await main(args);
	} catch (e) {
		// Expected failures get one clear line; anything else still gets no stack trace unless asked for.
		fail(e instanceof Error ? e.message : String(e));
		if (process.env.BACKCHECK_DEBUG && e instanceof Error && !(e instanceof InputError || e instanceof UsageError)) process.stderr.write(`${e.stack}\n`);
		return 1;
	}
}

await finish(await run());
