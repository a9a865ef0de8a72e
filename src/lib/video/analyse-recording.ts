/**
 * A recorded video through the pose engine, every sampled frame in order: the same worker and VIDEO-mode tracking
 * as the camera, but nothing dropped, so a form check of a recording does not depend on how busy the machine was.
 * Paced at real speed, a multiple of it, or as fast as the engine goes; reports progress; stops on `signal`.
 */
import { EngineError } from '$lib/engine/errors';
import type { PoseEngine } from '$lib/engine/pose-engine';
import type { EngineResult } from '$lib/engine/types';
import { sampleCount, sampleTime } from './sample-times';
import { stopped, type RecordingFrame, type RecordingSource } from './recording-source';

export interface RecordingProgress {
	/** Samples analysed so far, of `total`. */
	done: number;
	total: number;
	/** Media time reached and the video's length, seconds. */
	mediaS: number;
	durationS: number;
	/** Wall time since the analysis started, ms. */
	elapsedMs: number;
}

/** 1 = real time, 2 = twice as fast …; 'max' = as fast as the engine goes. */
export type PlaybackSpeed = number | 'max';

export interface AnalyseRecordingOptions {
	/** Samples per second of video. */
	fps: number;
	speed: PlaybackSpeed;
	/** Read before each frame, so the speed can be changed while it runs. */
	getSpeed?: () => PlaybackSpeed;
	signal?: AbortSignal;
	/**
	 * Each result, with (when `previewWidth` is set) the very picture it was found in, scaled down for the screen:
	 * drawing the two together keeps the skeleton on the picture it belongs to.
	 */
	onFrame(result: EngineResult, preview: ImageBitmap | null): void;
	onProgress?(progress: RecordingProgress): void;
	/** Width of the preview pictures handed to onFrame (none when absent). */
	previewWidth?: number;
}

export interface RecordingSummary {
	frames: number;
	durationS: number;
	elapsedMs: number;
	/** How the frames were read: decoded in order, or sought in a <video> element. */
	source: RecordingSource['kind'];
	/** Worker crashes recovered from on the way. */
	crashes: number;
	/** Frames whose presentation the browser never confirmed after the seek (taken anyway; expected 0). */
	unconfirmed: number;
}

/** Crashes recovered from in one file before giving up: a file that keeps killing the worker is not worth more. */
const MAX_CRASHES = 3;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (ms <= 0 || signal?.aborted) return resolve();
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal?.removeEventListener('abort', done);
			resolve();
		}
		signal?.addEventListener('abort', done);
	});
}

export async function analyseRecording(engine: PoseEngine, source: RecordingSource, opts: AnalyseRecordingOptions): Promise<RecordingSummary> {
	const total = sampleCount(source.durationS, opts.fps);
	const times = Array.from({ length: total }, (_, i) => sampleTime(i, opts.fps));
	const started = performance.now();
	// Real-speed pacing keeps its own clock: media time t is due at anchor + (t - anchorT) / speed, re-anchored
	// when the speed changes so that a change never jumps or stalls.
	let anchorWall = started;
	let anchorT = 0;
	let lastSpeed = opts.getSpeed?.() ?? opts.speed;
	let crashes = 0;
	let done = 0;

	const preview = (picture: ImageBitmap | VideoFrame | null): Promise<ImageBitmap | null> => {
		if (!picture || !opts.previewWidth) return Promise.resolve(null);
		const [w, h] = picture instanceof ImageBitmap ? [picture.width, picture.height] : [picture.displayWidth, picture.displayHeight];
		const width = Math.min(opts.previewWidth, w);
		return createImageBitmap(picture, { resizeWidth: width, resizeHeight: Math.round((width / w) * h), resizeQuality: 'medium' });
	};

	/** One frame through the engine; a frame with no picture (before the video's first) finds nobody. */
	const detect = async (frame: RecordingFrame): Promise<EngineResult> => {
		const ms = Math.round(frame.t * 1000);
		if (!frame.picture) return { frame: { t: ms, people: [], width: source.width, height: source.height }, timing: { inferenceMs: 0, latencyMs: 0 } };
		return engine.detectVideoFrame(frame.picture, ms, opts.signal);
	};

	for await (let frame of source.frames(times, opts.signal)) {
		if (opts.signal?.aborted) {
			frame.picture?.close();
			throw stopped();
		}
		const speed = opts.getSpeed?.() ?? opts.speed;
		if (speed !== lastSpeed) {
			anchorWall = performance.now();
			anchorT = frame.t;
			lastSpeed = speed;
		}
		if (speed !== 'max') await sleep(anchorWall + ((frame.t - anchorT) * 1000) / speed - performance.now(), opts.signal);
		for (;;) {
			const picture = await preview(frame.picture);
			try {
				opts.onFrame(await detect(frame), picture);
				break;
			} catch (e) {
				picture?.close();
				// A worker that died (out of memory, a wasm abort) is started afresh by the engine on the next call: a long
				// file should not be lost to one crash. The same frame is tried again, a few times at most per file.
				if (e instanceof EngineError && e.code === 'worker-crashed' && crashes < MAX_CRASHES) {
					crashes++;
					frame = await source.frameAt(frame.t, opts.signal);
					continue;
				}
				throw e;
			}
		}
		done++;
		opts.onProgress?.({ done, total, mediaS: frame.t, durationS: source.durationS, elapsedMs: performance.now() - started });
	}
	if (opts.signal?.aborted) throw stopped();
	return { frames: done, durationS: source.durationS, elapsedMs: performance.now() - started, source: source.kind, crashes, unconfirmed: source.unconfirmed };
}
