import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { at, height, hipMid, shoulderMid, MIN_VISIBILITY } from './geometry';

/**
 * Hands behind the back as a camera in front sees them: both elbows seen between hip and
 * shoulder height, both wrists not seen (the pose model reports low visibility for hands hidden
 * behind the body). 1 when so, 0 when a wrist is seen or the elbows are elsewhere; null when the
 * elbows or the trunk are not seen. Standing back extension from the front: "hands on the lower
 * back" (domain).
 */
export function handsHiddenBehind(body: Body): number | null {
	const le = at(body, LM.leftElbow);
	const re = at(body, LM.rightElbow);
	const s = shoulderMid(body);
	const h = hipMid(body);
	if (!le || !re || !s || !h) return null;
	if (body.vis[LM.leftWrist] >= MIN_VISIBILITY || body.vis[LM.rightWrist] >= MIN_VISIBILITY) return 0;
	const top = height(s);
	const bottom = height(h);
	const span = top - bottom;
	if (span <= 0) return 0;
	const inBand = (y: number) => y < top - 0.15 * span && y > bottom - 0.1 * span;
	return inBand(height(le)) && inBand(height(re)) ? 1 : 0;
}
