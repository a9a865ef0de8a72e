import { LM } from '../pose/landmarks';
import type { Body, BodyOrientation, Vec3 } from './types';
import { UP, add, angleFromUp, at, cross, dot, earMid, norm, scale, shoulderMid, sub } from './geometry';
import { trunkVector } from './trunk-flexion';
import { legAngleDeg } from './leg-angle';
import { hipHeight } from './hip-height';

/** Trunk within this many degrees of vertical counts as upright; beyond 180 minus it, inverted. */
export const UPRIGHT_LIMIT_DEG = 50;

/**
 * The body against gravity: 'upright', 'inverted' (head end down, e.g. a deep fold), or lying:
 * 'prone' (front down: cobra, sphinx, plank), 'supine' (front up), 'lying' when the side facing the
 * floor cannot be told. A body whose legs lie along the floor with the hips down counts as lying
 * even with the chest lifted (cobra raises the trunk to 30-60 degrees from vertical).
 */
export function bodyOrientation(body: Body): BodyOrientation | null {
	const t = trunkVector(body);
	if (!t) return null;
	const a = angleFromUp(t);
	if (a === null) return null;
	const legs = legAngleDeg(body);
	const hips = hipHeight(body);
	const legsDown = legs !== null && hips !== null && legs > 65 && hips < 0.45;
	if (a < UPRIGHT_LIMIT_DEG && !(legsDown && a > 20)) return 'upright';
	if (a > 180 - UPRIGHT_LIMIT_DEG) return 'inverted';
	const down = frontDownness(body, t);
	if (down > 0.25) return 'prone';
	if (down < -0.25) return 'supine';
	return 'lying';
}

/**
 * Evidence (about -1..1 and beyond) that the front of the body faces down: + prone, - supine. From
 * the left-right axis crossed with the trunk (needs depth), the face (it points to the front of the
 * body) and arms reaching down from the shoulders to prop the chest.
 */
export function frontDownness(body: Body, trunk: Vec3): number {
	const tl = norm(trunk);
	if (tl < 1e-9) return 0;
	const tu = scale(trunk, 1 / tl);
	let ev = 0;
	if (body.hasDepth) {
		let lr: Vec3 = { x: 0, y: 0, z: 0 };
		const ls = at(body, LM.leftShoulder);
		const rs = at(body, LM.rightShoulder);
		const lh = at(body, LM.leftHip);
		const rh = at(body, LM.rightHip);
		if (ls && rs) lr = add(lr, sub(ls, rs));
		if (lh && rh) lr = add(lr, sub(lh, rh));
		ev += (-dot(cross(lr, tu), UP) / tl) * 2;
	}
	const n = at(body, LM.nose);
	const e = earMid(body);
	if (n && e) {
		const d = sub(n, e);
		const perp = sub(d, scale(tu, dot(d, tu)));
		const pl = norm(perp);
		if (pl > 1e-9) ev += (-dot(perp, UP) / pl) * 0.8;
	}
	const sm = shoulderMid(body);
	if (sm) {
		for (const wi of [LM.leftWrist, LM.rightWrist]) {
			const w = at(body, wi);
			if (w && (w.y - sm.y) / tl > 0.3) ev += 0.3;
		}
	}
	return ev;
}
