/**
 * The live pose session: one source (a camera or a video file) feeding the pose worker, and what the page shows
 * about it. Runes state, so components read it directly.
 */
import { asset } from '$app/paths';
import { closeStream, listCameras, openCamera, type CameraDevice } from '$lib/engine/camera';
import { asEngineFailure } from '$lib/engine/errors';
import { FrameRate } from '$lib/engine/frame-rate';
import { EVERY_FRAME, framesPerSecondNeeded, type SamplingOptions } from '$lib/engine/frame-gate';
import { PoseEngine, trackProcessor } from '$lib/engine/pose-engine';
import type { DelegateFallback, EngineFailure, EngineInfo, EngineOptions, EngineResult } from '$lib/engine/types';
import { analyseRecording, type PlaybackSpeed, type RecordingProgress, type RecordingSummary } from '$lib/video/analyse-recording';
import { openRecording, type RecordingSource } from '$lib/video/recording-source';
import { describeDevice, type DeviceInfo } from '$lib/engine/device';
import { grabFrames, runTrials, type TrialPlan, type TrialProgress, type TrialRun } from '$lib/engine/delegate-trial';
import { chooseEngine, type EngineChoice } from '$lib/engine/engine-choice';
import { fallbackCopy } from '$lib/engine/errors';
import type { PoseDelegate, PoseFrame, PoseModel } from '$lib/pose/types';
import { setupKeyOf } from '$lib/calibration/calibrate';
import { settings } from '$lib/settings/settings.svelte';
import { delegateFor, profileFrom, profileStale, withGpuFailure } from '$lib/settings/engine-profile';

export type SessionStatus = 'idle' | 'starting' | 'running' | 'error';

/** Failures the session recovers from by itself: their notice goes when results come again. */
const RECOVERED_BY_RESULTS: ReadonlySet<EngineFailure['code']> = new Set(['worker-crashed', 'inference-failed']);
export type SourceKind = 'camera' | 'file';

export function assetBase(): string {
	// A one-off absolute URL for the worker (which resolves against its own script URL), not reactive state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	return new URL(asset('/mediapipe/'), location.href).href;
}

/** A camera frame's pixels in a frame of the page's own memory; the original is closed (null if it cannot be read). */
async function ownCopy(frame: VideoFrame): Promise<VideoFrame | null> {
	try {
		if (!frame.format) return null;
		const data = new Uint8Array(frame.allocationSize());
		const layout = await frame.copyTo(data);
		return new VideoFrame(data, {
			format: frame.format,
			// copyTo copies the visible part only: that is the whole of the copy.
			codedWidth: frame.visibleRect?.width ?? frame.codedWidth,
			codedHeight: frame.visibleRect?.height ?? frame.codedHeight,
			layout,
			timestamp: frame.timestamp,
			displayWidth: frame.displayWidth,
			displayHeight: frame.displayHeight,
			colorSpace: frame.colorSpace
		});
	} catch {
		return null;
	} finally {
		frame.close();
	}
}

export class PoseSession {
	status = $state<SessionStatus>('idle');
	source = $state<SourceKind | null>(null);
	failure = $state<EngineFailure | null>(null);
	cameras = $state<CameraDevice[]>([]);
	cameraId = $state<string>('');
	model = $state<PoseModel>('lite');
	info = $state<EngineInfo | null>(null);
	frame = $state.raw<PoseFrame | null>(null);
	fps = $state(0);
	inferenceMs = $state(0);
	frames = $state(0);
	/** Of those, results the pose model ran for (the others repeat an unchanged frame's result). */
	analysed = $state(0);
	/** Times the stream was restarted after it stalled. */
	restarts = $state(0);
	/** Times the worker crashed and was restarted this session. */
	crashes = $state(0);
	/** The camera stream being watched, for the <video> that shows it. */
	mediaStream = $state.raw<MediaStream | null>(null);
	/** A video file being analysed: how far it has got (null otherwise). */
	progress = $state.raw<RecordingProgress | null>(null);
	/**
	 * The picture `frame` was found in: the camera's frame itself, or a file's frame scaled for the screen. Shown
	 * with the skeleton once per result, so the two never drift apart and the page does not composite every camera
	 * frame (on a machine without a GPU that cost more than a fifth of the pose worker's throughput).
	 */
	picture = $state.raw<ImageBitmap | VideoFrame | null>(null);
	/** How fast a video file is played through: 1 = real time, 'max' = as fast as the engine goes. */
	speed = $state<PlaybackSpeed>(1);
	/** The GPU failed while watching and the CPU took over: said once, until dismissed. */
	fallback = $state.raw<DelegateFallback | null>(null);
	/** Measuring this device again by itself (its browser or GPU changed since it was measured), and the outcome. */
	remeasure = $state.raw<{ phase: 'measuring' | 'done' | 'failed'; message: string } | null>(null);
	/** Measure again by itself when the browser or GPU changed since the last measurement (Setup measures itself). */
	remeasureWhenStale = true;

	/** Samples per second taken from a video file: enough for coaching, and real time is within reach of the lite model. */
	static readonly FILE_FPS = 15;
	/** Width of the pictures of a file's frames kept for the screen. */
	static readonly PREVIEW_WIDTH = 960;

	/** Called with every result, for whatever sits downstream (classifier, coach). */
	onResult: ((r: EngineResult) => void) | null = null;
	/** Called when a video file has been analysed to its end (not when it was stopped or failed). */
	onFileEnd: ((s: RecordingSummary) => void) | null = null;

	#engine: PoseEngine | null = null;
	#stream: MediaStream | null = null;
	#file: RecordingSource | null = null;
	#rate = new FrameRate();
	#inference: number[] = [];
	#pageLoop: AbortController | null = null;
	#wantCamera = false;
	#track: MediaStreamTrack | null = null;
	/** The clone of the track the current stream reads. */
	#own: MediaStreamTrack | null = null;
	#sampling: SamplingOptions = EVERY_FRAME;
	#lastResultAt = 0;
	/** The current stream has reached the worker (the model is loaded); until then silence is not a stall. */
	#streamLive = false;
	#streamSince = 0;
	#watchdog: ReturnType<typeof setInterval> | null = null;
	/** Bumped by every stop(): a start that finds it changed was cancelled while it was starting. */
	#generation = 0;
	#crashTimer: ReturnType<typeof setTimeout> | null = null;
	#streamToken = 0;
	#recentCrashes: number[] = [];
	/** The GPU failed in this session: the CPU from now on. */
	#onCpuAfterFailure = false;
	#remeasureChecked = false;
	#measuring = false;

	/**
	 * A live stream that has sent nothing for this long is restarted (a frozen tab, a stalled worker); longer for
	 * a model that takes long per frame (4 of its frames), and for the first result of a stream (the person
	 * detector runs, kernels warm up).
	 */
	static readonly STALL_MS = 4000;
	static readonly FIRST_RESULT_MS = 15_000;
	/**
	 * A worker that has not loaded its model this long after a (re)start is taken for hung and restarted like a
	 * crash. Generous: on a busy 2-core machine a restart was seen to take 40 s.
	 */
	static readonly START_TIMEOUT_MS = 120_000;

	/**
	 * Hand each camera result's frame back for the screen (`picture`). Off for the desk watch: it shows the camera
	 * only on request, and copying every frame back would spend CPU a still person should not cost.
	 */
	readonly cameraPictures: boolean;

	constructor(opts: { cameraPictures?: boolean } = {}) {
		this.cameraPictures = opts.cameraPictures ?? true;
		if (typeof navigator !== 'undefined' && navigator.mediaDevices) {
			// A camera plugged back in after it was lost: resume on it without asking.
			navigator.mediaDevices.addEventListener?.('devicechange', () => void this.#onDeviceChange());
		}
		if (typeof document !== 'undefined') {
			// Chromium may freeze a long-hidden tab; when it comes back, check the stream at once.
			const check = () => void this.#checkStall();
			document.addEventListener('visibilitychange', check);
			document.addEventListener('resume', check);
		}
	}

	/**
	 * Loads the pose model while the page is shown, before the person asks for the camera, so Start finds it ready.
	 * Only on a return visit, when the service worker serves the app's files from this device: loading early then
	 * costs a few seconds of CPU and no download. An engine nobody uses ends itself again after a minute.
	 */
	prepare(): void {
		if (this.status !== 'idle' || !navigator.serviceWorker?.controller) return;
		this.engine.configure(this.#optionsFor(this.model)).catch(() => undefined);
	}

	/** Which camera setup this is (device and resolution): calibrations are kept per setup. */
	get setupKey(): string {
		const settings = this.#stream?.getVideoTracks()[0]?.getSettings();
		return setupKeyOf({ deviceId: settings?.deviceId ?? this.cameraId, width: settings?.width ?? this.frame?.width, height: settings?.height ?? this.frame?.height });
	}

	/** This browser and GPU (what measured speeds depend on). */
	get device(): DeviceInfo {
		return describeDevice();
	}

	/** The delegate to run `model` on here: as measured on this very device; the CPU when not measured or after a GPU failure. */
	delegateFor(model: PoseModel): PoseDelegate {
		if (this.#onCpuAfterFailure) return 'CPU';
		settings.load();
		return delegateFor(settings.value.engineProfile, this.device.fingerprint, model);
	}

	#optionsFor(model: PoseModel): EngineOptions {
		return { ...this.engine.options, model, delegate: this.delegateFor(model) };
	}

	/** What configure/start said: the delegate running, and a fallback to the CPU if the GPU failed to start. */
	#noteInfo(info: EngineInfo): void {
		this.info = info;
		if (info.fallback) this.#onFallback(info.fallback);
	}

	get engine(): PoseEngine {
		if (!this.#engine) {
			this.#engine = new PoseEngine(
				{ model: this.model, delegate: this.delegateFor(this.model), numPoses: 2, assetBase: assetBase() },
				{ onCrash: (f) => this.#onCrash(f) }
			);
			// A new engine (after dispose) samples as the session was told to.
			if (this.#sampling !== EVERY_FRAME) void this.#engine.setSampling(this.#sampling);
		}
		return this.#engine;
	}

	async refreshCameras(): Promise<void> {
		this.cameras = await listCameras().catch(() => []);
		if (!this.cameras.some((c) => c.deviceId === this.cameraId)) this.cameraId = this.cameras[0]?.deviceId ?? '';
	}

	async startCamera(deviceId = this.cameraId): Promise<void> {
		await this.stop();
		const generation = this.#generation;
		this.#wantCamera = true;
		this.status = 'starting';
		this.source = 'camera';
		this.#clearPicture();
		this.failure = null;
		try {
			const [info, stream] = await Promise.all([
				this.engine.configure(this.#optionsFor(this.model)),
				openCamera(deviceId || undefined, framesPerSecondNeeded(this.#sampling) ?? 30)
			]);
			if (generation !== this.#generation) {
				// Stopped (paused, snoozed, navigated away) while starting: do not come back on.
				closeStream(stream);
				return;
			}
			this.#noteInfo(info);
			this.#stream = stream;
			this.mediaStream = stream;
			await this.refreshCameras();
			const track = stream.getVideoTracks()[0];
			this.cameraId = track.getSettings().deviceId ?? this.cameraId;
			track.addEventListener('ended', () => {
				if (this.#stream === stream) this.#setFailure({ code: 'camera-ended', detail: 'the camera track ended' });
			});
			this.#run(track);
		} catch (e) {
			closeStream(this.#stream);
			this.#stream = null;
			this.#setFailure(asEngineFailure(e, 'camera-failed'));
		}
	}

	/**
	 * Analyses a video file through the same worker as the camera, every sampled frame in order (nothing dropped), at
	 * `speed` (changeable while it runs); each result comes with the picture it was found in (`picture`). Ends by
	 * itself at the end of the file. Nothing leaves the device: the file is read where it is.
	 */
	async startFile(file: Blob, opts: { fps?: number; previewWidth?: number } = {}): Promise<void> {
		await this.stop();
		const generation = this.#generation;
		this.status = 'starting';
		this.source = 'file';
		this.failure = null;
		this.progress = null;
		this.#clearPicture();
		const loop = new AbortController();
		this.#pageLoop = loop;
		let source: RecordingSource | null = null;
		try {
			this.#noteInfo(await this.engine.configure(this.#optionsFor(this.model)));
			await this.engine.resetTracking();
			source = await openRecording(file, loop.signal);
			if (generation !== this.#generation) return;
			this.#file = source;
			this.status = 'running';
			this.frames = 0;
			const summary = await analyseRecording(this.engine, source, {
				fps: opts.fps ?? PoseSession.FILE_FPS,
				speed: this.speed,
				getSpeed: () => this.speed,
				signal: loop.signal,
				previewWidth: opts.previewWidth ?? PoseSession.PREVIEW_WIDTH,
				onFrame: (r, picture) => {
					if (generation !== this.#generation) return picture?.close();
					this.#showPicture(picture ?? null);
					this.#accept(r);
				},
				onProgress: (p) => {
					if (generation === this.#generation) this.progress = p;
				}
			});
			if (generation !== this.#generation) return;
			this.onFileEnd?.(summary);
			await this.stop();
		} catch (e) {
			const f = asEngineFailure(e, 'video-unplayable');
			if (f.code !== 'aborted' && generation === this.#generation) this.#setFailure(f);
		} finally {
			if (this.#file === source) {
				source?.close();
				this.#file = null;
			}
		}
	}

	/**
	 * Plays recorded landmark frames through everything downstream of the worker (classifier, coach, nudges) in
	 * real time: for demos and for end-to-end tests of motion that photos cannot show.
	 */
	async startReplay(frames: readonly PoseFrame[], fps = 15): Promise<void> {
		await this.stop();
		this.failure = null;
		this.status = 'running';
		this.source = 'file';
		this.frames = 0;
		const loop = new AbortController();
		this.#pageLoop = loop;
		const started = performance.now();
		for (const [i, frame] of frames.entries()) {
			const due = started + (i * 1000) / fps;
			await new Promise((ok) => setTimeout(ok, Math.max(0, due - performance.now())));
			if (loop.signal.aborted) return;
			this.#accept({ frame: { ...frame, t: (i * 1000) / fps + 1 }, timing: { inferenceMs: 0, latencyMs: 0 } });
		}
		if (this.#pageLoop === loop) {
			this.#pageLoop = null;
			this.status = 'idle';
		}
	}

	async setModel(model: PoseModel): Promise<void> {
		this.model = model;
		if (!this.#engine) return;
		try {
			this.#noteInfo(await this.engine.configure(this.#optionsFor(model)));
		} catch (e) {
			this.#setFailure(asEngineFailure(e, 'model-load-failed'));
		}
	}

	/**
	 * How the worker samples the camera (the desk watch: look rarely, run the model only on what changed). Set
	 * before starting, the camera itself is opened at the frame rate these need.
	 */
	async setSampling(options: SamplingOptions): Promise<void> {
		const o = this.#sampling;
		if (o.intervalMs === options.intervalMs && o.motionIntervalMs === options.motionIntervalMs && o.skipUnchanged === options.skipUnchanged && o.maxSkipMs === options.maxSkipMs) return;
		this.#sampling = options;
		if (this.#own) this.#capFrameRate(this.#own);
		return this.engine.setSampling(options);
	}

	/** Frames the stream would never look at are dropped before they reach it (Chromium drops them per track). */
	#capFrameRate(own: MediaStreamTrack): void {
		if (own.readyState !== 'live' || !own.applyConstraints) return;
		const fps = framesPerSecondNeeded(this.#sampling);
		void own.applyConstraints({ frameRate: fps === null ? { ideal: 30 } : { max: fps } }).catch(() => undefined);
	}

	async stop(): Promise<void> {
		this.#generation++;
		this.#streamToken++;
		if (this.#crashTimer) clearTimeout(this.#crashTimer);
		this.#crashTimer = null;
		this.#wantCamera = false;
		this.#track = null;
		if (this.#watchdog) clearInterval(this.#watchdog);
		this.#watchdog = null;
		this.#pageLoop?.abort();
		this.#pageLoop = null;
		await this.#engine?.stopStream();
		closeStream(this.#stream);
		this.#stream = null;
		this.mediaStream = null;
		// A stopped camera shows nothing (a file's last frame stays: it is what the summary speaks of).
		if (this.source === 'camera') this.#clearPicture();
		this.#file?.close();
		this.#file = null;
		if (this.status !== 'error') this.status = 'idle';
		this.#rate.reset();
		this.fps = 0;
	}

	dispose(): void {
		void this.stop();
		this.#clearPicture();
		this.#engine?.terminate();
		this.#engine = null;
	}

	#accept = (r: EngineResult) => {
		const now = performance.now();
		this.#lastResultAt = now;
		this.#rate.push(now);
		if (!r.reused) {
			this.#inference.push(r.timing.inferenceMs);
			if (this.#inference.length > 30) this.#inference.shift();
			this.inferenceMs = this.#inference.reduce((a, b) => a + b, 0) / this.#inference.length;
			this.analysed++;
		}
		this.frame = r.frame;
		this.frames++;
		this.fps = this.#rate.fps;
		if (this.status === 'starting') this.status = 'running';
		// Back after a crash or a failed frame: the notice that it is restarting has done its job.
		if (this.failure && RECOVERED_BY_RESULTS.has(this.failure.code)) this.failure = null;
		if (r.fallback) this.#onFallback(r.fallback);
		if (!this.#remeasureChecked && this.source === 'camera') {
			this.#remeasureChecked = true;
			// A few seconds into watching, not while the person is still getting into view.
			if (this.remeasureWhenStale) setTimeout(() => void this.#remeasureIfStale(), 5000);
		}
		this.onResult?.(r);
	};

	/**
	 * The GPU failed (at start, on a frame, or its context was lost) and the worker carried on with the CPU:
	 * stay on the CPU, keep that for this device (until its browser or GPU changes), and say so once.
	 */
	#onFallback(f: DelegateFallback): void {
		this.#engine?.settleOnCpu();
		if (this.info && this.info.delegate !== 'CPU') this.info = { ...this.info, delegate: 'CPU' };
		if (this.#onCpuAfterFailure) return;
		this.#onCpuAfterFailure = true;
		settings.load();
		const profile = settings.value.engineProfile;
		const stored = withGpuFailure(profile, this.device.fingerprint, fallbackCopy(f).reason);
		if (stored !== profile) settings.update({ engineProfile: stored });
		this.fallback = f;
	}

	dismissFallback(): void {
		this.fallback = null;
	}

	/**
	 * Measures each model on the CPU and the GPU on frames from the camera now running (Setup's "Measure and
	 * choose", and by itself after a browser or GPU change), keeps the outcome for this device, and carries on
	 * with the delegate measured for the current model. Live analysis pauses meanwhile so the trials have the
	 * machine to themselves; the camera stays on.
	 */
	async measureEngines(onProgress?: (p: TrialProgress) => void, plan: Partial<TrialPlan> = {}): Promise<{ run: TrialRun; choice: EngineChoice | null }> {
		const track = this.#track;
		if (!track || this.source !== 'camera' || track.readyState !== 'live') throw new Error('start the camera first');
		if (this.#measuring) throw new Error('a measurement is already running');
		this.#measuring = true;
		const generation = this.#generation;
		try {
			const frames = await grabFrames(track, 8, 150);
			await this.#engine?.stopStream();
			let run: TrialRun;
			try {
				run = await runTrials(
					frames,
					{ models: ['lite', 'full', 'heavy'], delegates: ['CPU', 'GPU'], passes: 2, trialTimeoutMs: 45_000, cpuTrialTimeoutMs: 120_000, skipHopeless: true, numPoses: this.engine.options.numPoses, assetBase: assetBase(), ...plan },
					onProgress
				);
			} finally {
				for (const f of frames) f.close();
			}
			const choice = chooseEngine(run.summaries);
			settings.update({ engineProfile: profileFrom(run.summaries, choice, this.device, Date.now()) });
			// Measured afresh: a GPU that failed earlier in this session gets its chance again if it won.
			this.#onCpuAfterFailure = false;
			if (generation === this.#generation) this.#noteInfo(await this.engine.configure(this.#optionsFor(this.model)));
			return { run, choice };
		} finally {
			this.#measuring = false;
			// Live analysis resumes on the same camera, unless the session was stopped meanwhile.
			if (generation === this.#generation && this.#track === track && track.readyState === 'live' && this.status !== 'error') this.#run(track);
		}
	}

	/** Measured on another browser or GPU: measure again, in the background of a running session. */
	async #remeasureIfStale(): Promise<void> {
		settings.load();
		if (this.#measuring || this.status !== 'running' || !profileStale(settings.value.engineProfile, this.device.fingerprint)) return;
		this.remeasure = { phase: 'measuring', message: 'Your browser or graphics changed since Backcheck measured this computer: measuring again, a few seconds…' };
		try {
			const { choice } = await this.measureEngines(undefined, { trialTimeoutMs: 30_000 });
			if (choice && settings.value.model === null) settings.update({ autoModel: { model: choice.model, medianMs: choice.medianMs, delegate: choice.delegate } });
			this.remeasure = {
				phase: 'done',
				message: choice
					? `Measured again: ${this.model === choice.model ? '' : `${choice.model} from the next session, `}${this.model} on the ${this.delegateFor(this.model) === 'GPU' ? 'graphics processor (GPU)' : 'processor (CPU)'} now.`
					: 'Measured again, but no model ran here: staying on the processor (CPU).'
			};
		} catch (e) {
			this.remeasure = { phase: 'failed', message: `Could not measure this computer again (${e instanceof Error ? e.message : e}): staying on the processor (CPU).` };
		}
	}

	/**
	 * Streams the camera track into the worker (the page never handles its frames). A restart (after a crash or a
	 * stall) is 'starting' until its first result: the worker may take a while to load.
	 */
	#run(track: MediaStreamTrack, restart = false): void {
		this.status = restart ? 'starting' : 'running';
		this.frames = 0;
		this.#track = track;
		this.#lastResultAt = performance.now();
		this.#streamSince = this.#lastResultAt;
		this.#streamLive = false;
		this.#watchdog ??= setInterval(() => void this.#checkStall(), 1000);
		if (trackProcessor()) {
			// Each stream reads its own clone of the track, so a restarted stream never shares a processor with
			// one that died with its worker; results and failures of a superseded stream are ignored.
			const token = ++this.#streamToken;
			const own = track.clone();
			this.#own = own;
			this.#capFrameRate(own);
			const current = () => token === this.#streamToken;
			void this.engine
				.streamTrack(
					own,
					(r, picture) => {
						if (!current()) return picture?.close();
						if (!picture) return this.#accept(r);
						// The camera's frame goes back to its small pool at once: kept for the screen, it starved the
						// camera (the worker then waited for frames a fifth of the time). The copy is the page's own.
						void ownCopy(picture).then((copy) => {
							if (!current()) return copy?.close();
							if (copy) this.#showPicture(copy);
							this.#accept(r);
						});
					},
					{
						pictures: this.cameraPictures,
						onLive: () => {
							if (!current()) return;
							// The stall clock starts when the worker is ready, not while it loads its model.
							this.#streamLive = true;
							this.#lastResultAt = performance.now();
						}
					}
				)
				.then(
					(summary) => {
						// A graph that errors mid-stream (e.g. MediaPipe's timestamp checks after a restart) is
						// recovered like a crash: a fresh worker, with back-off, on the same camera.
						if (current() && summary.reason === 'error' && summary.error) this.#recover(summary.error);
					},
					(e) => {
						const f = asEngineFailure(e, 'inference-failed');
						// A crash has already been handled through the engine's onCrash; 'aborted' is a deliberate end.
						if (current() && f.code !== 'worker-crashed' && f.code !== 'aborted') this.#recover(f);
					}
				)
				.finally(() => {
					own.stop();
					if (this.#own === own) this.#own = null;
				});
			return;
		}
		this.#setFailure({ code: 'camera-failed', detail: 'this browser cannot stream camera frames to a worker' });
	}

	#clearPicture(): void {
		this.#showPicture(null);
	}

	/** The previous picture is closed as the next replaces it: a camera's frames come from a small pool. */
	#showPicture(picture: ImageBitmap | VideoFrame | null): void {
		const previous = this.picture;
		this.picture = picture;
		if (previous !== picture) previous?.close();
	}

	#setFailure(f: EngineFailure): void {
		this.failure = f;
		this.status = 'error';
		if (f.code === 'camera-ended') {
			closeStream(this.#stream);
			this.#stream = null;
			this.mediaStream = null;
			this.#wantCamera = true;
		}
	}

	/**
	 * Restarts the stream on the same track when results stopped coming while the track is still live. Silence
	 * counts only once the stream has reached the worker: restarting a stream whose worker is still loading its
	 * model would only queue another one behind it. A worker that never gets there is restarted like a crash.
	 */
	async #checkStall(): Promise<void> {
		const track = this.#track;
		if (this.#measuring) return;
		if ((this.status !== 'running' && this.status !== 'starting') || !track || track.readyState !== 'live') return;
		const now = performance.now();
		if (!this.#streamLive) {
			if (now - this.#streamSince > PoseSession.START_TIMEOUT_MS) {
				this.#recover({ code: 'worker-crashed', detail: `the pose engine did not start within ${PoseSession.START_TIMEOUT_MS / 1000} s` });
			}
			return;
		}
		const limit = Math.max(PoseSession.STALL_MS, 4 * this.inferenceMs, this.frames === 0 ? PoseSession.FIRST_RESULT_MS : 0);
		if (now - this.#lastResultAt < limit) return;
		this.#lastResultAt = now;
		this.restarts++;
		const token = this.#streamToken;
		await this.#engine?.stopStream();
		// Unless something else (a stop, a crash) took over meanwhile.
		if (this.#track === track && this.#streamToken === token) this.#run(track, true);
	}

	/**
	 * The worker died (a wasm abort, out of memory). Restart it and resume the same source with back-off:
	 * 1 s, 2 s, 4 s … up to 30 s, counting crashes of the last 5 minutes, so a broken model cannot spin.
	 */
	#onCrash(f: EngineFailure): void {
		// A video file's analysis retries the frame on a fresh worker itself (analyseRecording).
		if (this.source === 'file' && this.#file) {
			this.crashes++;
			return;
		}
		const track = this.#track;
		// Results of the dead stream still on their way (posted before the worker ended) are not news.
		this.#streamToken++;
		this.#setFailure(f);
		if (!track || track.readyState !== 'live') return;
		const now = performance.now();
		this.#recentCrashes = [...this.#recentCrashes.filter((t) => now - t < 5 * 60_000), now];
		const delay = Math.min(30_000, 1000 * 2 ** (this.#recentCrashes.length - 1));
		const generation = this.#generation;
		if (this.#crashTimer) clearTimeout(this.#crashTimer);
		this.#crashTimer = setTimeout(() => {
			this.#crashTimer = null;
			if (generation !== this.#generation || this.#track !== track || track.readyState !== 'live') return;
			this.crashes++;
			// The notice stays until results come again (see #accept).
			this.#run(track, true);
		}, delay);
	}

	#recover(f: EngineFailure): void {
		this.#engine?.terminate();
		this.#onCrash(f);
	}

	async #onDeviceChange(): Promise<void> {
		await this.refreshCameras();
		if (this.#wantCamera && this.failure?.code === 'camera-ended' && this.cameras.length > 0) {
			await this.startCamera(this.cameras.some((c) => c.deviceId === this.cameraId) ? this.cameraId : '');
		}
	}
}
