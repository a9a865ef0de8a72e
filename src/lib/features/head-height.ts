import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { at, earMid, height, hipMid } from './geometry';

/**
 * Height of the head (nose, else ears) above the mid-hips, in trunk lengths: ~1.4 upright, ~0.5
 * bowing at the hips, < 0 with the head hanging below the hips (forward fold, down dog).
 */
export function headHeight(body: Body): number | null {
	const h = hipMid(body);
	const head = at(body, LM.nose) ?? earMid(body);
	if (!h || !head || !body.scale) return null;
	return (height(head) - height(h)) / body.scale;
}
