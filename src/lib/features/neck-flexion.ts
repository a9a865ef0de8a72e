import { LM } from '../pose/landmarks';
import type { Body, Vec3 } from './types';
import { at, mid2, sagittalPitch, sub } from './geometry';

/**
 * The neck line: mid-shoulders to mid-ears, or the same-side shoulder and ear when one side is
 * hidden and the view is side-on (elsewhere a one-sided line is skewed by the ear sitting inside
 * the shoulder).
 */
export function neckVector(body: Body): Vec3 | null {
	const e = mid2(at(body, LM.leftEar), at(body, LM.rightEar));
	const s = mid2(at(body, LM.leftShoulder), at(body, LM.rightShoulder));
	if (e && s) return sub(e, s);
	const sideOn = body.hasDepth || (body.heading !== null && Math.abs(body.heading.x) > 0.85);
	if (!sideOn) return null;
	for (const [ei, si] of [
		[LM.leftEar, LM.leftShoulder],
		[LM.rightEar, LM.rightShoulder]
	] as const) {
		const ee = at(body, ei);
		const ss = at(body, si);
		if (ee && ss) return sub(ee, ss);
	}
	return null;
}

/**
 * Neck flexion: the shoulder-to-ear line from vertical in the body's sagittal plane, + ear ahead
 * of the shoulder (forward head). postureCV's cue: an angle, so it does not change with the
 * distance to the camera. Upright is ~5-25 degrees; a forward head or slump 35-60. Null when the
 * view does not show it (facing the camera in a picture: use neckHeightRatio there).
 */
export function neckFlexionDeg(body: Body): number | null {
	const n = neckVector(body);
	return n ? sagittalPitch(body, n) : null;
}
