import type { Body } from './types';
import { angleBetween, at, bestSide, complete, forwardDepthSign, SEGMENT, SIDES, sub } from './geometry';

/**
 * Inner hip angle shoulder-hip-knee on the better-seen side: ~180 standing straight, ~90 sitting
 * or bowing at right angles, < 60 deep forward fold or squat. Foreshortened segments are
 * completed (trunk and thigh both taken to lean forward out of the picture).
 */
export function hipAngleDeg(body: Body): number | null {
	const f = forwardDepthSign(body);
	return bestSide(body, ['shoulder', 'hip', 'knee'], (side) => {
		const S = SIDES[side];
		const s = at(body, S.shoulder);
		const h = at(body, S.hip);
		const k = at(body, S.knee);
		if (!s || !h || !k) return null;
		return angleBetween(complete(body, sub(s, h), SEGMENT.trunk, f), complete(body, sub(k, h), SEGMENT.thigh, f));
	});
}
