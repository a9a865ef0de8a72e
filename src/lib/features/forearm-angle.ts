import type { Body } from './types';
import { angleFromUp, at, complete, forwardDepthSign, SEGMENT, SIDES, sub } from './geometry';

/**
 * Forearm direction from straight up, mean over the seen arms (elbow to wrist, completed when
 * foreshortened): ~90 with the forearms flat on the floor (sphinx), ~150-180 propping on the hands
 * (cobra, plank), ~0 overhead.
 */
export function forearmAngleDeg(body: Body): number | null {
	const f = forwardDepthSign(body);
	let sum = 0;
	let n = 0;
	for (const side of ['left', 'right'] as const) {
		const e = at(body, SIDES[side].elbow);
		const w = at(body, SIDES[side].wrist);
		if (!e || !w) continue;
		const a = angleFromUp(complete(body, sub(w, e), SEGMENT.forearm, f));
		if (a === null) continue;
		sum += a;
		n++;
	}
	return n ? sum / n : null;
}
