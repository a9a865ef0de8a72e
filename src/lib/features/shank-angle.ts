import type { Body } from './types';
import { angleFromUp, at, bestSide, complete, forwardDepthSign, SEGMENT, sub, SIDES } from './geometry';

/**
 * Shin from vertical (ankle to knee against straight up), better-seen side: ~0-15 standing or
 * sitting on a chair, 20-45 in a squat (knees travel over the toes), ~90 kneeling on the shins.
 */
export function shankAngleDeg(body: Body): number | null {
	const f = forwardDepthSign(body);
	return bestSide(body, ['knee', 'ankle'], (side) => {
		const k = at(body, SIDES[side].knee);
		const a = at(body, SIDES[side].ankle);
		return k && a ? angleFromUp(complete(body, sub(k, a), SEGMENT.shank, f, true)) : null;
	});
}
