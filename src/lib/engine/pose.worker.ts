/// <reference lib="webworker" />
/**
 * The pose worker: owns MediaPipe's PoseLandmarker and the frame loop, so the page never blocks on inference.
 * Frames arrive either as a stream of VideoFrames (MediaStreamTrackProcessor's readable, transferred here) or
 * one ImageBitmap at a time. Everything it loads comes from our own origin.
 */
import * as Comlink from 'comlink';
import { FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision';
import { EngineError, failure } from './errors';
import { guardFetch } from './origin-guard';
import { nextTimestamp, toPoseFrame } from './to-pose-frame';
import type { EngineInfo, EngineOptions, EngineResult, StreamSummary } from './types';
import { detectionConfidence } from './detection-confidence';
import { EVERY_FRAME, FrameGate, type SamplingOptions } from './frame-gate';
import { layoutOf, lumaThumbnail } from './luma-thumbnail';

guardFetch(self);

type Fileset = Awaited<ReturnType<typeof FilesetResolver.forVisionTasks>>;

let fileset: Fileset | null = null;
let videoLandmarker: PoseLandmarker | null = null;
let imageLandmarker: PoseLandmarker | null = null;
let options: EngineOptions | null = null;
let lastTimestamp = 0; // VIDEO-mode timestamps must exceed the warm-up frame's 0
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

function assertWebGL(): void {
	// Tasks-vision needs a WebGL context even on the CPU delegate; without one it fails deep inside the wasm
	// ("reading 'activeTexture'"), so check up front and say so plainly.
	const canvas = new OffscreenCanvas(1, 1);
	const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
	if (!gl) throw new EngineError(failure('webgl-unavailable', 'OffscreenCanvas WebGL context could not be created'));
}

async function createLandmarker(mode: 'VIDEO' | 'IMAGE'): Promise<PoseLandmarker> {
	if (!options || !fileset) throw new EngineError(failure('model-load-failed', 'init() was not called'));
	const modelUrl = options.modelUrl ?? new URL(`models/pose_landmarker_${options.model}.task`, options.assetBase).href;
	// Fetch ourselves so a missing or corrupt file gives a clear message instead of a wasm abort.
	const response = await fetch(modelUrl).catch((e) => {
		throw new EngineError(failure('model-load-failed', `${modelUrl}: ${e}`));
	});
	if (!response.ok) throw new EngineError(failure('model-load-failed', `${modelUrl}: HTTP ${response.status}`));
	const bytes = new Uint8Array(await response.arrayBuffer());
	try {
		await primeModuleFactory(fileset);
		const landmarker = await PoseLandmarker.createFromOptions(fileset, {
			baseOptions: { modelAssetBuffer: bytes, delegate: options.delegate },
			runningMode: mode,
			numPoses: options.numPoses,
			minPoseDetectionConfidence: detectionConfidence(mode, options),
			minPosePresenceConfidence: 0.5,
			minTrackingConfidence: 0.5,
			outputSegmentationMasks: false
		});
		warmUp(landmarker, mode);
		return landmarker;
	} catch (e) {
		throw new EngineError(failure('model-load-failed', `${modelUrl}: ${e instanceof Error ? e.message : e}`));
	}
}

/**
 * The first inference of a new graph is several times slower than the rest (graph and kernel set-up). Run it on
 * a blank frame while the model is loading, so the person's first frame is analysed at full speed.
 * VIDEO mode: at timestamp 0, which is why real timestamps start above 0.
 */
function warmUp(landmarker: PoseLandmarker, mode: 'VIDEO' | 'IMAGE'): void {
	const blank = new OffscreenCanvas(256, 256);
	blank.getContext('2d')?.fillRect(0, 0, 256, 256);
	if (mode === 'VIDEO') landmarker.detectForVideo(blank, 0);
	else landmarker.detect(blank);
}

/**
 * Tasks-vision loads its wasm loader with import() in a module worker; the loader sets self.ModuleFactory when it
 * is first evaluated and Tasks clears it after use. A second landmarker (another mode, a reset) then finds it
 * unset ("ModuleFactory not set.") because import() does not evaluate a module twice. Set it again ourselves.
 */
async function primeModuleFactory(files: Fileset): Promise<void> {
	const scope = self as unknown as { ModuleFactory?: unknown };
	if (scope.ModuleFactory) return;
	const loader = (await import(/* @vite-ignore */ files.wasmLoaderPath)) as { default?: unknown };
	if (loader.default) scope.ModuleFactory = loader.default;
}

function closeLandmarkers(): void {
	videoLandmarker?.close();
	imageLandmarker?.close();
	videoLandmarker = null;
	imageLandmarker = null;
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

function detect(source: VideoFrame | ImageBitmap, t: number, width: number, height: number, started: number): EngineResult {
	if (!videoLandmarker) throw new EngineError(failure('inference-failed', 'engine not initialised'));
	lastTimestamp = nextTimestamp(lastTimestamp, t);
	const before = performance.now();
	const result = videoLandmarker.detectForVideo(source, lastTimestamp);
	const after = performance.now();
	const frame = toPoseFrame(result, lastTimestamp, width, height);
	return { frame, timing: { inferenceMs: after - before, latencyMs: after - started } };
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
		const changedModel = !options || options.model !== opts.model || options.delegate !== opts.delegate || options.numPoses !== opts.numPoses || options.modelUrl !== opts.modelUrl || options.imageMinDetectionConfidence !== opts.imageMinDetectionConfidence;
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
			const next = await createLandmarker('VIDEO');
			closeLandmarkers();
			videoLandmarker = next;
		}
		return {
			model: opts.model,
			delegate: opts.delegate,
			initMs: performance.now() - started,
			streaming: typeof VideoFrame !== 'undefined'
		};
	},

	/**
	 * Runs the frame loop on a stream of VideoFrames until it ends or is stopped. The worker, not the page,
	 * drives it, so it keeps going when the page's timers are throttled. Each result goes to `onResult`. Only one
	 * loop runs at a time: a new stream first stops the one before and waits for it to end.
	 */
	async runStream(id: number, readable: ReadableStream<VideoFrame>, onResult: (r: EngineResult) => void): Promise<StreamSummary> {
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
						result = detect(frame, frame.timestamp / 1000, frame.displayWidth, frame.displayHeight, started);
						gate.analysed(started, thumb);
						last = result;
					} else {
						result = repeat(last, frame.timestamp / 1000, started);
					}
					frames++;
					onResult(result);
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
	setSampling(options: SamplingOptions): void {
		gate.options = options;
	},

	/** Stops stream `id` (or whichever runs): its runStream resolves with reason 'stopped'. */
	async stopStream(id?: number): Promise<void> {
		if (loop && (id === undefined || loop.id === id)) await stopLoop(loop);
	},

	/** One frame of a video, pushed by the page (fallback where frames cannot be streamed). Takes the bitmap. */
	detectVideoFrame(picture: ImageBitmap | VideoFrame, t: number): EngineResult {
		const started = performance.now();
		try {
			return picture instanceof ImageBitmap ? detect(picture, t, picture.width, picture.height, started) : detect(picture, t, picture.displayWidth, picture.displayHeight, started);
		} finally {
			picture.close();
		}
	},

	/** A still image, with no tracking from earlier frames (IMAGE mode). Takes the bitmap. */
	async detectImage(bitmap: ImageBitmap): Promise<EngineResult> {
		try {
			imageLandmarker ??= await createLandmarker('IMAGE');
			const before = performance.now();
			const result = imageLandmarker.detect(bitmap);
			const after = performance.now();
			return {
				frame: toPoseFrame(result, 0, bitmap.width, bitmap.height),
				timing: { inferenceMs: after - before, latencyMs: after - before }
			};
		} finally {
			bitmap.close();
		}
	},

	/** Resets VIDEO-mode tracking between unrelated clips (timestamps may start again from 0). */
	async resetTracking(): Promise<void> {
		if (!options) return;
		const next = await createLandmarker('VIDEO');
		videoLandmarker?.close();
		videoLandmarker = next;
		lastTimestamp = 0; // the warm-up frame used timestamp 0
	},

	dispose(): void {
		if (loop) void stopLoop(loop);
		closeLandmarkers();
		options = null;
	}
};

export type PoseWorkerApi = typeof api;

Comlink.expose(api);
