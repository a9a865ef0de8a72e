import type { Body } from './types';
import { sagittalPitch, trunkAxis } from './geometry';
import { neckVector } from './neck-flexion';

/**
 * Bend between the trunk axis (hips to shoulders) and the neck line (shoulders to ears) in the
 * sagittal plane, + forward: how much the upper back rounds and the head juts forward relative to
 * the trunk, whatever the trunk's own lean. ~0-20 degrees with a tall spine; 30-60 in a slump
 * (domain: "rounded back, forward head"). Null when the view does not show it.
 */
export function shoulderRoundingDeg(body: Body): number | null {
	const t = trunkAxis(body);
	const n = neckVector(body);
	if (!t || !n) return null;
	const tp = sagittalPitch(body, t);
	const np = sagittalPitch(body, n);
	if (tp === null || np === null) return null;
	let d = np - tp;
	if (d > 180) d -= 360;
	if (d < -180) d += 360;
	return d;
}
