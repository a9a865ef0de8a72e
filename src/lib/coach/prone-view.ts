/**
 * What a tracker learns about the view of a body lying face down over a set: how side-on the body
 * lies to the camera and where the floor line runs in the picture. One frame's guess wobbles with
 * the landmarks; the camera and the mat do not move during a set, so the medians over the set's
 * lying frames are used (domain: "Cobra and sphinx are prone poses: the camera needs a side view";
 * 45 degrees should still work).
 *
 * How side-on comes from two cues that err in opposite directions under a webcam's perspective:
 * the apparent width of the shoulders and hips against the body's size (the body's heading; reads
 * too side-on) and the apparent length of the legs lying along the floor against the body's size
 * taken while the chest is up and the arms stand near vertical (reads too frontal). Their mean is
 * within a few degrees of the truth at 45 degrees on the skeleton generator; seen from the side both
 * say ~1.
 */
import type { Body, Vec3 } from '../features/types';
import { angleBetween, at, dot, horizontal, normalize, SEGMENT, SIDES, sub, trunkAxis, UP } from '../features/geometry';
import { floorLine } from '../features/floor-line';
import { trunkElevationDeg, type ElevationView } from '../features/trunk-elevation';
import { createRunningMedian } from './smoothing';

export interface ProneView {
	/** Feeds a frame of the body lying down. */
	update(body: Body): void;
	/** The view for measuring this frame (set medians once there are a few frames). */
	current(body: Body): ElevationView;
	reset(): void;
}

const MIN_SAMPLES = 5;
/** The legs are read against the body's size only with the chest up this far (arms near vertical) ... */
const LEGS_FROM_LIFT_DEG = 20;
/** ... and only straight legs (bent knees lift the feet). */
const STRAIGHT_KNEE_DEG = 150;

/** Apparent length of each straight leg (hip to ankle across the picture) over its usual length. */
function legShares(body: Body): number[] {
	const out: number[] = [];
	if (!body.scale) return out;
	for (const side of ['left', 'right'] as const) {
		const h = at(body, SIDES[side].hip);
		const k = at(body, SIDES[side].knee);
		const a = at(body, SIDES[side].ankle);
		if (!h || !k || !a) continue;
		const knee = angleBetween(sub(h, k), sub(a, k));
		if (knee !== null && knee >= STRAIGHT_KNEE_DEG) out.push(Math.abs(a.x - h.x) / ((SEGMENT.thigh + SEGMENT.shank) * body.scale));
	}
	return out;
}

export function createProneView(): ProneView {
	const widths = createRunningMedian(300);
	const legs = createRunningMedian(300);
	const slope = createRunningMedian(300);
	const sideways = (): number | null => {
		const w = widths.count() >= MIN_SAMPLES ? widths.value() : null;
		const l = legs.count() >= MIN_SAMPLES ? Math.min(1, legs.value()!) : null;
		if (w === null) return l;
		return l === null ? w : (w + l) / 2;
	};
	return {
		update(body) {
			if (body.hasDepth) return;
			if (body.heading && body.sideKnown) widths.push(Math.abs(body.heading.x));
			const lift = trunkElevationDeg(body);
			if (lift !== null && lift >= LEGS_FROM_LIFT_DEG) for (const s of legShares(body)) legs.push(s);
			const f = floorLine(body);
			if (f.slope !== null) slope.push(f.slope);
		},
		current(body) {
			if (body.hasDepth) return { floorDir: floorLine(body).dir };
			return { sideways: sideways(), floorSlope: slope.count() >= MIN_SAMPLES ? slope.value() : null };
		},
		reset() {
			widths.reset();
			legs.reset();
			slope.reset();
		}
	};
}

/**
 * A vector's parts along the body towards the head (`fwd`) and up from the floor (`up`), in the
 * points' units, with the view's corrections (see trunkElevationDeg). Null when the view is too
 * frontal to tell or the trunk is not seen.
 */
export function proneSagittal(body: Body, view: ElevationView, v: Vec3): { fwd: number; up: number } | null {
	const t = trunkAxis(body);
	if (!t) return null;
	if (body.hasDepth) {
		const f = view.floorDir ? (dot(view.floorDir, t) < 0 ? view.floorDir : { x: -view.floorDir.x, y: -view.floorDir.y, z: -view.floorDir.z }) : null;
		const head = f ? { x: -f.x, y: -f.y, z: -f.z } : normalize(horizontal(t));
		if (!head) return null;
		const fwd = dot(v, head);
		const rest = sub(v, { x: head.x * fwd, y: head.y * fwd, z: head.z * fwd });
		return { fwd, up: dot(rest, UP) };
	}
	const k = view.sideways ?? (body.heading && body.sideKnown ? Math.abs(body.heading.x) : null);
	if (k === null || k < 0.55 || Math.abs(t.x) < 1e-9) return null;
	const dir = Math.sign(t.x);
	return { fwd: (v.x * dir) / Math.min(1, k), up: -(v.y - (view.floorSlope ?? 0) * v.x) };
}
