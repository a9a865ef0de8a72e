/**
 * What the CLI adds to each frame line beyond the landmarks: the posture state (`posture`, `confidence`)
 * from the same pipeline the app runs, and the summary totals.
 */
import { calibrate } from '../../src/lib/calibration/calibrate';
import { createPosturePipeline, type PosturePipeline } from '../../src/lib/posture/pipeline';
import type { PoseFrame } from '../../src/lib/pose/types';

export interface FrameAnnotator {
	/** A new, unrelated sequence starts (another file): forget tracking and smoothing. */
	startSequence(): void;
	frame(frame: PoseFrame, still: boolean): { annotation: Record<string, unknown>; events: Record<string, unknown>[] };
	summary(): Record<string, unknown>;
}

export interface AnnotatorOptions {
	stills: boolean;
	calibrationFrames: PoseFrame[] | null;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

export function createFrameAnnotator(opts: AnnotatorOptions): FrameAnnotator {
	const calibration = opts.calibrationFrames ? calibrate(opts.calibrationFrames) : null;
	const sequence: PosturePipeline = createPosturePipeline({ calibration, stills: opts.stills });
	const stills: PosturePipeline = createPosturePipeline({ calibration, stills: true });
	const postures: Record<string, number> = {};
	let lastT = -Infinity;

	return {
		startSequence() {
			sequence.reset();
			lastT = -Infinity;
		},
		frame(frame, still) {
			// Frames of one sequence must move forward in time; a file whose clock restarts is a new sequence.
			if (!still && frame.t <= lastT) sequence.reset();
			if (!still) lastT = frame.t;
			const state = (still ? stills : sequence).update(frame);
			postures[state.label] = (postures[state.label] ?? 0) + 1;
			const annotation: Record<string, unknown> = { posture: state.label, confidence: round3(state.confidence) };
			if (!still && state.exercise.active) annotation.exercising = true;
			return { annotation, events: [] };
		},
		summary() {
			return { calibrated: calibration !== null, postures };
		}
	};
}
