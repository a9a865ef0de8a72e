import { LM } from '../pose/landmarks';
import type { BodyPoints } from './types';
import { at, dist, hipMid, norm, SEGMENT, shoulderMid, sub } from './geometry';

/**
 * The person's trunk length in the points' units, estimated from every seen segment (each divided
 * by its usual length in trunk lengths, see SEGMENT). A segment pointing at the camera looks short,
 * so the estimate is the second largest (the largest can be a noisy outlier; with two estimates,
 * the larger). Works without hips from shoulders and arms. Null when nothing is seen.
 */
export function bodyScale(bp: BodyPoints): number | null {
	const est: number[] = [];
	const push = (len: number | null, ratio: number) => {
		if (len !== null && len > 1e-9) est.push(len / ratio);
	};
	const s = shoulderMid(bp);
	const h = hipMid(bp);
	// The trunk only from both shoulders and both hips: one-sided mids are offset sideways.
	if (at(bp, LM.leftShoulder) && at(bp, LM.rightShoulder) && at(bp, LM.leftHip) && at(bp, LM.rightHip))
		push(norm(sub(s!, h!)), SEGMENT.trunk);
	const pair = (a: number, b: number) => {
		const pa = at(bp, a);
		const pb = at(bp, b);
		return pa && pb ? dist(pa, pb) : null;
	};
	const bilateral = (l: [number, number], r: [number, number], ratio: number) => {
		const a = pair(l[0], l[1]);
		const b = pair(r[0], r[1]);
		push(a === null ? b : b === null ? a : Math.max(a, b), ratio);
	};
	push(pair(LM.leftShoulder, LM.rightShoulder), SEGMENT.shoulders);
	push(pair(LM.leftHip, LM.rightHip), SEGMENT.hips);
	bilateral([LM.leftShoulder, LM.leftElbow], [LM.rightShoulder, LM.rightElbow], SEGMENT.upperArm);
	bilateral([LM.leftElbow, LM.leftWrist], [LM.rightElbow, LM.rightWrist], SEGMENT.forearm);
	bilateral([LM.leftHip, LM.leftKnee], [LM.rightHip, LM.rightKnee], SEGMENT.thigh);
	bilateral([LM.leftKnee, LM.leftAnkle], [LM.rightKnee, LM.rightAnkle], SEGMENT.shank);
	// One-sided trunk (side view, far side hidden): shoulder to hip on the same side.
	if (est.length < 3) {
		bilateral([LM.leftShoulder, LM.leftHip], [LM.rightShoulder, LM.rightHip], SEGMENT.trunk);
	}
	if (!est.length) return null;
	est.sort((a, b) => b - a);
	return est.length >= 3 ? est[1] : est[0];
}
