/// <reference lib="webworker" />
/**
 * The pose worker: owns MediaPipe's PoseLandmarker and the frame loop, so the page never blocks on inference.
 * Frames arrive either as a stream of VideoFrames (MediaStreamTrackProcessor's readable, transferred here) or
 * one ImageBitmap at a time. Everything it loads comes from our own origin.
 *
 * The GPU delegate, when asked for, may fail at any time: no WebGL2, a model that will not build on it, a frame
 * it cannot analyse, its graphics context lost. Each time the worker builds the model again on the CPU and
 * carries on; the first result after that says so (EngineResult.fallback), and the GPU is not tried again in
 * this worker.
 */
import * as Comlink from 'comlink';
import { FilesetResolver } from '@mediapipe/tasks-vision';
import { EngineError, failure } from './errors';
import { guardFetch } from './origin-guard';
import { nextTimestamp, toPoseFrame } from './to-pose-frame';
import type { DelegateFallback, EngineInfo, EngineOptions, EngineResult, StreamSummary, TrialResult, TrialSpec } from './types';
import { detectionConfidence } from './detection-confidence';
import { EVERY_FRAME, FrameGate, type SamplingOptions } from './frame-gate';
import { layoutOf, lumaThumbnail } from './luma-thumbnail';
import { HeldLandmarker, hasWebGL2, type Fileset, type RunningMode } from './landmarker';
import { buildWithFallback, runWithFallback } from './gpu-fallback';
import type { PoseDelegate, PoseModel } from '$lib/pose/types';

guardFetch(self);

let fileset: Fileset | null = null;
let video: HeldLandmarker | null = null;
let image: HeldLandmarker | null = null;
let options: EngineOptions | null = null;
let lastTimestamp = 0; // VIDEO-mode timestamps must exceed the warm-up frame's 0
/** The model file last fetched (rebuilding after a GPU failure or a reset needs it again). */
let modelFile: { url: string; bytes: Uint8Array } | null = null;
/** Why the GPU failed in this worker: from then on every landmarker is built on the CPU. */
let gpuFailure: DelegateFallback | null = null;
/** A fallback not yet reported: it rides on the next result. */
let unreported: DelegateFallback | null = null;

/** The one frame loop running in this worker (a new stream stops the one before). */
interface StreamLoop {
	id: number;
	reader: ReadableStreamDefaultReader<VideoFrame>;
	stopped: boolean;
	done: Promise<unknown>;
}
let loop: StreamLoop | null = null;
/** Which frames of a stream are looked at and which analysed (frames in between are closed unread). */
const gate = new FrameGate(EVERY_FRAME);
/** Reused for every thumbnail (a 640x480 I420 frame is 450 KiB). */
let frameBytes: Uint8Array | null = null;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function assertWebGL(): void {
	// Tasks-vision needs a WebGL context even on the CPU delegate; without one it fails deep inside the wasm
	// ("reading 'activeTexture'"), so check up front and say so plainly.
	const canvas = new OffscreenCanvas(1, 1);
	const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
	if (!gl) throw new EngineError(failure('webgl-unavailable', 'OffscreenCanvas WebGL context could not be created'));
}

function modelUrlOf(o: EngineOptions, model: PoseModel = o.model): string {
	return model === o.model && o.modelUrl ? o.modelUrl : new URL(`models/pose_landmarker_${model}.task`, o.assetBase).href;
}

/** The model file's bytes (fetched ourselves, so a missing or corrupt file gives a clear message, not a wasm abort). */
async function modelBytes(url: string): Promise<Uint8Array> {
	if (modelFile?.url === url) return modelFile.bytes;
	const response = await fetch(url).catch((e) => {
		throw new EngineError(failure('model-load-failed', `${url}: ${e}`));
	});
	if (!response.ok) throw new EngineError(failure('model-load-failed', `${url}: HTTP ${response.status}`));
	const bytes = new Uint8Array(await response.arrayBuffer());
	modelFile = { url, bytes };
	return bytes;
}

function failGpu(stage: DelegateFallback['stage'], detail: string): void {
	gpuFailure ??= { from: 'GPU', to: 'CPU', stage, detail };
	unreported = { from: 'GPU', to: 'CPU', stage, detail };
}

/** A landmarker on the delegate asked for, or on the CPU when the GPU is missing, has failed, or fails now. */
async function buildLandmarker(mode: RunningMode): Promise<HeldLandmarker> {
	if (!options || !fileset) throw new EngineError(failure('model-load-failed', 'init() was not called'));
	const files = fileset;
	const url = modelUrlOf(options);
	const bytes = await modelBytes(url);
	const spec = { bytes, mode, numPoses: options.numPoses, minPoseDetectionConfidence: detectionConfidence(mode, options) };
	try {
		return await buildWithFallback(
			options.delegate,
			() => (gpuFailure ? { ok: false, stage: gpuFailure.stage, detail: gpuFailure.detail } : hasWebGL2() ? { ok: true } : { ok: false, stage: 'no-webgl2', detail: 'this browser gives no WebGL2 context' }),
			(delegate) => HeldLandmarker.create(files, { ...spec, delegate }),
			(stage, detail) => {
				// A GPU already known to have failed was reported then.
				if (!gpuFailure) failGpu(stage, detail);
			}
		);
	} catch (e) {
		throw new EngineError(failure('model-load-failed', `${url}: ${message(e)}`));
	}
}

function closeLandmarkers(): void {
	video?.close();
	image?.close();
	video = null;
	image = null;
}

/** Runs `run` on the landmarker in `slot`, carrying on with the CPU when the GPU fails (gpu-fallback.ts). */
function analyse<T>(slot: 'video' | 'image', run: (l: HeldLandmarker) => T): Promise<T> {
	const current = () => {
		const held = slot === 'video' ? video : image;
		if (!held) throw new EngineError(failure('inference-failed', 'engine not initialised'));
		return held;
	};
	const rebuild = async (stage: DelegateFallback['stage'], detail: string) => {
		const old = current();
		if (old.delegate === 'GPU') failGpu(stage, detail);
		old.close();
		const next = await buildLandmarker(old.mode);
		if (slot === 'video') video = next;
		else image = next;
	};
	return runWithFallback(current, rebuild, run);
}

async function detectVideo(source: VideoFrame | ImageBitmap, t: number, width: number, height: number, started: number): Promise<EngineResult> {
	let before = 0;
	let after = 0;
	let ts = 0;
	const result = await analyse('video', (l) => {
		// A rebuilt landmarker warmed up at timestamp 0: carry on above the last timestamp either way.
		ts = lastTimestamp = nextTimestamp(lastTimestamp, t);
		before = performance.now();
		const r = l.landmarker.detectForVideo(source, ts);
		after = performance.now();
		return r;
	});
	return withFallback({ frame: toPoseFrame(result, ts, width, height), timing: { inferenceMs: after - before, latencyMs: after - started } });
}

function withFallback(r: EngineResult): EngineResult {
	if (unreported) {
		r.fallback = unreported;
		unreported = null;
	}
	return r;
}

/**
 * The frame's luma thumbnail (16x12), read from its first plane: about 0.1 ms for a 640x480 camera frame.
 * Null for frames that cannot be read on the CPU cheaply (no format: the frame lives on the GPU).
 */
async function thumbnailOf(frame: VideoFrame): Promise<Float32Array | null> {
	const layout = layoutOf(frame.format);
	if (!layout) return null;
	try {
		const size = frame.allocationSize();
		if (!frameBytes || frameBytes.byteLength < size) frameBytes = new Uint8Array(size);
		const [plane] = await frame.copyTo(frameBytes);
		const rect = frame.visibleRect;
		return lumaThumbnail({ data: frameBytes, offset: plane.offset, stride: plane.stride, width: rect?.width ?? frame.codedWidth, height: rect?.height ?? frame.codedHeight, layout });
	} catch {
		return null;
	}
}

/** Ends a frame loop: a read in progress returns at once (cancel), and the loop has ended when this resolves. */
async function stopLoop(l: StreamLoop): Promise<void> {
	l.stopped = true;
	await l.reader.cancel().catch(() => undefined);
	await l.done;
}

/** The last analysed result again, for a frame that did not change: no inference, a new timestamp. */
function repeat(last: EngineResult, t: number, started: number): EngineResult {
	lastTimestamp = nextTimestamp(lastTimestamp, t);
	return { frame: { ...last.frame, t: lastTimestamp }, timing: { inferenceMs: 0, latencyMs: performance.now() - started }, reused: true };
}

const api = {
	async init(opts: EngineOptions): Promise<EngineInfo> {
		const started = performance.now();
		assertWebGL();
		const changedModel =
			!options ||
			options.model !== opts.model ||
			options.delegate !== opts.delegate ||
			options.numPoses !== opts.numPoses ||
			options.modelUrl !== opts.modelUrl ||
			options.imageMinDetectionConfidence !== opts.imageMinDetectionConfidence;
		options = opts;
		if (!fileset) {
			try {
				// useModule=true: a module worker has no importScripts, so the module build of the wasm loader is needed.
				const files = await FilesetResolver.forVisionTasks(new URL('wasm', opts.assetBase).href, true);
				// forVisionTasks only computes the paths; check they are there so a missing file is named as such.
				for (const url of [files.wasmLoaderPath, files.wasmBinaryPath]) {
					const head = await fetch(url, { method: 'HEAD' });
					if (!head.ok) throw new Error(`${url}: HTTP ${head.status}`);
				}
				fileset = files;
			} catch (e) {
				throw new EngineError(failure('wasm-load-failed', e));
			}
		}
		if (changedModel) {
			// Build the new landmarker before dropping the old one: a running stream keeps using the old one
			// meanwhile, then moves on to the new one at its next frame.
			const next = await buildLandmarker('VIDEO');
			image?.close();
			image = null;
			video?.close();
			video = next;
		}
		const info: EngineInfo = {
			model: opts.model,
			delegate: video?.delegate ?? 'CPU',
			initMs: performance.now() - started,
			streaming: typeof VideoFrame !== 'undefined'
		};
		if (opts.delegate === 'GPU' && gpuFailure) info.fallback = gpuFailure;
		// Said here, not again on the next result.
		unreported = null;
		return info;
	},

	/**
	 * Runs the frame loop on a stream of VideoFrames until it ends or is stopped. The worker, not the page,
	 * drives it, so it keeps going when the page's timers are throttled. Each result goes to `onResult`; with
	 * `pictures`, together with the very frame it was found in (moved to the page, not copied), so the page can show
	 * picture and skeleton together, once per result, instead of compositing every camera frame. Only one loop
	 * runs at a time: a new stream first stops the one before and waits for it to end.
	 */
	async runStream(id: number, readable: ReadableStream<VideoFrame>, onResult: (r: EngineResult, picture?: VideoFrame) => void, pictures = false): Promise<StreamSummary> {
		if (loop) await stopLoop(loop);
		const reader = readable.getReader();
		let finished: () => void = () => undefined;
		const me: StreamLoop = { id, reader, stopped: false, done: new Promise<void>((ok) => (finished = ok)) };
		loop = me;
		let frames = 0;
		// The last analysed result, repeated for frames that did not change.
		let last: EngineResult | null = null;
		gate.reset();
		try {
			for (;;) {
				const { value: frame, done } = await reader.read();
				if (done || me.stopped) {
					frame?.close();
					return { frames, reason: me.stopped ? 'stopped' : 'ended' };
				}
				const started = performance.now();
				if (!gate.due(started)) {
					// Low-cost watching: this frame is not even looked at.
					frame.close();
					continue;
				}
				try {
					const thumb = gate.options.skipUnchanged ? await thumbnailOf(frame) : null;
					if (me.stopped) continue;
					const decision = gate.look(started, thumb);
					let result: EngineResult;
					if (decision.analyse || !last) {
						result = await detectVideo(frame, frame.timestamp / 1000, frame.displayWidth, frame.displayHeight, started);
						gate.analysed(started, thumb);
						last = result;
					} else {
						result = repeat(last, frame.timestamp / 1000, started);
					}
					frames++;
					// Transferring the frame detaches it here; the page closes it when the next one arrives.
					if (pictures) onResult(result, Comlink.transfer(frame, [frame as unknown as Transferable]));
					else onResult(result);
				} finally {
					frame.close();
				}
			}
		} catch (e) {
			if (me.stopped) return { frames, reason: 'stopped' };
			return { frames, reason: 'error', error: e instanceof EngineError ? { code: e.code, detail: e.detail } : failure('inference-failed', e) };
		} finally {
			if (loop === me) loop = null;
			reader.releaseLock();
			finished();
		}
	},

	/** Analyse at most one frame per `ms` (0 = every frame the camera gives), each one. Takes effect at the next frame. */
	setFrameInterval(ms: number): void {
		const intervalMs = Math.max(0, ms);
		gate.options = { intervalMs, motionIntervalMs: intervalMs, skipUnchanged: false, maxSkipMs: 0 };
	},

	/** How frames are looked at and which are analysed (see frame-gate.ts). Takes effect at the next frame. */
	setSampling(o: SamplingOptions): void {
		gate.options = o;
	},

	/** Stops stream `id` (or whichever runs): its runStream resolves with reason 'stopped'. */
	async stopStream(id?: number): Promise<void> {
		if (loop && (id === undefined || loop.id === id)) await stopLoop(loop);
	},

	/** One frame of a video, pushed by the page (fallback where frames cannot be streamed). Takes the bitmap. */
	async detectVideoFrame(picture: ImageBitmap | VideoFrame, t: number): Promise<EngineResult> {
		const started = performance.now();
		try {
			return picture instanceof ImageBitmap
				? await detectVideo(picture, t, picture.width, picture.height, started)
				: await detectVideo(picture, t, picture.displayWidth, picture.displayHeight, started);
		} finally {
			picture.close();
		}
	},

	/** A still image, with no tracking from earlier frames (IMAGE mode). Takes the bitmap. */
	async detectImage(bitmap: ImageBitmap): Promise<EngineResult> {
		try {
			image ??= await buildLandmarker('IMAGE');
			let before = 0;
			let after = 0;
			const result = await analyse('image', (l) => {
				before = performance.now();
				const r = l.landmarker.detect(bitmap);
				after = performance.now();
				return r;
			});
			return withFallback({
				frame: toPoseFrame(result, 0, bitmap.width, bitmap.height),
				timing: { inferenceMs: after - before, latencyMs: after - before }
			});
		} finally {
			bitmap.close();
		}
	},

	/** Resets VIDEO-mode tracking between unrelated clips (timestamps may start again from 0). */
	async resetTracking(): Promise<void> {
		if (!options) return;
		const next = await buildLandmarker('VIDEO');
		video?.close();
		video = next;
		lastTimestamp = 0; // the warm-up frame used timestamp 0
	},

	/**
	 * One model on one delegate, exactly as asked (no fallback), on the given frames in VIDEO mode: build time,
	 * inference times, and the first pass's landmarks for comparing delegates (delegate-trial.ts). Leaves the
	 * live landmarker alone. Takes the bitmaps.
	 */
	async trial(frames: ImageBitmap[], spec: TrialSpec, assetBase: string, numPoses: number): Promise<TrialResult> {
		const out: TrialResult = { ...spec, ok: false, initMs: 0, inferenceMs: [], frames: [] };
		let held: HeldLandmarker | null = null;
		try {
			assertWebGL();
			if (!fileset) fileset = await FilesetResolver.forVisionTasks(new URL('wasm', assetBase).href, true);
			if (spec.delegate === 'GPU' && !hasWebGL2()) throw new Error('this browser gives no WebGL2 context');
			const started = performance.now();
			const url = new URL(`models/pose_landmarker_${spec.model}.task`, assetBase).href;
			held = await HeldLandmarker.create(fileset, {
				bytes: await modelBytes(url),
				delegate: spec.delegate as PoseDelegate,
				mode: 'VIDEO',
				numPoses,
				minPoseDetectionConfidence: detectionConfidence('VIDEO', {})
			});
			out.initMs = performance.now() - started;
			let ts = 0;
			for (let pass = 0; pass < spec.passes; pass++) {
				for (const frame of frames) {
					ts += 33;
					const before = performance.now();
					const r = held.landmarker.detectForVideo(frame, ts);
					const ms = performance.now() - before;
					if (held.lost) throw new Error('the WebGL context was lost');
					if (pass === 0) out.frames.push(toPoseFrame(r, ts, frame.width, frame.height));
					// The very first frame runs the person detector as well as the landmarks: not typical.
					if (ts > 33) out.inferenceMs.push(ms);
				}
			}
			out.ok = true;
		} catch (e) {
			out.error = message(e);
		} finally {
			held?.close();
			for (const f of frames) f.close();
		}
		return out;
	},

	dispose(): void {
		if (loop) void stopLoop(loop);
		closeLandmarkers();
		options = null;
	}
};

export type PoseWorkerApi = typeof api;

Comlink.expose(api);
