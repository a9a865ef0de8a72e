import { LM } from '../pose/landmarks';
import type { BodyPoints } from './types';
import { at, dist, SEGMENT } from './geometry';

/** Bilateral segments (left pair, right pair) and their usual length in trunk lengths. */
const LIMBS: ReadonlyArray<readonly [number, number, number, number, number]> = [
	[LM.leftShoulder, LM.leftElbow, LM.rightShoulder, LM.rightElbow, SEGMENT.upperArm],
	[LM.leftElbow, LM.leftWrist, LM.rightElbow, LM.rightWrist, SEGMENT.forearm],
	[LM.leftHip, LM.leftKnee, LM.rightHip, LM.rightKnee, SEGMENT.thigh],
	[LM.leftKnee, LM.leftAnkle, LM.rightKnee, LM.rightAnkle, SEGMENT.shank]
];

function pairDist(bp: BodyPoints, a: number, b: number): number {
	const pa = at(bp, a);
	const pb = at(bp, b);
	return pa && pb ? dist(pa, pb) : -1;
}

/**
 * The person's trunk length in the points' units, estimated from every seen segment (each divided
 * by its usual length in trunk lengths, see SEGMENT). A segment pointing at the camera looks short,
 * so the estimate is the second largest (the largest can be a noisy outlier; with two estimates,
 * the larger). Works without hips from shoulders and arms. Null when nothing is seen.
 */
export function bodyScale(bp: BodyPoints): number | null {
	// The two largest estimates and how many there are.
	let first = 0;
	let second = 0;
	let count = 0;
	const push = (len: number, ratio: number) => {
		if (len <= 1e-9) return;
		const e = len / ratio;
		count++;
		if (e > first) {
			second = first;
			first = e;
		} else if (e > second) second = e;
	};
	const ls = at(bp, LM.leftShoulder);
	const rs = at(bp, LM.rightShoulder);
	const lh = at(bp, LM.leftHip);
	const rh = at(bp, LM.rightHip);
	// The trunk only from both shoulders and both hips: one-sided mids are offset sideways.
	if (ls && rs && lh && rh)
		push(Math.hypot((ls.x + rs.x - lh.x - rh.x) / 2, (ls.y + rs.y - lh.y - rh.y) / 2, (ls.z + rs.z - lh.z - rh.z) / 2), SEGMENT.trunk);
	if (ls && rs) push(dist(ls, rs), SEGMENT.shoulders);
	if (lh && rh) push(dist(lh, rh), SEGMENT.hips);
	for (const [a, b, c, d, ratio] of LIMBS) push(Math.max(pairDist(bp, a, b), pairDist(bp, c, d)), ratio);
	// One-sided trunk (side view, far side hidden): shoulder to hip on the same side.
	if (count < 3) push(Math.max(pairDist(bp, LM.leftShoulder, LM.leftHip), pairDist(bp, LM.rightShoulder, LM.rightHip)), SEGMENT.trunk);
	if (!count) return null;
	return count >= 3 ? second : first;
}
