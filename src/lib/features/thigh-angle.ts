import type { Body } from './types';
import { UP, angleBetween, complete, forwardDepthSign, hipMid, kneeMid, scale, SEGMENT, sub } from './geometry';

/**
 * Thighs from straight down: mid-hip to mid-knee (completed when foreshortened, e.g. a seated
 * person facing the camera). ~0 standing, ~90 sitting on a chair or lying.
 */
export function thighAngleDeg(body: Body): number | null {
	const h = hipMid(body);
	const k = kneeMid(body);
	if (!h || !k) return null;
	return angleBetween(complete(body, sub(k, h), SEGMENT.thigh, forwardDepthSign(body), true), scale(UP, -1));
}
