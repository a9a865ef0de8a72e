/**
 * What a tracker learns about a standing person's view over a set: which way they face in the
 * picture and how side-on they stand. A back extension is measured in the body's sagittal plane,
 * so the view must show front and back (side-on or at 45 degrees; see placement.ts). The person
 * does not turn during a set, so set-level values are steadier than one frame's.
 */
import type { Body, Vec3 } from '../features/types';
import { dot } from '../features/geometry';
import { createRunningMedian } from './smoothing';

export interface StandingView {
	update(body: Body): void;
	/** The sagittal parts of a vector: forward (the way the person faces) and up; null when unknown. */
	sagittal(body: Body, v: Vec3): { fwd: number; up: number } | null;
	reset(): void;
}

const MIN_SAMPLES = 5;
/** Below this share of the forward direction in the picture, front and back are not measured. */
const MIN_SIDEWAYS = 0.5;

export function createStandingView(): StandingView {
	const sideways = createRunningMedian(300);
	let signSum = 0;
	return {
		update(body) {
			if (body.hasDepth || !body.heading || !body.sideKnown) return;
			sideways.push(Math.abs(body.heading.x));
			signSum += Math.sign(body.heading.x);
		},
		sagittal(body, v) {
			if (body.hasDepth) {
				if (!body.heading) return null;
				return { fwd: dot(v, body.heading), up: -v.y };
			}
			const k = sideways.count() >= MIN_SAMPLES ? sideways.value()! : body.heading && body.sideKnown ? Math.abs(body.heading.x) : null;
			const sign = signSum !== 0 ? Math.sign(signSum) : body.heading && body.sideKnown ? Math.sign(body.heading.x) : 0;
			if (k === null || k < MIN_SIDEWAYS || sign === 0) return null;
			return { fwd: (v.x * sign) / Math.min(1, k), up: -v.y };
		},
		reset() {
			sideways.reset();
			signSum = 0;
		}
	};
}
