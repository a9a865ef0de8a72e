import type { Body, Vec3 } from './types';
import { angleFromUp, complete, forwardDepthSign, sagittalPitch, SEGMENT, trunkAxis } from './geometry';

/**
 * The trunk axis (mid-hips to mid-shoulders) with the depth a picture loses restored from the
 * body's size (a trunk that looks short leans towards or away from the camera; assumed forward).
 */
export function trunkVector(body: Body): Vec3 | null {
	const t = trunkAxis(body);
	return t ? complete(body, t, SEGMENT.trunk, forwardDepthSign(body), true) : null;
}

/**
 * Trunk flexion from vertical, unsigned degrees: 0 upright, ~45 hands-on-knees rest, 90
 * horizontal, 180 upside down. From the side or at 45 degrees it is the sagittal pitch's size
 * (measured in the picture); facing the camera it comes from foreshortening (trunkVector). Null
 * without hips or shoulders (desk webcam).
 */
export function trunkFlexionDeg(body: Body): number | null {
	const t = trunkAxis(body);
	if (!t) return null;
	if (!body.hasDepth) {
		const p = sagittalPitch(body, t);
		if (p !== null) return Math.abs(p);
	}
	const c = trunkVector(body);
	return c ? angleFromUp(c) : null;
}

/**
 * Signed trunk pitch in the sagittal plane: + bent forward, - bent back (standing back extension),
 * ~+90 lying face down. Null when the view does not show front and back (facing the camera with
 * image landmarks) or the facing is unknown.
 */
export function trunkPitchDeg(body: Body): number | null {
	const t = trunkAxis(body);
	if (!t) return null;
	if (body.hasDepth || body.sideKnown) return sagittalPitch(body, t);
	return null;
}
