/**
 * Is the person lying face down (the start position of cobra and sphinx)? Legs along the floor,
 * hips low, not on the back, and enough of the body seen to measure. Generous on purpose: a cobra
 * with the hips lifted or the knees bent is still a cobra to be coached, not "out of position";
 * standing, kneeling, hands and knees, down dog and a plank are not lying.
 */
import type { Body } from '../features/types';
import { LM } from '../pose/landmarks';
import { RAD, ankleMid, at, hipMid, kneeMid, sub } from '../features/geometry';
import { legAngleDeg } from '../features/leg-angle';
import { thighAngleDeg } from '../features/thigh-angle';
import { bodyOrientation } from '../features/body-orientation';
import type { ElevationView } from '../features/trunk-elevation';
import { proneSagittal } from './prone-view';

export const LYING = {
	/** Legs (feet to hips) at most this steep above the floor line (hips lifted ~25 cm is ~20). */
	maxLegRiseDeg: 32,
	/** Hips at most this high above the lowest seen knee or ankle, trunk lengths (hands and knees ~1). */
	maxHipLift: 0.8
} as const;

/** The landmarks a prone stretch cannot be measured without. */
export function proneCoverage(body: Body): boolean {
	const sh = at(body, LM.leftShoulder) || at(body, LM.rightShoulder);
	const hip = at(body, LM.leftHip) || at(body, LM.rightHip);
	const leg = at(body, LM.leftKnee) || at(body, LM.rightKnee) || at(body, LM.leftAnkle) || at(body, LM.rightAnkle);
	return Boolean(sh && hip && leg && body.scale);
}

/**
 * `view`: what the tracker knows of the view over the set (see prone-view.ts), so that heights are
 * taken from the floor line and lengths along the body undo the view's foreshortening.
 */
export function isLyingFaceDown(body: Body, view: ElevationView = {}): boolean {
	if (!proneCoverage(body)) return false;
	const h = hipMid(body)!;
	const foot = ankleMid(body) ?? kneeMid(body);
	const legs = foot ? proneSagittal(body, view, sub(h, foot)) : null;
	if (legs) {
		if (Math.atan2(legs.up, Math.abs(legs.fwd)) * RAD > LYING.maxLegRiseDeg) return false;
	} else {
		const a = legAngleDeg(body) ?? thighAngleDeg(body);
		if (a === null || a < 90 - LYING.maxLegRiseDeg) return false;
	}
	let lift: number | null = null;
	for (const i of [LM.leftKnee, LM.rightKnee, LM.leftAnkle, LM.rightAnkle]) {
		const p = at(body, i);
		if (!p) continue;
		const s = proneSagittal(body, view, sub(h, p));
		const up = s ? s.up : p.y - h.y;
		if (lift === null || up > lift) lift = up;
	}
	if (lift === null || lift / body.scale! > LYING.maxHipLift) return false;
	return bodyOrientation(body) !== 'supine';
}
