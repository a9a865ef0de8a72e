import { LM } from '../pose/landmarks';
import type { Body, Vec3 } from './types';
import { angleBetween, at, dist, mid, normalize, SIDES, sub } from './geometry';

export interface FloorLine {
	/**
	 * Image landmarks: slope dy/dx (y down) of the floor line along the body in the picture, from the
	 * points resting on the floor. Seen from the side it is ~0 whatever the camera's tilt; from 45
	 * degrees a camera looking down (or up) tilts the floor line in the picture, and so every height
	 * measured along the body. Null when it cannot be told.
	 */
	slope: number | null;
	/** World landmarks: unit direction of the floor line from the hands towards the knees. */
	dir: Vec3 | null;
}

/**
 * The floor line under a body lying face down (cobra, sphinx), through the points that rest on the
 * floor: the hands (wrists, by the chest or the hips), the knees and, with straight knees, the toes
 * (the tops of the feet lie on the floor): the "floor line" the chest lift is measured against. The ends are a body length
 * apart, so the few centimetres the landmarks sit above the floor tilt it by a degree or two at most.
 * Null without a wrist and one more of those seen.
 */
export function floorLine(body: Body): FloorLine {
	const pts: Vec3[] = [];
	const w = mid(at(body, LM.leftWrist), at(body, LM.rightWrist));
	if (!w) return { slope: null, dir: null };
	pts.push(w);
	const k = mid(at(body, LM.leftKnee), at(body, LM.rightKnee));
	if (k) pts.push(k);
	// The toes rest on the floor only with the knees straight (bent knees lift the feet).
	for (const side of ['left', 'right'] as const) {
		const S = SIDES[side];
		const h = at(body, S.hip);
		const kn = at(body, S.knee);
		const a = at(body, S.ankle);
		const toe = at(body, S.toe);
		if (!h || !kn || !a || !toe) continue;
		const straight = angleBetween(sub(h, kn), sub(a, kn));
		if (straight !== null && straight >= 150) pts.push(toe);
	}
	if (pts.length < 2) return { slope: null, dir: null };
	const far = pts.reduce((best, p) => (dist(p, w) > dist(best, w) ? p : best), pts[1]);
	if (body.hasDepth) return { slope: null, dir: normalize(sub(far, w)) };
	if (!body.scale || Math.abs(far.x - w.x) < 0.3 * body.scale) return { slope: null, dir: null };
	// Least-squares line y = slope * x + c through the resting points.
	const n = pts.length;
	const mx = pts.reduce((s, p) => s + p.x, 0) / n;
	const my = pts.reduce((s, p) => s + p.y, 0) / n;
	let sxx = 0;
	let sxy = 0;
	for (const p of pts) {
		sxx += (p.x - mx) ** 2;
		sxy += (p.x - mx) * (p.y - my);
	}
	return { slope: sxx > 1e-12 ? sxy / sxx : null, dir: null };
}
