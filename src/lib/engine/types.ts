import type { FrameTiming, PoseDelegate, PoseFrame, PoseModel } from '$lib/pose/types';

/** How the worker should set up MediaPipe. */
export interface EngineOptions {
	model: PoseModel;
	delegate: PoseDelegate;
	numPoses: number;
	/** Absolute URL of the folder holding `wasm/` and `models/` (served from our own origin, never a CDN). */
	assetBase: string;
	/** Overrides the model file (tests use it for the negative-control model). */
	modelUrl?: string;
	/**
	 * Person-detector confidence for still images (IMAGE mode) only; default 0.5 like the live VIDEO mode.
	 * Stills have no tracking to fall back on, so a lower value finds more people in awkward poses.
	 */
	imageMinDetectionConfidence?: number;
}

/** The GPU delegate failed and the worker carried on with the CPU. */
export interface DelegateFallback {
	from: 'GPU';
	to: 'CPU';
	/** When it failed: creating the model, analysing a frame, or the graphics context being lost. */
	stage: 'create' | 'detect' | 'context-lost' | 'no-webgl2';
	detail: string;
}

/** One analysed frame as it leaves the worker. */
export interface EngineResult {
	frame: PoseFrame;
	timing: FrameTiming;
	/** The frame did not change since the last analysed one, whose people this repeats (no inference ran). */
	reused?: boolean;
	/** Set on the first result after the GPU failed and the CPU took over. */
	fallback?: DelegateFallback;
}

export interface EngineInfo {
	model: PoseModel;
	/** The delegate actually running (the CPU when the GPU asked for failed). */
	delegate: PoseDelegate;
	initMs: number;
	/** True when frames can be streamed into the worker (MediaStreamTrackProcessor path). */
	streaming: boolean;
	/** The GPU was asked for and failed (or had failed before in this worker): the CPU runs instead. */
	fallback?: DelegateFallback;
}

/** One model and delegate measured on the same frames as the others (see delegate-trial.ts). */
export interface TrialSpec {
	model: PoseModel;
	delegate: PoseDelegate;
	/** Times through the frames; the first pass gives the landmarks compared across delegates. */
	passes: number;
}

export interface TrialResult extends TrialSpec {
	ok: boolean;
	/** Why it failed or was cut short. */
	error?: string;
	/** Creating the model (with its warm-up frame), ms. */
	initMs: number;
	/** Each inference after the first, ms. */
	inferenceMs: number[];
	/** The first pass's result for each frame, for comparing delegates. */
	frames: PoseFrame[];
}

/** How a stream ended. */
export interface StreamSummary {
	frames: number;
	reason: 'ended' | 'stopped' | 'error';
	error?: EngineFailure;
}

export type EngineErrorCode =
	| 'webgl-unavailable'
	| 'wasm-load-failed'
	| 'model-load-failed'
	| 'worker-crashed'
	| 'inference-failed'
	| 'permission-denied'
	| 'no-camera'
	| 'camera-in-use'
	| 'camera-ended'
	| 'camera-failed'
	| 'video-unplayable'
	| 'aborted';

/** A failure that can cross the worker boundary (plain data, no Error prototype). */
export interface EngineFailure {
	code: EngineErrorCode;
	detail: string;
}
