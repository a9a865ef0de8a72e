import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { at, height } from './geometry';

/**
 * Height difference between the two ankles, in trunk lengths: ~0 with both feet on the floor,
 * ~0.5-1 standing on one leg (tree pose, a lifted leg). Null unless both ankles are seen.
 */
export function footLevelDiff(body: Body): number | null {
	const l = at(body, LM.leftAnkle);
	const r = at(body, LM.rightAnkle);
	if (!l || !r || !body.scale) return null;
	return Math.abs(height(l) - height(r)) / body.scale;
}
