import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { at, dist } from './geometry';

/**
 * Knees apart over hips apart: ~1-2 standing or sitting normally, ~3+ in a wide squat (goddess,
 * sumo) or a side lunge (warrior II), where the thighs open sideways. Null unless both knees and
 * both hips are seen (side-on both pairs overlap and the ratio is meaningless, but stays small).
 */
export function kneeSpread(body: Body): number | null {
	const lk = at(body, LM.leftKnee);
	const rk = at(body, LM.rightKnee);
	const lh = at(body, LM.leftHip);
	const rh = at(body, LM.rightHip);
	if (!lk || !rk || !lh || !rh) return null;
	const hw = dist(lh, rh);
	if (!body.scale || hw < 0.15 * body.scale) return null;
	return dist(lk, rk) / hw;
}
