/**
 * How far a person's skeleton jumped between two observations, in their own trunk lengths: the sign of
 * an edit in the footage (a cut to another camera or framing) or of another person taken for them,
 * not of movement. Pure.
 *
 * One point per body part (nose, shoulders, elbows, wrists, hips, knees, ankles), so that the face's
 * eleven landmarks do not outvote the body, and how far the steadiest quarter of them moved: a stretch
 * moves part of the body (the chest rises off the floor while the legs and hands stay; a pull-up lifts
 * the body while the hands stay on the bar), however long the person was out of sight in between; a
 * cut moves all of it, or changes its size. The median of all the parts moves too with a pull-up seen
 * before and after a second's dropout, or with the engine swapping the near and far limbs.
 */
import type { Body } from '../features/types';
import { LM } from '../pose/landmarks';

/** One landmark per body part. */
export const JUMP_POINTS: readonly number[] = [
	LM.nose,
	LM.leftShoulder,
	LM.rightShoulder,
	LM.leftElbow,
	LM.rightElbow,
	LM.leftWrist,
	LM.rightWrist,
	LM.leftHip,
	LM.rightHip,
	LM.leftKnee,
	LM.rightKnee,
	LM.leftAnkle,
	LM.rightAnkle
];

export interface SkeletonJump {
	/**
	 * Displacement of the steadiest quarter of the body parts (the 25th percentile), trunk lengths: ~0 for
	 * a person stretching in place (the hands stay on the bar or the mat, the legs on the floor), the whole
	 * distance for another person or a skeleton sliding across the picture.
	 */
	steady: number | null;
	/** Body parts seen in both observations. */
	shared: number;
	/** Size now over size before (null when either is unknown). */
	scaleRatio: number | null;
}

/** Body parts that must be seen in both observations to compare them. */
export const MIN_SHARED = 4;

export function skeletonJump(before: Body, now: Body): SkeletonJump {
	const scale = before.scale && now.scale ? Math.max(before.scale, now.scale) : (before.scale ?? now.scale);
	const d: number[] = [];
	for (const i of JUMP_POINTS) {
		const a = before.p[i];
		const b = now.p[i];
		if (a && b) d.push(Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z));
	}
	const scaleRatio = before.scale && now.scale ? now.scale / before.scale : null;
	if (d.length < MIN_SHARED || !scale) return { steady: null, shared: d.length, scaleRatio };
	d.sort((x, y) => x - y);
	return { steady: d[Math.floor((d.length - 1) / 4)] / scale, shared: d.length, scaleRatio };
}

export interface CutOptions {
	/** The steadiest quarter of the body parts moved more than this many trunk lengths ... */
	steadyTrunks: number;
	/** ... or the body's size changed by more than this factor. */
	scaleFactor: number;
}

export const CUT_DEFAULTS: CutOptions = { steadyTrunks: 0.35, scaleFactor: 1.45 };

/**
 * Whether the change between two observations is an edit (or another person), not movement. Bodies
 * that share too few parts (a close-up after a wide shot) count as a cut when their sizes differ, and
 * as no evidence otherwise.
 */
export function isCut(j: SkeletonJump, o: CutOptions = CUT_DEFAULTS): boolean {
	if (j.scaleRatio !== null && Math.abs(Math.log(j.scaleRatio)) > Math.log(o.scaleFactor)) return true;
	return j.steady !== null && j.steady > o.steadyTrunks;
}
