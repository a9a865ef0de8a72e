import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { at, dist, SEGMENT } from './geometry';

/**
 * Distance between the wrists over the usual shoulder width: a bar grip is ~1-2; hands joined
 * overhead (tree pose, prayer) ~0-0.4. Null when the view hides it (side-on in a picture, where
 * both wrists overlap whatever the grip).
 */
export function gripWidthRatio(body: Body): number | null {
	const l = at(body, LM.leftWrist);
	const r = at(body, LM.rightWrist);
	if (!l || !r || !body.scale) return null;
	const frontal = body.hasDepth || (body.heading !== null && Math.abs(body.heading.z) > 0.6);
	if (!frontal) return null;
	return dist(l, r) / (SEGMENT.shoulders * body.scale);
}
