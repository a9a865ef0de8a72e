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

/** One analysed frame as it leaves the worker. */
export interface EngineResult {
	frame: PoseFrame;
	timing: FrameTiming;
	/** The frame did not change since the last analysed one, whose people this repeats (no inference ran). */
	reused?: boolean;
}

export interface EngineInfo {
	model: PoseModel;
	delegate: PoseDelegate;
	initMs: number;
	/** True when frames can be streamed into the worker (MediaStreamTrackProcessor path). */
	streaming: boolean;
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
