import type { DelegateFallback, EngineErrorCode, EngineFailure } from './types';

/** What the person sees for each failure: what happened and what to do next. */
export interface FailureCopy {
	title: string;
	next: string;
}

const COPY: Record<EngineErrorCode, FailureCopy> = {
	'permission-denied': {
		title: 'Camera permission was denied.',
		next: 'Allow the camera for this site (the camera icon in the address bar), then press Start camera again. Nothing you film leaves this device.'
	},
	'no-camera': {
		title: 'No camera was found.',
		next: 'Plug in a webcam or open this page on a laptop with a camera, then press Start camera. You can also analyse a video file instead.'
	},
	'camera-in-use': {
		title: 'The camera is busy in another app.',
		next: 'Close the other app or tab using the camera (video calls often do), then press Start camera again.'
	},
	'camera-ended': {
		title: 'The camera stopped (unplugged or switched off).',
		next: 'Reconnect the camera; Backcheck resumes as soon as it is back, or pick another camera.'
	},
	'camera-failed': {
		title: 'The camera could not be started.',
		next: 'Pick another camera from the list or reload the page.'
	},
	'webgl-unavailable': {
		title: 'WebGL is not available in this browser.',
		next: 'Pose detection needs WebGL even on the CPU. Turn on hardware acceleration in the browser settings (or try another browser), then reload.'
	},
	'wasm-load-failed': {
		title: 'The pose engine could not be loaded.',
		next: 'Reload the page. If you are offline, open Backcheck once while online so it can keep a copy.'
	},
	'model-load-failed': {
		title: 'The pose model could not be loaded.',
		next: 'Try another model (Lite is the smallest) or reload. If it persists, reinstall: the model file may be missing or damaged.'
	},
	'worker-crashed': {
		title: 'The pose engine stopped unexpectedly.',
		next: 'It is restarting on its own. If this repeats, pick the Lite model.'
	},
	'inference-failed': {
		title: 'A frame could not be analysed.',
		next: 'Backcheck keeps going with the next frames. If this repeats, pick another model.'
	},
	'video-unplayable': {
		title: 'This video cannot be played by the browser.',
		next: 'Try an MP4 (H.264) or WebM file.'
	},
	aborted: { title: 'Stopped.', next: 'Press Start to begin again.' }
};

export function failureCopy(code: EngineErrorCode): FailureCopy {
	return COPY[code];
}

export function failure(code: EngineErrorCode, detail: unknown): EngineFailure {
	return { code, detail: detail instanceof Error ? detail.message : String(detail) };
}

/** An Error that carries an EngineFailure, so that `catch` sites can tell failures apart. */
export class EngineError extends Error {
	readonly code: EngineErrorCode;
	readonly detail: string;
	constructor(f: EngineFailure) {
		super(`${f.code}: ${f.detail}`);
		this.name = 'EngineError';
		this.code = f.code;
		this.detail = f.detail;
	}
}

/** Comlink rethrows worker errors as plain Errors: recover the code from the message we put there. */
export function asEngineFailure(err: unknown, fallback: EngineErrorCode): EngineFailure {
	if (err instanceof EngineError) return { code: err.code, detail: err.detail };
	const message = err instanceof Error ? err.message : String(err);
	const match = /^([a-z-]+): ([\s\S]*)$/.exec(message);
	if (match && match[1] in COPY) return { code: match[1] as EngineErrorCode, detail: match[2] };
	return { code: fallback, detail: message };
}

/** Maps getUserMedia's DOMException names to what the person can act on. */
export function cameraFailure(err: unknown): EngineFailure {
	const name = (err as { name?: string } | null)?.name ?? '';
	const detail = err instanceof Error ? err.message : String(err);
	switch (name) {
		case 'NotAllowedError':
		case 'SecurityError':
			return { code: 'permission-denied', detail };
		case 'NotFoundError':
		case 'OverconstrainedError':
			return { code: 'no-camera', detail };
		case 'NotReadableError':
		case 'AbortError':
			return { code: 'camera-in-use', detail };
		default:
			return { code: 'camera-failed', detail };
	}
}

/** What the person reads when the GPU failed and the CPU took over: calm, said once (see DelegateNotice). */
export function fallbackCopy(f: DelegateFallback): { title: string; next: string; reason: string } {
	const reason = {
		create: 'the pose model could not be set up on it',
		detect: 'it failed while analysing a frame',
		'context-lost': 'its graphics context was lost (a driver reset or a GPU switch)',
		'no-webgl2': 'this browser offers no WebGL2, which it needs'
	}[f.stage];
	return {
		title: 'Switched to the processor (CPU)',
		next: `The graphics processor stopped being usable here: ${reason}. Backcheck carries on watching on the CPU, which may use a little more battery. It tries the GPU again after a browser or graphics update, or when you measure again in Setup.`,
		reason
	};
}
