import { LM } from '../pose/landmarks';
import type { BodyPoints } from './types';
import { at, earMid, height } from './geometry';

/**
 * Front-view forward-head cue: height of the ears above the shoulder line over the shoulder width
 * (in the picture's plane). Both are lengths in the same picture, so the ratio does not depend on
 * the camera distance. From a front webcam a slumping person's head sinks towards the shoulders
 * and the upper body comes closer (wider shoulders), so the ratio drops: ~0.55-0.7 upright,
 * ~0.4-0.55 slumped (measured on the desk-webcam recordings and the skeleton model). Turning away
 * narrows the shoulders and only raises the ratio, so a side view never looks slumped by this cue.
 * With one shoulder hidden, the other's distance from the face's midline stands in for half the
 * width.
 */
export function neckHeightRatio(bp: BodyPoints): number | null {
	const ls = at(bp, LM.leftShoulder);
	const rs = at(bp, LM.rightShoulder);
	const e = earMid(bp);
	if (!e) return null;
	let w: number;
	let shY: number;
	if (ls && rs) {
		w = Math.hypot(ls.x - rs.x, ls.y - rs.y);
		shY = (ls.y + rs.y) / 2;
	} else {
		const s = ls ?? rs;
		const midline = at(bp, LM.nose) ?? (at(bp, LM.leftEar) && at(bp, LM.rightEar) ? e : null);
		if (!s || !midline) return null;
		w = 2 * Math.abs(s.x - midline.x);
		shY = s.y;
	}
	if (w < 1e-6) return null;
	return (height(e) - -shY) / w;
}
