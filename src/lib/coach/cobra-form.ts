/**
 * Cobra form, one frame: the measures and the five named components (domain, cobra: "lie face down,
 * hips stay glued to the floor, hands push the chest up"; plus the usual cues of a good cobra:
 * shoulders away from the ears, a long neck, long legs). Every measure is an angle or a length in
 * trunk lengths, so it does not change with the distance to the camera (users: "use angles and
 * body-size-normalised measures, not pixels").
 */
import type { Body } from '../features/types';
import { LM } from '../pose/landmarks';
import { at, earMid, mid2, shoulderMid, SIDES, sub, trunkAxis, RAD } from '../features/geometry';
import { trunkElevationDeg, type ElevationView } from '../features/trunk-elevation';
import { shoulderEarDist } from '../features/shoulder-ear';
import { kneeAngleDeg } from '../features/knee-angle';
import { elbowAngles } from '../features/elbow-angle';
import { neckVector } from '../features/neck-flexion';
import { proneSagittal } from './prone-view';
import { fall, rise, type ComponentSpec } from './form';
import type { FormComponent } from './types';

export interface CobraMeasures {
	/** Trunk line above the floor line, degrees (the chest lift). */
	liftDeg: number | null;
	/** Hips above the knees / ankles, trunk lengths. */
	hipLift: number | null;
	/** Wrists ahead of the shoulders along the body, trunk lengths (+ towards the head). */
	handForward: number | null;
	/** How far the wrists are below the shoulders, per the shoulders' height above the hips. */
	handDrop: number | null;
	/** The straighter elbow's inner angle, degrees. */
	elbowMaxDeg: number | null;
	/** Ear to shoulder, trunk lengths. */
	shoulderEar: number | null;
	/** Neck line (shoulders to ears) bent back from the trunk line, degrees (+ extension). */
	neckExtDeg: number | null;
	/** Face direction above the line along the floor, degrees (+ looking up). */
	faceUpDeg: number | null;
	/** Knee inner angle on the better-seen side, degrees (180 straight). */
	kneeDeg: number | null;
}

/**
 * How high the hips are above the lowest seen point of the legs (knees, ankles), in trunk lengths,
 * heights taken from the floor line: ~0.05-0.25 with the hips on the floor (the hip landmark sits in
 * the middle of the pelvis, the knees nearer the floor), past ~0.4 with the pelvis lifted off it
 * (domain: "hips stay glued to the floor"). Bent knees with the feet up do not raise it.
 */
export function hipLiftOf(body: Body, view: ElevationView): number | null {
	const h = mid2(at(body, LM.leftHip), at(body, LM.rightHip)) ?? at(body, LM.leftHip) ?? at(body, LM.rightHip);
	if (!h || !body.scale) return null;
	let best: number | null = null;
	for (const i of [LM.leftKnee, LM.rightKnee, LM.leftAnkle, LM.rightAnkle]) {
		const p = at(body, i);
		if (!p) continue;
		const s = proneSagittal(body, view, sub(h, p));
		const up = s ? s.up : p.y - h.y;
		if (best === null || up > best) best = up;
	}
	return best === null ? null : best / body.scale;
}

const elevationOf = (s: { fwd: number; up: number } | null) => (s ? Math.atan2(s.up, s.fwd) * RAD : null);

export function cobraMeasures(body: Body, view: ElevationView): CobraMeasures {
	const scale = body.scale;
	const liftDeg = trunkElevationDeg(body, view);
	let fSum = 0;
	let fN = 0;
	let dSum = 0;
	let dN = 0;
	const hipC = mid2(at(body, LM.leftHip), at(body, LM.rightHip)) ?? at(body, LM.leftHip) ?? at(body, LM.rightHip);
	for (const side of ['left', 'right'] as const) {
		const s = at(body, SIDES[side].shoulder);
		const w = at(body, SIDES[side].wrist);
		if (!s || !w || !scale) continue;
		const sw = proneSagittal(body, view, sub(w, s));
		if (sw) {
			fSum += sw.fwd / scale;
			fN++;
			const sh = hipC ? proneSagittal(body, view, sub(s, hipC)) : null;
			if (sh && sh.up > 0.15 * scale) {
				dSum += -sw.up / sh.up;
				dN++;
			}
		}
	}
	const t = trunkAxis(body);
	const n = neckVector(body);
	let neckExtDeg: number | null = null;
	if (t && n) {
		const te = elevationOf(proneSagittal(body, view, t));
		const ne = elevationOf(proneSagittal(body, view, n));
		if (te !== null && ne !== null) neckExtDeg = ne - te;
	}
	const nose = at(body, LM.nose);
	const ears = earMid(body);
	const faceUpDeg = nose && ears ? elevationOf(proneSagittal(body, view, sub(nose, ears))) : null;
	const sm = shoulderMid(body);
	return {
		liftDeg,
		hipLift: hipLiftOf(body, view),
		handForward: fN ? fSum / fN : null,
		handDrop: dN && sm ? dSum / dN : null,
		elbowMaxDeg: elbowAngles(body).max,
		shoulderEar: shoulderEarDist(body),
		neckExtDeg,
		faceUpDeg,
		kneeDeg: kneeAngleDeg(body)
	};
}

/**
 * Where each component's score is 0.5 and how quickly it falls (see rise/fall in form.ts). Real
 * cobras of five people filmed from four sides (PosePilot) sit well inside every one: hips
 * ~0.1-0.25 trunk lengths above the knees, hands by the shoulders, necks within ~20 degrees of the
 * trunk line, knees ~160-175 degrees.
 */
export const COBRA_FORM = {
	/** "Hips stay glued to the floor": the pelvis ~15 cm or more up (0.35 trunk lengths) is off it. */
	hipLift: { c: 0.36, w: 0.1 },
	/** "Hands push the chest up": wrists not back by the hips (more than ~0.45 trunk lengths behind the shoulders) ... */
	handBehind: { c: -0.45, w: 0.15 },
	/** ... and down on the floor (well below the shoulders). */
	handDrop: { c: 0.5, w: 0.25 },
	/** Shoulders away from the ears: the ear-shoulder distance against the person's own when lying flat. */
	shrugRatio: { c: 0.74, w: 0.15 },
	/** Without a baseline yet: the usual relaxed distance (trunk lengths). */
	shoulderEarDefault: 0.36,
	/** Elbows locked straight and jammed: only a nudge to the score, never a fault alone. */
	elbowLocked: { c: 177, w: 4 },
	/** Neck neutral: bent back from the trunk line by more than ~35 degrees is cranking the head. */
	neckExt: { c: 38, w: 12 },
	/** ... or the face turned up to the ceiling. */
	faceUp: { c: 58, w: 14 },
	/** Legs long: knees straighter than ~135 degrees. */
	knee: { c: 135, w: 20 },
	/** Lift below which the hands and the shoulders are not judged (they are still down). */
	judgeArmsFromDeg: 15
} as const;

export const COBRA_COMPONENTS: readonly ComponentSpec[] = [
	{ id: 'hips_down', fault: 'hips_lifted', weight: 0.3 },
	{ id: 'arms_push', fault: 'arms_not_pushing', weight: 0.2 },
	{ id: 'shoulders_down', fault: 'shoulders_shrugged', weight: 0.15 },
	{ id: 'neck_neutral', fault: 'neck_cranked', weight: 0.15 },
	{ id: 'legs_long', fault: 'knees_bent', weight: 0.2 }
];

const f2 = (v: number) => v.toFixed(2);
const f0 = (v: number) => v.toFixed(0);

/** The five components for one frame; `shoulderEarBaseline` is the person's own lying-flat distance. */
export function cobraComponents(m: CobraMeasures, shoulderEarBaseline: number | null): FormComponent[] {
	const F = COBRA_FORM;
	const out: FormComponent[] = [];
	// Hips on the floor.
	out.push(
		m.hipLift === null
			? { id: 'hips_down', score: 1, value: null, unit: 'body', why: 'hips not seen' }
			: {
					id: 'hips_down',
					score: fall(m.hipLift, F.hipLift.c, F.hipLift.w),
					value: m.hipLift,
					unit: 'body',
					why: `hips ${f2(m.hipLift)} trunk lengths above the knees (off the floor from ~${F.hipLift.c})`
				}
	);
	// Hands pushing the chest up.
	const judgeArms = m.liftDeg !== null && m.liftDeg >= F.judgeArmsFromDeg;
	if (!judgeArms || (m.handForward === null && m.handDrop === null)) {
		out.push({ id: 'arms_push', score: 1, value: null, unit: 'body', why: judgeArms ? 'hands not seen' : 'chest still down' });
	} else {
		const fwd = m.handForward;
		const place = fwd === null ? 1 : rise(fwd, F.handBehind.c, F.handBehind.w);
		const down = m.handDrop === null ? 1 : rise(m.handDrop, F.handDrop.c, F.handDrop.w);
		const where =
			fwd !== null && fwd < F.handBehind.c
				? `hands ${f2(-fwd)} trunk lengths behind the shoulders, back by the hips`
				: m.handDrop !== null && m.handDrop < F.handDrop.c
					? 'hands up off the floor'
					: 'hands planted by the shoulders';
		const elbow = m.elbowMaxDeg === null ? '' : `, elbows at ${f0(m.elbowMaxDeg)} degrees`;
		out.push({ id: 'arms_push', score: place * down, value: fwd ?? m.handDrop, unit: 'body', why: where + elbow });
	}
	// Shoulders away from the ears, elbows not locked.
	if (!judgeArms || m.shoulderEar === null) {
		out.push({ id: 'shoulders_down', score: 1, value: null, unit: 'ratio', why: judgeArms ? 'ears or shoulders not seen' : 'chest still down' });
	} else {
		const base = shoulderEarBaseline ?? F.shoulderEarDefault;
		const ratio = m.shoulderEar / base;
		const shrug = rise(ratio, F.shrugRatio.c, F.shrugRatio.w);
		const locked = m.elbowMaxDeg === null ? 1 : 0.85 + 0.15 * fall(m.elbowMaxDeg, F.elbowLocked.c, F.elbowLocked.w);
		const why =
			shrug < 0.5
				? `shoulders drawn up: ear-shoulder distance ${f0(ratio * 100)}% of yours lying flat`
				: locked < 0.9
					? `elbows locked straight (${f0(m.elbowMaxDeg ?? 180)} degrees)`
					: `ear-shoulder distance ${f0(ratio * 100)}% of yours lying flat`;
		out.push({ id: 'shoulders_down', score: shrug * locked, value: ratio, unit: 'ratio', why });
	}
	// Neck neutral.
	if (m.neckExtDeg === null && m.faceUpDeg === null) {
		out.push({ id: 'neck_neutral', score: 1, value: null, unit: 'deg', why: 'head not seen' });
	} else {
		const neck = m.neckExtDeg === null ? 1 : fall(m.neckExtDeg, F.neckExt.c, F.neckExt.w);
		const face = m.faceUpDeg === null ? 1 : fall(m.faceUpDeg, F.faceUp.c, F.faceUp.w);
		const why =
			face < neck
				? `face turned ${f0(m.faceUpDeg ?? 0)} degrees up from the floor line`
				: `neck bent back ${f0(m.neckExtDeg ?? 0)} degrees from the line of the back`;
		out.push({ id: 'neck_neutral', score: Math.min(neck, face), value: m.neckExtDeg ?? m.faceUpDeg, unit: 'deg', why });
	}
	// Legs long.
	out.push(
		m.kneeDeg === null
			? { id: 'legs_long', score: 1, value: null, unit: 'deg', why: 'knees not seen' }
			: {
					id: 'legs_long',
					score: rise(m.kneeDeg, F.knee.c, F.knee.w),
					value: m.kneeDeg,
					unit: 'deg',
					why: `knees at ${f0(m.kneeDeg)} degrees (straight is 180)`
				}
	);
	return out;
}
