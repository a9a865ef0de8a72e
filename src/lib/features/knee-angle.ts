import type { Body } from './types';
import { angleBetween, at, bestSide, complete, forwardDepthSign, SEGMENT, SIDES, sub } from './geometry';

/** Inner knee angle hip-knee-ankle on the better-seen side (180 = straight leg). */
export function kneeAngleDeg(body: Body): number | null {
	return bestSide(body, ['hip', 'knee', 'ankle'], (side) => kneeOf(body, side));
}

/** The smaller knee angle of the seen legs (the more bent knee: squats, kneeling, lunges). */
export function kneeAngleMinDeg(body: Body): number | null {
	const l = kneeOf(body, 'left');
	const r = kneeOf(body, 'right');
	if (l === null) return r;
	if (r === null) return l;
	return Math.min(l, r);
}

/**
 * One knee. Foreshortened thigh and shank are completed assuming a knee bends the usual way: the
 * thigh runs back up to the hip and the shank back down to the ankle.
 */
function kneeOf(body: Body, side: 'left' | 'right'): number | null {
	const S = SIDES[side];
	const h = at(body, S.hip);
	const k = at(body, S.knee);
	const a = at(body, S.ankle);
	if (!h || !k || !a) return null;
	const back = -forwardDepthSign(body);
	return angleBetween(complete(body, sub(h, k), SEGMENT.thigh, back), complete(body, sub(a, k), SEGMENT.shank, back));
}
