import type { Body } from './types';
import { at, completedAngle, SEGMENT, SIDES, sub } from './geometry';

/**
 * Inner elbow angles of the seen arms (180 = straight): the smaller and the larger. Foreshortened
 * segments are completed (see completedAngle).
 */
export function elbowAngles(body: Body): { min: number | null; max: number | null } {
	const vals: number[] = [];
	for (const side of ['left', 'right'] as const) {
		const S = SIDES[side];
		const s = at(body, S.shoulder);
		const e = at(body, S.elbow);
		const w = at(body, S.wrist);
		if (!s || !e || !w) continue;
		const a = completedAngle(body, sub(s, e), sub(w, e), SEGMENT.upperArm, SEGMENT.forearm);
		if (a !== null) vals.push(a);
	}
	if (!vals.length) return { min: null, max: null };
	return { min: Math.min(...vals), max: Math.max(...vals) };
}
