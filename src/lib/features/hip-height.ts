import type { Body } from './types';
import { ankleMid, height, hipMid } from './geometry';

/**
 * Height of the mid-hips above the mid-ankles, in trunk lengths: ~1.4-1.6 standing, ~0.8-1.1 on a
 * chair, ~0-0.3 lying or kneeling-sitting on the heels. Tells lying (cobra: "hips stay glued to the
 * floor") from a plank or a standing bend.
 */
export function hipHeight(body: Body): number | null {
	const h = hipMid(body);
	const a = ankleMid(body);
	if (!h || !a || !body.scale) return null;
	return (height(h) - height(a)) / body.scale;
}
