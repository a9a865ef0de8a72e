import { LM } from '../pose/landmarks';
import type { BodyPoints } from './types';
import { at, earMid } from './geometry';

/**
 * How far the nose sits below the ears, over the image shoulder width (+ = looking down). A weak
 * cue on its own (a glance at the keyboard does the same: Dorso #11, #47), used only together with
 * others.
 */
export function noseDropRatio(bp: BodyPoints): number | null {
	const n = at(bp, LM.nose);
	const e = earMid(bp);
	const ls = at(bp, LM.leftShoulder);
	const rs = at(bp, LM.rightShoulder);
	if (!n || !e || !ls || !rs) return null;
	const w = Math.hypot(ls.x - rs.x, ls.y - rs.y);
	return w > 1e-6 ? (n.y - e.y) / w : null;
}
