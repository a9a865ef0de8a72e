import type { Body } from './types';
import { ankleMid, hipMid, mid2, sagittal, shoulderMid, sub } from './geometry';

/**
 * Where the body's weight sits over the feet: the forward distance from the mid-ankles to the
 * midpoint of hips and shoulders (a stand-in for the centre of mass), in trunk lengths, in the
 * sagittal plane. ~0 (within ~0.3) standing or squatting, where balance keeps the weight over the
 * feet; ~-0.4 to -0.9 on a chair, which carries the hips behind feet placed forward. Null when the
 * view does not show front and back.
 */
export function comOverFeet(body: Body): number | null {
	const h = hipMid(body);
	const s = shoulderMid(body);
	const a = ankleMid(body);
	const com = mid2(h, s);
	if (!com || !a || !body.scale) return null;
	const v = sagittal(body, sub(com, a));
	return v ? v.fwd / body.scale : null;
}
