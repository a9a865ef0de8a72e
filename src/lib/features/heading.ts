import { LM } from '../pose/landmarks';
import type { BodyPoints, Vec3 } from './types';
import {
	UP,
	add,
	angleFromUp,
	at,
	cross,
	earMid,
	height,
	hipMid,
	horizontal,
	ankleMid,
	norm,
	normalize,
	scale,
	SEGMENT,
	shoulderMid,
	SIDES,
	sub
} from './geometry';

export interface Heading {
	/** Horizontal unit vector the person faces (see Body.heading), or null. */
	heading: Vec3 | null;
	/** True when the sign of its in-picture (x) part is known. */
	sideKnown: boolean;
}

/**
 * Which way the person faces, from cues that each hold in some poses:
 * - the left-right axis (shoulders, hips) across gravity: with world landmarks this alone gives the
 *   heading; in a picture, how wide the shoulders look against their usual width tells how much
 *   the person faces the camera (and which of left/right is nearer tells towards or away);
 * - toes ahead of heels when standing; a bent knee ahead of the hip-ankle line; thighs pointing
 *   forward when sitting or squatting; the nose ahead of the ears when the trunk is near upright; a
 *   trunk bent past 45 degrees (backbends do not go that far);
 * - lying (legs along the floor, hips down): the trunk points to the head end, which is taken as
 *   "forward" so that lying face down reads as bent forward 90 degrees.
 */
export function bodyHeading(bp: BodyPoints, bodyScale: number | null): Heading {
	const s = bodyScale;
	if (!s) return { heading: null, sideKnown: false };
	let lr: Vec3 = { x: 0, y: 0, z: 0 };
	const ls = at(bp, LM.leftShoulder);
	const rs = at(bp, LM.rightShoulder);
	const lh = at(bp, LM.leftHip);
	const rh = at(bp, LM.rightHip);
	let lrExpected = 0;
	if (ls && rs) {
		lr = add(lr, sub(ls, rs));
		lrExpected += SEGMENT.shoulders * s;
	}
	if (lh && rh) {
		lr = add(lr, sub(lh, rh));
		lrExpected += SEGMENT.hips * s;
	}
	// Left-right axis x up = forward (right-handed, y down): facing the camera gives -z.
	const fromLR = horizontal(cross(lr, UP));

	const sm = shoulderMid(bp);
	const hm = hipMid(bp);
	const trunk = sm && hm ? sub(sm, hm) : null;
	const trunkAngle = trunk ? angleFromUp(trunk) : null;
	let cue: Vec3 = { x: 0, y: 0, z: 0 };
	const am = ankleMid(bp);
	const lying =
		trunk !== null &&
		hm !== null &&
		am !== null &&
		(angleFromUp(sub(hm, am)) ?? 0) > 60 &&
		(height(hm) - height(am)) / s < 0.5;
	if (lying && trunk) {
		const d = normalize(horizontal(trunk));
		if (d) cue = add(cue, d);
	} else {
		for (const side of ['left', 'right'] as const) {
			const S = SIDES[side];
			const hip = at(bp, S.hip);
			const knee = at(bp, S.knee);
			const heel = at(bp, S.heel);
			const toe = at(bp, S.toe);
			const thighFromDown = hip && knee ? 180 - (angleFromUp(sub(knee, hip)) ?? 0) : null;
			if (heel && toe && thighFromDown !== null && thighFromDown < 50) {
				const d = horizontal(sub(toe, heel));
				if (norm(d) > 0.08 * s) cue = add(cue, scale(normalize(d)!, 0.7));
			}
			// A bent knee of a standing leg juts forward of the hip-ankle line.
			const ankle = at(bp, S.ankle);
			if (hip && knee && ankle && thighFromDown !== null && thighFromDown < 60) {
				const along = sub(ankle, hip);
				const l2 = along.x * along.x + along.y * along.y + along.z * along.z;
				if (l2 > 1e-12) {
					const u = ((knee.x - hip.x) * along.x + (knee.y - hip.y) * along.y + (knee.z - hip.z) * along.z) / l2;
					const off = horizontal(sub(knee, add(hip, scale(along, u))));
					if (norm(off) > 0.06 * s) cue = add(cue, scale(normalize(off)!, 0.5));
				}
			}
			if (
				hip &&
				knee &&
				thighFromDown !== null &&
				thighFromDown > 45 &&
				thighFromDown < 135 &&
				(trunkAngle === null || trunkAngle < 60)
			) {
				const d = horizontal(sub(knee, hip));
				if (norm(d) > 0.2 * s) cue = add(cue, scale(normalize(d)!, 0.6));
			}
		}
		const nose = at(bp, LM.nose);
		const ears = earMid(bp);
		if (nose && ears && (trunkAngle === null || trunkAngle < 45)) {
			const d = horizontal(sub(nose, ears));
			if (norm(d) > 0.03 * s) cue = add(cue, scale(normalize(d)!, 0.6));
		}
		// A trunk bent past 45 degrees over standing legs leans forward: backbends stop short of it.
		if (trunk && trunkAngle !== null && trunkAngle > 45 && trunkAngle < 135) {
			const d = normalize(horizontal(trunk));
			if (d) cue = add(cue, scale(d, 0.5));
		}
	}

	if (bp.hasDepth) {
		const sum = add(scale(fromLR, 2 / s), cue);
		const h = norm(sum) < 0.25 ? null : normalize(sum);
		return { heading: h, sideKnown: h !== null };
	}
	// Picture only: the frontal share from the apparent width of the left-right axis.
	const frontal = lrExpected > 0 ? Math.min(1, Math.abs(lr.x) / lrExpected) : 0;
	const sideways = Math.sqrt(1 - frontal * frontal);
	const zSign = lr.x > 0 ? -1 : 1;
	const sideKnown = Math.abs(cue.x) > 0.3;
	if (!sideKnown && lrExpected === 0) return { heading: null, sideKnown: false };
	return {
		heading: { x: sideKnown ? Math.sign(cue.x) * sideways : 0, y: 0, z: zSign * frontal },
		sideKnown
	};
}
