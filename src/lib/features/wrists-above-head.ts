import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { at, earMid, height } from './geometry';

/**
 * Height of the lower seen wrist above the head (nose, else ears), in trunk lengths: > 0 when both
 * hands are above the head, as when hanging from a bar.
 */
export function wristsAboveHead(body: Body): number | null {
	if (!body.scale) return null;
	const head = at(body, LM.nose) ?? earMid(body);
	if (!head) return null;
	let low: number | null = null;
	for (const wi of [LM.leftWrist, LM.rightWrist]) {
		const w = at(body, wi);
		if (!w) continue;
		const h = height(w) - height(head);
		if (low === null || h < low) low = h;
	}
	return low === null ? null : low / body.scale;
}
