import type { Body } from './types';
import { angleFromUp, at, sub, SIDES } from './geometry';

/**
 * Arm elevation: shoulder-to-wrist direction from straight up (0 = arm vertical overhead, 90 =
 * horizontal, 180 = hanging down), for the LOWER arm of the two: hanging from a bar raises both.
 * With one arm seen, that arm. Null when no arm is seen.
 */
export function armElevationDeg(body: Body): number | null {
	let worst: number | null = null;
	for (const side of ['left', 'right'] as const) {
		const S = SIDES[side];
		const s = at(body, S.shoulder);
		const w = at(body, S.wrist);
		if (!s || !w) continue;
		const a = angleFromUp(sub(w, s));
		if (a !== null && (worst === null || a > worst)) worst = a;
	}
	return worst;
}
