/**
 * How far a person's skeleton jumped between two observations, in their own trunk lengths: the sign of
 * an edit in the footage (a cut to another camera or framing) or of another person taken for them,
 * not of movement. Pure.
 *
 * Measured on the body parts the exercise keeps in place, its anchors: the knees, feet and hands on the
 * floor in a cobra or sphinx, the hands on the bar when hanging (a pull-up moves everything else), the
 * feet in a standing back extension. However long the person was out of sight in between, the anchors
 * of someone still doing the stretch have not moved; a cut moves all of them with everything else, or
 * changes the body's size, while a misdetection moves some (the legs thrown up for a second, one hand).
 * So the measure is how far all but one of them moved: the second least moved anchor (the least moved of
 * two). The median of all the body parts moves with a pull-up seen before and after a second's dropout.
 */
import type { Body } from '../features/types';
import { BODY_PARTS } from '../pose/landmarks';

export interface SkeletonJump {
	/**
	 * How far the anchors moved, trunk lengths: the second least moved (of two, the least; null when none is
	 * seen in both).
	 * ~0 for a person stretching in place, the whole distance for another person or a skeleton sliding
	 * across the picture.
	 */
	steady: number | null;
	/** Anchors seen in both observations. */
	shared: number;
	/** Size now over size before (null when either is unknown). */
	scaleRatio: number | null;
}

/**
 * `anchors`: the landmarks the exercise keeps in place; by default every body part, of which the second
 * steadiest is taken (a stretch keeps at least two in place) when at least four are seen in both.
 */
export function skeletonJump(before: Body, now: Body, anchors?: readonly number[]): SkeletonJump {
	const scale = before.scale && now.scale ? Math.max(before.scale, now.scale) : (before.scale ?? now.scale);
	const d: number[] = [];
	for (const i of anchors ?? BODY_PARTS) {
		const a = before.p[i];
		const b = now.p[i];
		if (a && b) d.push(Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z));
	}
	const scaleRatio = before.scale && now.scale ? now.scale / before.scale : null;
	if (!scale || !d.length || (!anchors && d.length < 4)) return { steady: null, shared: d.length, scaleRatio };
	d.sort((x, y) => x - y);
	const steady = anchors && d.length <= 2 ? d[0] : d[1];
	return { steady: steady / scale, shared: d.length, scaleRatio };
}

export interface CutOptions {
	/** The anchors moved more than this many trunk lengths ... */
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
