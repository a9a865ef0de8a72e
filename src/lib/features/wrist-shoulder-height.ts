import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { at, height, shoulderMid } from './geometry';

/** Mean height of the seen wrists relative to the mid-shoulders, in trunk lengths (+ above). */
export function wristShoulderHeight(body: Body): number | null {
	const s = shoulderMid(body);
	if (!s || !body.scale) return null;
	let sum = 0;
	let n = 0;
	for (const wi of [LM.leftWrist, LM.rightWrist]) {
		const w = at(body, wi);
		if (!w) continue;
		sum += height(w) - height(s);
		n++;
	}
	return n ? sum / n / body.scale : null;
}
