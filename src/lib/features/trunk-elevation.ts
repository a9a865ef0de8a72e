import type { Body, Vec3 } from './types';
import { MIN_SIDEWAYS, RAD, UP, dot, norm, scale, sub, trunkAxis } from './geometry';
import { trunkFlexionDeg } from './trunk-flexion';

/** What a tracker knows about the view over a whole set (steadier than one frame's guess). */
export interface ElevationView {
	/** How side-on the body's long axis is to the camera, 0..1 (1 side-on). */
	sideways?: number | null;
	/** Image slope (dy/dx, y down) of the floor line along the body (see floorLine). */
	floorSlope?: number | null;
	/** World landmarks: unit direction of the floor line along the body (either way). */
	floorDir?: Vec3 | null;
}

/**
 * Elevation of the trunk line (mid-hips to mid-shoulders) above the floor line, in degrees: ~0
 * lying flat, 30-60 in a cobra (domain: "hands push the chest up"), 90 upright.
 *
 * - World landmarks: the angle between the trunk and the floor line along the body when
 *   `view.floorDir` is given, else the trunk against the horizontal.
 * - Image landmarks: heights are seen as they are, lengths along the body are shortened by the view,
 *   so the horizontal part is divided by how side-on the body is (`view.sideways`, else the body's
 *   own heading when known and side-on enough); heights are taken from the floor line
 *   (`view.floorSlope`), which a tilted camera slants at oblique views.
 * - Otherwise (facing the camera, heading unknown): 90 minus the trunk's flexion from vertical.
 * Null without shoulders or hips.
 */
export function trunkElevationDeg(body: Body, view: ElevationView = {}): number | null {
	const t = trunkAxis(body);
	if (!t) return null;
	if (body.hasDepth) {
		const f = view.floorDir;
		if (f) {
			const along = Math.abs(dot(t, f));
			const perp = sub(t, scale(f, dot(t, f)));
			const sign = dot(perp, UP) >= 0 ? 1 : -1;
			return Math.atan2(sign * norm(perp), along) * RAD;
		}
		return Math.atan2(-t.y, Math.hypot(t.x, t.z)) * RAD;
	}
	const k = view.sideways ?? (body.heading && body.sideKnown ? Math.abs(body.heading.x) : null);
	if (k !== null && k >= MIN_SIDEWAYS) {
		const up = -(t.y - (view.floorSlope ?? 0) * t.x);
		return Math.atan2(up, Math.abs(t.x) / Math.min(1, k)) * RAD;
	}
	const flex = trunkFlexionDeg(body);
	return flex === null ? null : 90 - flex;
}
