import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { at, height, mid } from './geometry';

/**
 * Height of the seen wrists (mean) above the knees (mid of the seen ones), in trunk lengths: ~0 to
 * +0.3 with the hands braced on the knees or lower thighs, below -0.2 reaching down the shins to
 * the feet (forward fold). Null unless a wrist and a knee are seen.
 */
export function wristKneeHeight(body: Body): number | null {
	const k = mid(at(body, LM.leftKnee), at(body, LM.rightKnee));
	if (!k || !body.scale) return null;
	let sum = 0;
	let n = 0;
	for (const wi of [LM.leftWrist, LM.rightWrist]) {
		const w = at(body, wi);
		if (!w) continue;
		sum += height(w) - height(k);
		n++;
	}
	return n ? sum / n / body.scale : null;
}
