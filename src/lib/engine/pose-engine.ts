/**
 * The one typed bridge from the page to the pose worker (comlink). The worker is started lazily on the first
 * call, calls are queued one at a time and can be abandoned with an AbortSignal, the worker is ended after a
 * while without work, and a crashed worker fails every pending call at once instead of hanging them.
 */
import * as Comlink from 'comlink';
import { EngineError, asEngineFailure, failure } from './errors';
import { EVERY_FRAME, type SamplingOptions } from './frame-gate';
import type { PoseWorkerApi } from './pose.worker';
import type { EngineFailure, EngineInfo, EngineOptions, EngineResult, StreamSummary, TrialResult, TrialSpec } from './types';

/** Chromium's MediaStreamTrackProcessor (not yet in TypeScript's DOM lib). */
interface TrackProcessor {
	readable: ReadableStream<VideoFrame>;
}
type TrackProcessorCtor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => TrackProcessor;

export function trackProcessor(): TrackProcessorCtor | null {
	return (globalThis as { MediaStreamTrackProcessor?: TrackProcessorCtor }).MediaStreamTrackProcessor ?? null;
}

export interface PoseEngineEvents {
	/** The worker died (out of memory, a wasm abort): pending calls have failed; the next call starts a new one. */
	onCrash?: (f: EngineFailure) => void;
}

/** What a stream tells its caller besides results. */
export interface StreamEvents {
	/** The worker is ready and has started reading frames (the model has loaded): from now on, silence is a stall. */
	onLive?: () => void;
	/** Hand each result's frame back with it (for showing picture and skeleton together). */
	pictures?: boolean;
}

/** One stream into the worker: at most one exists at a time, a newer one supersedes it. */
interface StreamHandle {
	id: number;
	/** Stopped or superseded: it must not start, or must end. */
	stopped: boolean;
	/** runStream has been sent to the worker. */
	live: boolean;
}

const abortError = () => new EngineError(failure('aborted', 'the call was abandoned'));

export class PoseEngine {
	#options: EngineOptions;
	#idleMs: number;
	#events: PoseEngineEvents;
	#worker: Worker | null = null;
	#remote: Comlink.Remote<PoseWorkerApi> | null = null;
	#info: Promise<EngineInfo> | null = null;
	#queue: Promise<unknown> = Promise.resolve();
	#crashed: ((f: EngineFailure) => void) | null = null;
	#crash: Promise<never> | null = null;
	#idleTimer: ReturnType<typeof setTimeout> | null = null;
	#busy = 0;
	#stream: StreamHandle | null = null;
	#streamIds = 0;
	#sampling: SamplingOptions = EVERY_FRAME;

	constructor(options: EngineOptions, events: PoseEngineEvents = {}, idleMs = 60_000) {
		this.#options = options;
		this.#events = events;
		this.#idleMs = idleMs;
	}

	get options(): EngineOptions {
		return this.#options;
	}

	/** The worker, started if need be, without loading a model. */
	#spawn(): Comlink.Remote<PoseWorkerApi> {
		if (!this.#remote) {
			const worker = new Worker(new URL('./pose.worker.ts', import.meta.url), { type: 'module', name: 'pose' });
			this.#worker = worker;
			this.#remote = Comlink.wrap<PoseWorkerApi>(worker);
			this.#crash = new Promise<never>((_, reject) => {
				this.#crashed = (f) => reject(new EngineError(f));
			});
			this.#crash.catch(() => undefined);
			const died = (e: Event) => {
				const detail = e instanceof ErrorEvent ? e.message || 'worker error' : 'worker message could not be read';
				this.#fail(failure('worker-crashed', detail));
			};
			worker.addEventListener('error', died);
			worker.addEventListener('messageerror', died);
		}
		return this.#remote;
	}

	/** Starts the worker and loads the model if not done yet. */
	start(): Promise<EngineInfo> {
		if (!this.#info) {
			const remote = this.#spawn();
			const info = this.#guard(
				remote.init(this.#options).then(async (i) => {
					if (this.#sampling !== EVERY_FRAME) await remote.setSampling(this.#sampling);
					return i;
				}),
				'model-load-failed'
			);
			this.#info = info;
			this.#whileLoading(info);
			info.catch(() => {
				if (this.#info === info) this.terminate();
			});
		}
		return this.#info;
	}

	/**
	 * Loading a model counts as busy: an idle timer armed before (say by the stopStream of a session pausing to
	 * measure delegates) must not end the worker halfway through the load, failing it with 'aborted'.
	 */
	#whileLoading(load: Promise<unknown>): void {
		this.#touch(+1);
		load.then(
			() => this.#touch(-1),
			() => this.#touch(-1)
		);
	}

	/**
	 * Measures one model on one delegate, exactly as asked, on `frames` (transferred and closed in the worker),
	 * without loading the live model (see delegate-trial.ts).
	 */
	async trial(frames: ImageBitmap[], spec: TrialSpec): Promise<TrialResult> {
		const remote = this.#spawn();
		this.#touch(+1);
		try {
			return await this.#guard(remote.trial(Comlink.transfer(frames, frames), spec, this.#options.assetBase, this.#options.numPoses), 'inference-failed');
		} finally {
			this.#touch(-1);
		}
	}

	/** The worker fell back from the GPU to the CPU by itself: later (re)starts ask for the CPU straight away. */
	settleOnCpu(): void {
		this.#options = { ...this.#options, delegate: 'CPU' };
	}

	/** Switches model, delegate or pose count; the next call uses the new options. */
	async configure(options: EngineOptions): Promise<EngineInfo> {
		this.#options = options;
		if (!this.#remote) return this.start();
		const remote = this.#remote;
		const loading = this.#info;
		this.#info = this.#enqueue(async () => {
			// A load already under way (started early, before the camera was asked for) ends first: two inits at once
			// in the worker would both find no model yet, and the second would answer before the model is there.
			await loading?.catch(() => undefined);
			// That load failed and ended the worker: start a new one with these options.
			if (this.#remote !== remote) return this.start();
			return this.#guard(remote.init(options), 'model-load-failed');
		});
		this.#whileLoading(this.#info);
		return this.#info;
	}

	/** A still image (IMAGE mode). The bitmap is transferred to the worker and closed there. */
	detectImage(bitmap: ImageBitmap, signal?: AbortSignal): Promise<EngineResult> {
		return this.#call((r) => r.detectImage(Comlink.transfer(bitmap, [bitmap])), signal, () => bitmap.close());
	}

	/** One video frame (VIDEO mode, tracking across calls). The picture is transferred and closed in the worker. */
	detectVideoFrame(picture: ImageBitmap | VideoFrame, t: number, signal?: AbortSignal): Promise<EngineResult> {
		return this.#call((r) => r.detectVideoFrame(Comlink.transfer(picture, [picture as unknown as Transferable]), t), signal, () => picture.close());
	}

	/** Forgets VIDEO-mode tracking, e.g. between two unrelated clips. */
	resetTracking(signal?: AbortSignal): Promise<void> {
		return this.#call((r) => r.resetTracking(), signal);
	}

	/**
	 * Streams a camera or video track into the worker, which runs the frame loop itself and reports each result.
	 * Resolves when the track ends, the stream is stopped or superseded, or the worker fails. One stream at a
	 * time: a new one stops the one before, including one still waiting for the worker to start (two frame loops
	 * in one worker would share its time and starve each other). Needs MediaStreamTrackProcessor.
	 * With `pictures`, each result comes with the frame it was found in (a VideoFrame the callback owns and closes).
	 */
	async streamTrack(track: MediaStreamTrack, onResult: (r: EngineResult, picture?: VideoFrame) => void, events: StreamEvents = {}): Promise<StreamSummary> {
		const Processor = trackProcessor();
		if (!Processor) throw new EngineError(failure('camera-failed', 'MediaStreamTrackProcessor is not available'));
		const previous = this.#stream;
		if (previous) previous.stopped = true;
		const stream: StreamHandle = { id: ++this.#streamIds, stopped: false, live: false };
		this.#stream = stream;
		// Busy from now, not from when the worker is ready: the idle timer must never end a worker that is
		// still starting for a stream.
		this.#touch(+1);
		try {
			await this.start();
			if (stream.stopped || this.#stream !== stream) return { frames: 0, reason: 'stopped' };
			const remote = this.#remote!;
			// maxBufferSize 1: when inference is slower than the camera, the worker always gets the freshest frame.
			const { readable } = new Processor({ track, maxBufferSize: 1 });
			stream.live = true;
			events.onLive?.();
			return await this.#guard(
				remote.runStream(stream.id, Comlink.transfer(readable, [readable as unknown as Transferable]), Comlink.proxy(onResult), events.pictures ?? false),
				'inference-failed'
			);
		} finally {
			if (this.#stream === stream) this.#stream = null;
			this.#touch(-1);
		}
	}

	/** Analyse at most one frame per `ms` (0 = every frame), each one. Cheap: the worker closes skipped frames unread. */
	async setFrameInterval(ms: number): Promise<void> {
		const intervalMs = Math.max(0, ms);
		await this.setSampling(intervalMs === 0 ? EVERY_FRAME : { intervalMs, motionIntervalMs: intervalMs, skipUnchanged: false, maxSkipMs: 0 });
	}

	/**
	 * How the worker samples streams: how often it looks at a frame, and whether it runs the model only on frames
	 * that changed (see frame-gate.ts). Kept across worker restarts.
	 */
	async setSampling(options: SamplingOptions): Promise<void> {
		this.#sampling = options;
		if (this.#remote) await this.#remote.setSampling(options);
	}

	/**
	 * Ends the stream, whether it is running or still waiting for the worker to start; its `streamTrack`
	 * promise resolves with reason 'stopped'.
	 */
	async stopStream(): Promise<void> {
		const stream = this.#stream;
		if (!stream) return;
		stream.stopped = true;
		if (stream.live && this.#remote) await this.#remote.stopStream(stream.id).catch(() => undefined);
	}

	/**
	 * Ends the worker now. Calls still waiting on it fail with `reason` (by default 'aborted') rather than wait
	 * forever for a worker that is gone. The next call starts a fresh one.
	 */
	terminate(reason: EngineFailure = failure('aborted', 'the pose engine was ended')): void {
		const crashed = this.#crashed;
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		this.#idleTimer = null;
		if (this.#remote) this.#remote[Comlink.releaseProxy]();
		this.#worker?.terminate();
		this.#worker = null;
		this.#remote = null;
		this.#info = null;
		this.#crashed = null;
		this.#crash = null;
		if (this.#stream) this.#stream.stopped = true;
		this.#stream = null;
		this.#queue = Promise.resolve();
		crashed?.(reason);
	}

	#fail(f: EngineFailure): void {
		this.terminate(f);
		this.#events.onCrash?.(f);
	}

	/** Races a worker call against the worker dying, and gives failures their engine code. */
	async #guard<T>(call: Promise<T>, fallback: EngineFailure['code']): Promise<T> {
		const crash = this.#crash;
		try {
			return await (crash ? Promise.race([call, crash]) : call);
		} catch (e) {
			throw new EngineError(asEngineFailure(e, fallback));
		}
	}

	#enqueue<T>(job: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(job, job);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	#call<T>(
		job: (remote: Comlink.Remote<PoseWorkerApi>) => Promise<T>,
		signal?: AbortSignal,
		onSkipped?: () => void
	): Promise<T> {
		if (signal?.aborted) {
			onSkipped?.();
			return Promise.reject(abortError());
		}
		this.#touch(+1);
		const run = this.#enqueue(async () => {
			await this.start();
			if (signal?.aborted) {
				onSkipped?.();
				throw abortError();
			}
			return this.#guard(job(this.#remote!), 'inference-failed');
		});
		const result = signal
			? Promise.race([
					run,
					new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(abortError()), { once: true }))
				])
			: run;
		return result.finally(() => this.#touch(-1));
	}

	#touch(delta: number): void {
		this.#busy += delta;
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		this.#idleTimer = null;
		if (this.#busy === 0 && !this.#stream && this.#idleMs > 0 && Number.isFinite(this.#idleMs)) {
			this.#idleTimer = setTimeout(() => this.terminate(), this.#idleMs);
		}
	}
}
