import type { Body } from './types';
import { at, bestSide, completedAngle, SEGMENT, SIDES, sub } from './geometry';

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

/** One knee, with foreshortened thigh and shank completed (see completedAngle). */
function kneeOf(body: Body, side: 'left' | 'right'): number | null {
	const S = SIDES[side];
	const h = at(body, S.hip);
	const k = at(body, S.knee);
	const a = at(body, S.ankle);
	if (!h || !k || !a) return null;
	return completedAngle(body, sub(h, k), sub(a, k), SEGMENT.thigh, SEGMENT.shank, true);
}
