import type { Body } from './types';
import { at, bestSide, dist, SIDES } from './geometry';

/**
 * Distance from the ear to the shoulder on the better-seen side, in trunk lengths: ~0.3-0.45 with
 * the shoulders relaxed, shorter when they are pulled up to the ears (a shrug; the cobra cue
 * "shoulders away from the ears"). From the side the line lies in the picture, so the image
 * distance is true. Null without ear, shoulder or body size.
 */
export function shoulderEarDist(body: Body): number | null {
	if (!body.scale) return null;
	const s = body.scale;
	return bestSide(body, ['ear', 'shoulder'], (side) => {
		const e = at(body, SIDES[side].ear);
		const sh = at(body, SIDES[side].shoulder);
		return e && sh ? dist(e, sh) / s : null;
	});
}
