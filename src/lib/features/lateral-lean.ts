import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { RAD, at, dot, horizontal, normalize, sub, trunkAxis } from './geometry';

/**
 * Sideways lean in degrees (unsigned): the trunk axis tilted along the left-right axis, or, without
 * hips, the shoulder line's tilt from horizontal. Null when the view does not show the left-right
 * axis (side-on).
 */
export function lateralLeanDeg(body: Body): number | null {
	const ls = at(body, LM.leftShoulder);
	const rs = at(body, LM.rightShoulder);
	if (!ls || !rs) return null;
	const frontal = body.hasDepth || (body.heading !== null && Math.abs(body.heading.z) > 0.6);
	if (!frontal) return null;
	const lr = sub(ls, rs);
	const t = trunkAxis(body);
	if (t) {
		// Against the horizontal left-right direction (the shoulder line tilts with the bend).
		const u = normalize(horizontal(lr));
		if (!u) return null;
		const lat = dot(t, u);
		const upc = -t.y;
		return Math.abs(Math.atan2(lat, upc) * RAD);
	}
	const u = normalize(lr);
	if (!u) return null;
	return Math.abs(Math.atan2(-u.y, Math.hypot(u.x, u.z)) * RAD);
}
