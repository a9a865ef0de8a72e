/**
 * Shared geometry for posture features: small vector maths, landmark gating, body-size ratios,
 * depth completion and sagittal-plane projection.
 *
 * Conventions (MediaPipe's): x to the image right, y DOWN, z away from the camera. "Up" against
 * gravity is therefore (0, -1, 0); we assume the camera is roughly level, as a laptop on a table or
 * floor is (domain: "a laptop on a table or floor ... left on for the whole session").
 *
 * Image landmarks are used as 2-D points (x scaled by the frame aspect so that angles are true).
 * MediaPipe's image z is NOT used: measured on the PosePilot recordings of people standing still,
 * it makes straight knees read ~120 degrees and a neutral neck ~35 degrees. What the picture loses
 * in depth is instead restored where it matters from body proportions (`complete`), and
 * front-back measures are only taken where the picture shows them (`sagittal`).
 */
import type { Landmark, PersonPose, WorldLandmark } from '../pose/types';
import { LM, LANDMARK_COUNT } from '../pose/landmarks';
import type { Body, BodyPoints, Vec3 } from './types';

export const UP: Vec3 = Object.freeze({ x: 0, y: -1, z: 0 });
export const RAD = 180 / Math.PI;

/** A landmark below this visibility counts as not seen (MediaPipe's own drawing utils use 0.5). */
export const MIN_VISIBILITY = 0.5;
/**
 * Image landmarks this far outside the frame (in frame units) count as not seen, whatever their
 * visibility says: MediaPipe extrapolates hips below a desk webcam's frame, and those are guesses.
 */
export const OFF_FRAME_MARGIN = 0.02;
/**
 * Shoulders may lie this far below the frame's bottom edge and still count: a desk webcam often cuts
 * them, and the pose model places a shoulder it sees half of a short way out (its visibility, where
 * reported, still gates it). Hips and legs below the frame stay unseen.
 */
export const SHOULDER_BELOW_FRAME = 0.15;

export const vec = (x: number, y: number, z: number): Vec3 => ({ x, y, z });
export const add = (a: Vec3, b: Vec3): Vec3 => ({ x: a.x + b.x, y: a.y + b.y, z: a.z + b.z });
export const sub = (a: Vec3, b: Vec3): Vec3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });
export const scale = (a: Vec3, k: number): Vec3 => ({ x: a.x * k, y: a.y * k, z: a.z * k });
export const dot = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z;
export const cross = (a: Vec3, b: Vec3): Vec3 => ({
	x: a.y * b.z - a.z * b.y,
	y: a.z * b.x - a.x * b.z,
	z: a.x * b.y - a.y * b.x
});
export const norm = (a: Vec3): number => Math.sqrt(a.x * a.x + a.y * a.y + a.z * a.z);
export const dist = (a: Vec3, b: Vec3): number => norm(sub(a, b));

export function normalize(a: Vec3): Vec3 | null {
	const n = norm(a);
	return n > 1e-9 ? scale(a, 1 / n) : null;
}

/** Midpoint of two points; the one that exists when the other is missing; null when both are. */
export function mid(a: Vec3 | null, b: Vec3 | null): Vec3 | null {
	if (a && b) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2 };
	return a ?? b;
}

/** Strict midpoint: null unless both points exist. */
export function mid2(a: Vec3 | null, b: Vec3 | null): Vec3 | null {
	return a && b ? mid(a, b) : null;
}

/** Angle between two vectors in degrees (0..180); null for a zero vector. */
export function angleBetween(a: Vec3, b: Vec3): number | null {
	const na = norm(a);
	const nb = norm(b);
	if (na < 1e-9 || nb < 1e-9) return null;
	const c = Math.max(-1, Math.min(1, dot(a, b) / (na * nb)));
	return Math.acos(c) * RAD;
}

/** Inner angle at b of the chain a-b-c in degrees (180 = straight); null if a point is missing. */
export function jointAngle(a: Vec3 | null, b: Vec3 | null, c: Vec3 | null): number | null {
	if (!a || !b || !c) return null;
	return angleBetween(sub(a, b), sub(c, b));
}

/** Angle of v from straight up (0 = pointing up, 90 = horizontal, 180 = pointing down). */
export function angleFromUp(v: Vec3): number | null {
	return angleBetween(v, UP);
}

/** Height of a point against gravity (larger = higher). */
export const height = (p: Vec3): number => -p.y;

/** The horizontal part of a vector (gravity component removed). */
export const horizontal = (v: Vec3): Vec3 => ({ x: v.x, y: 0, z: v.z });

function finite(n: unknown): n is number {
	return typeof n === 'number' && Number.isFinite(n);
}

function visOf(l: Landmark | WorldLandmark | null | undefined): number {
	if (!l) return 0;
	return finite(l.visibility) ? l.visibility : 1;
}

/**
 * Turns one person's landmarks into gated points on one scale.
 *
 * - Image landmarks as 2-D points: x multiplied by `aspect` (width / height) so that one unit is
 *   the frame height in both directions; z = 0 (see the module comment).
 * - World landmarks (metres, 3-D) only when the person has no usable image landmarks (a source
 *   that gives world coordinates alone). When both are there the image ones are used: the world
 *   landmarks' depth is the same network's guess as the image z, and on generated people with
 *   realistic depth noise it made upright people read slouched from the front.
 * - A landmark is seen when it is present, finite, its visibility is >= `minVisibility` (missing
 *   visibility counts as visible) and, for image landmarks, it lies inside the frame.
 */
export function toBodyPoints(
	person: PersonPose,
	aspect = 1,
	minVisibility = MIN_VISIBILITY
): BodyPoints {
	const a = finite(aspect) && aspect > 0 ? aspect : 1;
	const img = person.landmarks ?? [];
	const world = person.worldLandmarks;
	let imgCount = 0;
	for (let i = 0; i < LANDMARK_COUNT; i++) {
		const l = img[i];
		if (l && finite(l.x) && finite(l.y)) imgCount++;
	}
	let useWorld = false;
	if (imgCount < 4 && world && world.length >= LANDMARK_COUNT) {
		let n = 0;
		for (let i = 0; i < LANDMARK_COUNT; i++) if (world[i]) n++;
		useWorld = n >= 4;
	}
	const pts: Array<Vec3 | null> = new Array(LANDMARK_COUNT).fill(null);
	const vis = new Float64Array(LANDMARK_COUNT);
	for (let i = 0; i < LANDMARK_COUNT; i++) {
		const l = img[i] ?? null;
		const w = useWorld ? (world![i] ?? null) : null;
		// Visibility and in-frame gating come from the image landmark when there is one.
		let v: number;
		if (l && finite(l.x) && finite(l.y)) {
			v = visOf(l);
			const inFrame =
				l.x >= -OFF_FRAME_MARGIN &&
				l.x <= 1 + OFF_FRAME_MARGIN &&
				l.y >= -OFF_FRAME_MARGIN &&
				l.y <= 1 + (i === LM.leftShoulder || i === LM.rightShoulder ? SHOULDER_BELOW_FRAME : OFF_FRAME_MARGIN);
			if (!inFrame) v = Math.min(v, 0.05);
		} else v = w ? visOf(w) : 0;
		vis[i] = v;
		if (v < minVisibility) continue;
		if (useWorld) {
			if (w && finite(w.x) && finite(w.y) && finite(w.z)) pts[i] = { x: w.x, y: w.y, z: w.z };
		} else if (l && finite(l.x) && finite(l.y)) pts[i] = { x: l.x * a, y: l.y, z: 0 };
	}
	// The fields prepareBody fills in are created here, so that every body has one shape.
	const out = { p: pts, vis, source: useWorld ? 'world' : 'image', hasDepth: useWorld, mids: null, scale: null, heading: null, sideKnown: false };
	return out as BodyPoints;
}

/** A seen point by landmark index, or null. */
export const at = (bp: BodyPoints, i: number): Vec3 | null => bp.p[i] ?? null;

/** Midpoints and the trunk axis, computed once per body by prepareBody (see Body.mids). */
export interface Mids {
	sm: Vec3 | null;
	hm: Vec3 | null;
	em: Vec3 | null;
	km: Vec3 | null;
	am: Vec3 | null;
	trunk: Vec3 | null;
}

type MaybeMids = BodyPoints & { mids?: Mids | null };

export const shoulderMid = (bp: BodyPoints) =>
	(bp as MaybeMids).mids ? (bp as MaybeMids).mids!.sm : mid(at(bp, LM.leftShoulder), at(bp, LM.rightShoulder));
export const hipMid = (bp: BodyPoints) =>
	(bp as MaybeMids).mids ? (bp as MaybeMids).mids!.hm : mid(at(bp, LM.leftHip), at(bp, LM.rightHip));
export const earMid = (bp: BodyPoints) =>
	(bp as MaybeMids).mids ? (bp as MaybeMids).mids!.em : mid(at(bp, LM.leftEar), at(bp, LM.rightEar));
export const kneeMid = (bp: BodyPoints) =>
	(bp as MaybeMids).mids ? (bp as MaybeMids).mids!.km : mid(at(bp, LM.leftKnee), at(bp, LM.rightKnee));
export const ankleMid = (bp: BodyPoints) =>
	(bp as MaybeMids).mids ? (bp as MaybeMids).mids!.am : mid(at(bp, LM.leftAnkle), at(bp, LM.rightAnkle));

/** The trunk axis, mid-hips to mid-shoulders, as seen (not completed); null when an end is unseen. */
export function trunkAxis(bp: BodyPoints): Vec3 | null {
	const m = (bp as MaybeMids).mids;
	if (m) return m.trunk;
	const s = shoulderMid(bp);
	const h = hipMid(bp);
	return s && h ? sub(s, h) : null;
}

/** Computes the midpoints once (prepareBody stores them on the body). */
export function computeMids(bp: BodyPoints): Mids {
	const sm = mid(at(bp, LM.leftShoulder), at(bp, LM.rightShoulder));
	const hm = mid(at(bp, LM.leftHip), at(bp, LM.rightHip));
	return {
		sm,
		hm,
		em: mid(at(bp, LM.leftEar), at(bp, LM.rightEar)),
		km: mid(at(bp, LM.leftKnee), at(bp, LM.rightKnee)),
		am: mid(at(bp, LM.leftAnkle), at(bp, LM.rightAnkle)),
		trunk: sm && hm ? sub(sm, hm) : null
	};
}

/** Shoulder width as seen; null unless both shoulders are seen. */
export function shoulderWidth(bp: BodyPoints): number | null {
	const l = at(bp, LM.leftShoulder);
	const r = at(bp, LM.rightShoulder);
	return l && r ? dist(l, r) : null;
}

/**
 * Lengths of MediaPipe's segments in trunk lengths (mid-hips to mid-shoulders), measured on the
 * PosePilot recordings of five people standing still (2-D, least foreshortened views; medians):
 * the landmarks are not anatomical joint centres, so textbook ratios do not fit them. Shoulder
 * width is the full frontal width.
 */
export const SEGMENT = {
	trunk: 1,
	shoulders: 0.68,
	hips: 0.4,
	upperArm: 0.51,
	forearm: 0.445,
	thigh: 0.79,
	shank: 0.72
} as const;

/**
 * Depth completion keeps this much slack: a segment shorter than 88% of its expected length is
 * taken to point out of the picture, by acos(ratio / 0.84). People's proportions vary by a few
 * percent, and acos is steep near 1, so without slack every upright trunk would look bent ~20
 * degrees.
 */
export const COMPLETE_SLACK = 0.84;

/**
 * Restores the depth an image segment lost: a segment shorter than its expected length
 * (`ratio` trunk lengths) points towards or away from the camera. `sign` is the assumed direction
 * of the missing depth (+1 away from the camera, -1 towards it), which matters only for angles
 * between completed segments. World landmarks are returned as they are.
 */
export function complete(body: Body, v: Vec3, ratio: number, sign: number, sagittalSegment = false): Vec3 {
	if (body.hasDepth || !body.scale) return v;
	// Seen side-on, the trunk and legs move in the picture's plane: a short one is a size guess
	// gone wrong (an unknown frame aspect, a long-limbed person), not a segment pointing at us.
	if (sagittalSegment && isSideOn(body)) return v;
	const len = norm(v);
	const expected = ratio * body.scale * COMPLETE_SLACK;
	if (len >= expected) return v;
	const c = len / expected;
	const depth = c < 1e-3 ? expected : (len * Math.sqrt(1 - c * c)) / c;
	return { x: v.x, y: v.y, z: (sign >= 0 ? 1 : -1) * Math.min(depth, ratio * body.scale) };
}

/**
 * Inner angle between two segments from a joint, each completed for foreshortening. The picture
 * does not tell whether the two lost depths point the same way or opposite ways; the straighter
 * reading is taken (a joint bent out of the picture's plane in both segments is rarer than a
 * straight limb lying along the line of sight, e.g. the legs of a person lying at 45 degrees).
 */
export function completedAngle(body: Body, a: Vec3, b: Vec3, ratioA: number, ratioB: number, sagittalSegment = false): number | null {
	const ca = complete(body, a, ratioA, 1, sagittalSegment);
	const cb1 = complete(body, b, ratioB, 1, sagittalSegment);
	const cb2 = complete(body, b, ratioB, -1, sagittalSegment);
	const x = angleBetween(ca, cb1);
	const y = angleBetween(ca, cb2);
	if (x === null) return y;
	if (y === null) return x;
	return Math.max(x, y);
}

/** Seen side-on: the facing is known and at least ~55 degrees away from the camera. */
export function isSideOn(body: Body): boolean {
	return body.sideKnown && body.heading !== null && Math.abs(body.heading.x) >= 0.8;
}

/** Depth sign of "forward" for completion: towards the camera when the person faces it. */
export function forwardDepthSign(body: Body): number {
	return body.heading && Math.abs(body.heading.z) > 0.2 ? Math.sign(body.heading.z) : -1;
}

/** Below this share of the forward direction in the picture, front-back measures are not taken. */
export const MIN_SIDEWAYS = 0.55;

/**
 * A vector's forward and up components in the body's sagittal plane, or null when the picture
 * does not show them: for image landmarks the forward part is read from x and divided by the
 * share of the forward direction that lies in the picture (so a 45-degree view measures true
 * angles), which needs a known facing and a view at least ~35 degrees from frontal.
 */
export function sagittal(body: Body, v: Vec3): { fwd: number; up: number } | null {
	const h = body.heading;
	if (!h) return null;
	if (body.hasDepth) return { fwd: dot(v, h), up: -v.y };
	if (!body.sideKnown || Math.abs(h.x) < MIN_SIDEWAYS) return null;
	return { fwd: v.x / h.x, up: -v.y };
}

/** Signed angle from vertical in the sagittal plane (+ forward), or null when not observable. */
export function sagittalPitch(body: Body, v: Vec3): number | null {
	const s = sagittal(body, v);
	if (!s || (Math.abs(s.fwd) < 1e-9 && Math.abs(s.up) < 1e-9)) return null;
	return Math.atan2(s.fwd, s.up) * RAD;
}

/** Left and right landmark index pairs, for picking the better-seen side. */
export const SIDES = {
	left: {
		shoulder: LM.leftShoulder,
		elbow: LM.leftElbow,
		wrist: LM.leftWrist,
		hip: LM.leftHip,
		knee: LM.leftKnee,
		ankle: LM.leftAnkle,
		heel: LM.leftHeel,
		toe: LM.leftFootIndex,
		ear: LM.leftEar
	},
	right: {
		shoulder: LM.rightShoulder,
		elbow: LM.rightElbow,
		wrist: LM.rightWrist,
		hip: LM.rightHip,
		knee: LM.rightKnee,
		ankle: LM.rightAnkle,
		heel: LM.rightHeel,
		toe: LM.rightFootIndex,
		ear: LM.rightEar
	}
} as const;
export type Side = keyof typeof SIDES;

/**
 * Evaluates `f` on both sides and returns the value from the side whose needed landmarks are best
 * seen (highest minimum visibility); null when neither side has them.
 */
export function bestSide(
	bp: BodyPoints,
	needed: ReadonlyArray<keyof (typeof SIDES)['left']>,
	f: (side: Side) => number | null
): number | null {
	let best: number | null = null;
	let bestVis = -1;
	for (const side of ['left', 'right'] as const) {
		let v = Infinity;
		for (const k of needed) v = Math.min(v, bp.vis[SIDES[side][k]]);
		if (v <= bestVis) continue;
		const r = f(side);
		if (r === null) continue;
		best = r;
		bestVis = v;
	}
	return best;
}

/** Logistic membership: 0.5 at `centre`, rising with x; `width` is the distance from 0.12 to 0.88. */
export function rise(x: number, centre: number, width: number): number {
	return 1 / (1 + Math.exp(-(x - centre) * (4 / width)));
}
/** Logistic membership falling with x (1 - rise). */
export function fall(x: number, centre: number, width: number): number {
	return 1 / (1 + Math.exp((x - centre) * (4 / width)));
}
