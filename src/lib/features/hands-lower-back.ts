import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { add, at, hipMid, sagittal, scale, sub, trunkAxis } from './geometry';

/**
 * Where a hand on the lower back sits: behind the line of the joint centres by about the body's
 * half-depth (~0.22 trunk lengths), at the level a quarter of the way up the trunk.
 */
export const LOWER_BACK_BEHIND = 0.22;
export const LOWER_BACK_UP = 0.25;

/**
 * How far the seen wrists are from the lower back, in trunk lengths (mean over seen wrists),
 * measured in the sagittal plane (forward and up; the across-body part is left out). Standing back
 * extension, "hands on the lower back, fingers pointing down" (domain), gives ~0-0.15; hands on
 * the hips' sides ~0.25+, hanging arms ~0.5+. Null when the view does not show front and back.
 */
export function handsLowerBackDist(body: Body): number | null {
	const t = trunkAxis(body);
	const h = hipMid(body);
	if (!t || !h || !body.scale) return null;
	const lumbar = add(h, scale(t, LOWER_BACK_UP));
	let sum = 0;
	let n = 0;
	for (const wi of [LM.leftWrist, LM.rightWrist]) {
		const w = at(body, wi);
		if (!w) continue;
		const s = sagittal(body, sub(w, lumbar));
		if (!s) return null;
		sum += Math.hypot(s.fwd / body.scale + LOWER_BACK_BEHIND, s.up / body.scale);
		n++;
	}
	return n ? sum / n : null;
}
