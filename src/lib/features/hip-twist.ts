import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { RAD, at, sub } from './geometry';

export interface HipTwist {
	/**
	 * Signed turn of the hip line against the shoulder line about the vertical, degrees (+ hips
	 * turned to the person's left). World landmarks only; null otherwise.
	 */
	yawDeg: number | null;
	/**
	 * Apparent hip width over apparent shoulder width in the picture. Seen from the front it drops
	 * when the hips turn away under still shoulders (hanging from a bar and rotating), whichever
	 * way; compare it with the same person's own ratio before the turn.
	 */
	widthRatio: number | null;
	/**
	 * Image landmarks: which way the feet point across the picture (toes minus heels, mean, in trunk
	 * lengths, + towards the image right); when the hips turn the hanging feet turn with them.
	 */
	feetX: number | null;
}

/** How far the hips are turned under the shoulders (hanging rotations, domain: "slowly rotate"). */
export function hipTwist(body: Body): HipTwist {
	const ls = at(body, LM.leftShoulder);
	const rs = at(body, LM.rightShoulder);
	const lh = at(body, LM.leftHip);
	const rh = at(body, LM.rightHip);
	let yawDeg: number | null = null;
	let widthRatio: number | null = null;
	if (ls && rs && lh && rh) {
		const s = sub(ls, rs);
		const h = sub(lh, rh);
		if (body.hasDepth) {
			// Angle of each left-right line about the vertical (y down, z away from the camera); a turn
			// of the hips to the person's left swings the hip line that way against the shoulders'.
			let d = (Math.atan2(h.z, h.x) - Math.atan2(s.z, s.x)) * RAD;
			if (d > 180) d -= 360;
			if (d < -180) d += 360;
			yawDeg = d;
		}
		const sw = Math.abs(s.x);
		if (sw > 1e-9) widthRatio = Math.abs(h.x) / sw;
	}
	let feetX: number | null = null;
	if (!body.hasDepth && body.scale) {
		let sum = 0;
		let n = 0;
		for (const [heel, toe] of [
			[LM.leftHeel, LM.leftFootIndex],
			[LM.rightHeel, LM.rightFootIndex]
		] as const) {
			const a = at(body, heel);
			const b = at(body, toe);
			if (!a || !b) continue;
			sum += (b.x - a.x) / body.scale;
			n++;
		}
		if (n) feetX = sum / n;
	}
	return { yawDeg, widthRatio, feetX };
}
