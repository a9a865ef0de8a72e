/**
 * A recorded video through the pose engine, every sampled frame in order: the same worker and VIDEO-mode tracking
 * as the camera, but nothing dropped, so a form check of a recording does not depend on how busy the machine was.
 * Paced at real speed, a multiple of it, or as fast as the engine goes; reports progress; stops on `signal`.
 */
import { EngineError } from '$lib/engine/errors';
import type { PoseEngine } from '$lib/engine/pose-engine';
import type { EngineResult } from '$lib/engine/types';
import { sampleCount, sampleTime } from './sample-times';
import type { SteppedVideo } from './stepped-video';

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
	onFrame(result: EngineResult): void;
	onProgress?(progress: RecordingProgress): void;
}

export interface RecordingSummary {
	frames: number;
	durationS: number;
	elapsedMs: number;
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

export async function analyseRecording(engine: PoseEngine, video: SteppedVideo, opts: AnalyseRecordingOptions): Promise<RecordingSummary> {
	const total = sampleCount(video.durationS, opts.fps);
	const started = performance.now();
	// Real-speed pacing keeps its own clock: media time t is due at anchor + (t - anchorT) / speed, re-anchored
	// when the speed changes so that a change never jumps or stalls.
	let anchorWall = started;
	let anchorT = 0;
	let lastSpeed = opts.getSpeed?.() ?? opts.speed;
	let crashes = 0;
	for (let i = 0; i < total; i++) {
		if (opts.signal?.aborted) throw new EngineError({ code: 'aborted', detail: 'the analysis was stopped' });
		const t = sampleTime(i, opts.fps);
		const speed = opts.getSpeed?.() ?? opts.speed;
		if (speed !== lastSpeed) {
			anchorWall = performance.now();
			anchorT = t;
			lastSpeed = speed;
		}
		if (speed !== 'max') await sleep(anchorWall + ((t - anchorT) * 1000) / speed - performance.now(), opts.signal);
		let result: EngineResult;
		try {
			result = await engine.detectVideoFrame(await video.frameAt(t, opts.signal), Math.round(t * 1000), opts.signal);
		} catch (e) {
			// A worker that died (out of memory, a wasm abort) is started afresh by the engine on the next call: a long
			// file should not be lost to one crash. The same frame is tried again, a few times at most per file.
			if (e instanceof EngineError && e.code === 'worker-crashed' && crashes < MAX_CRASHES) {
				crashes++;
				i--;
				continue;
			}
			throw e;
		}
		opts.onFrame(result);
		opts.onProgress?.({ done: i + 1, total, mediaS: t, durationS: video.durationS, elapsedMs: performance.now() - started });
	}
	return { frames: total, durationS: video.durationS, elapsedMs: performance.now() - started, crashes, unconfirmed: video.unconfirmed };
}
