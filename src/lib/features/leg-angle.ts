import type { Body, Vec3 } from './types';
import { UP, add, angleBetween, ankleMid, complete, forwardDepthSign, hipMid, kneeMid, scale, SEGMENT, sub } from './geometry';

/** Mid-hip to mid-ankle through the knees, each segment completed when foreshortened. */
export function legVector(body: Body): Vec3 | null {
	const h = hipMid(body);
	const k = kneeMid(body);
	const a = ankleMid(body);
	if (!h || !a) return null;
	if (!k) return sub(a, h);
	const f = forwardDepthSign(body);
	return add(complete(body, sub(k, h), SEGMENT.thigh, f, true), complete(body, sub(a, k), SEGMENT.shank, -f, true));
}

/**
 * Legs from straight down: mid-hip to mid-ankle. ~0 standing, ~30-50 in down dog (feet down and
 * behind the hips), ~50 on a chair, ~90 legs along the floor (lying, long sitting).
 */
export function legAngleDeg(body: Body): number | null {
	const v = legVector(body);
	return v ? angleBetween(v, scale(UP, -1)) : null;
}
