import type { Body } from './types';
import { at, bestSide, completedAngle, SEGMENT, SIDES, sub } from './geometry';

/**
 * Inner hip angle shoulder-hip-knee on the better-seen side: ~180 standing straight, ~90 sitting
 * or bowing at right angles, < 60 deep forward fold or squat. Foreshortened segments are
 * completed (see completedAngle).
 */
export function hipAngleDeg(body: Body): number | null {
	return bestSide(body, ['shoulder', 'hip', 'knee'], (side) => {
		const S = SIDES[side];
		const s = at(body, S.shoulder);
		const h = at(body, S.hip);
		const k = at(body, S.knee);
		if (!s || !h || !k) return null;
		return completedAngle(body, sub(s, h), sub(k, h), SEGMENT.trunk, SEGMENT.thigh, true);
	});
}
