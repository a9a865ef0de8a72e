import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { at, height } from './geometry';

/**
 * Height of the lower seen wrist above the lower seen ankle, in trunk lengths: ~0 when the hands
 * are at floor level (fold to the floor, cobra, sphinx, plank), ~0.9-1.2 hanging at the sides.
 */
export function wristHeight(body: Body): number | null {
	if (!body.scale) return null;
	let ankle: number | null = null;
	for (const ai of [LM.leftAnkle, LM.rightAnkle]) {
		const a = at(body, ai);
		if (a && (ankle === null || height(a) < ankle)) ankle = height(a);
	}
	let wrist: number | null = null;
	for (const wi of [LM.leftWrist, LM.rightWrist]) {
		const w = at(body, wi);
		if (w && (wrist === null || height(w) < wrist)) wrist = height(w);
	}
	if (ankle === null || wrist === null) return null;
	return (wrist - ankle) / body.scale;
}
