/**
 * Standing back extension tracker (domain: "hands on the lower back, fingers pointing down, legs
 * straight; bend back slowly by pushing the hands into the back; hold a few seconds at the end of the
 * range; return; repeat, a little further each time").
 *
 * The angle is the trunk line's lean behind vertical in the body's sagittal plane (side-on or 45
 * degrees). Reps start and end relative to the person's own upright lean; per rep: the peak lean, the
 * hold near it, four components (legs straight, hands on the lower back, slow, hold) and the
 * comparison with the previous rep.
 */
import { prepareBody } from '../features/body';
import type { Body } from '../features/types';
import { LM } from '../pose/landmarks';
import { add, angleBetween, at, hipMid, RAD, scale, SIDES, sub, trunkAxis } from '../features/geometry';
import { legAngleDeg } from '../features/leg-angle';
import { hipHeight } from '../features/hip-height';
import { kneeAngleDeg } from '../features/knee-angle';
import { handsLowerBackDist, LOWER_BACK_BEHIND, LOWER_BACK_UP } from '../features/hands-lower-back';
import { createRepMachine, type RepReading, type RepRecord } from './rep-machine';
import { createSignalContinuity } from './signal-continuity';
import { createViewChangeDetector } from './view-change';
import { ANCHORS } from './anchors';
import { createEma, createRate, createRunningMedian } from './smoothing';
import { createStandingView, type StandingView } from './standing-view';
import { createFormAccumulator, fall, rise, type ComponentSpec } from './form';
import { compareReps } from './progression';
import { faultCue, PAIN_STOP, praiseCue, progressionCue } from './copy';
import type {
	CoachEvent,
	CoachInput,
	ComponentSummary,
	CueCandidate,
	ExerciseTracker,
	FaultId,
	FormComponent,
	Phase,
	RepEvent,
	TrackerState
} from './types';

export interface BackExtensionOptions {
	/** A rep starts this many degrees behind the person's own upright lean and ends below `exitAboveRestDeg`. */
	enterAboveRestDeg: number;
	exitAboveRestDeg: number;
	topBandDeg: number;
	topSpeedDegS: number;
	graceMs: number;
	/** Seen out of the standing position this long ends an open rep. */
	resumeMs: number;
	/** Out of sight this long ends an open rep where it was last seen (a cut or a close-up is a pause). */
	pauseMaxMs: number;
	minAboveMs: number;
	faultMinMs: number;
	progressionTolDeg: number;
	/** "Bend back slowly": faster than this (degrees per second, smoothed) is too fast. */
	maxSpeedDegS: number;
	/** "Hold a few seconds": shorter than this many seconds is no hold. */
	minHoldS: number;
	smoothMs: number;
	speedMs: number;
}

export const BACK_EXTENSION_DEFAULTS: BackExtensionOptions = {
	enterAboveRestDeg: 8,
	exitAboveRestDeg: 4,
	topBandDeg: 4,
	topSpeedDegS: 8,
	graceMs: 800,
	resumeMs: 3000,
	pauseMaxMs: 30000,
	minAboveMs: 800,
	faultMinMs: 500,
	progressionTolDeg: 2,
	maxSpeedDegS: 30,
	minHoldS: 2,
	smoothMs: 120,
	speedMs: 150
};

/** Per-frame form: knees straight, hands by the lower back. */
export const BACK_EXTENSION_FORM = {
	/** "Legs straight": standing knees read ~170-180; bent past ~155 is a bend. */
	knee: { c: 155, w: 12 },
	/** "Hands on the lower back": within ~0.3 trunk lengths of it (see handsLowerBackDist). */
	handsDist: { c: 0.3, w: 0.12 }
} as const;

const FRAME_COMPONENTS: readonly ComponentSpec[] = [
	{ id: 'legs_straight', fault: 'knees_bent', weight: 0.3 },
	{ id: 'hands_on_back', fault: 'hands_not_on_back', weight: 0.3 }
];
const REP_WEIGHTS = { slow: 0.2, hold: 0.2 } as const;
/** After a cut, this long is not measured (a crossfade, the engine settling on the new shot), ms. */
const SETTLE_MS = 500;

/** Standing: legs under the hips (not sitting, kneeling or lying). */
export function isStanding(body: Body): boolean {
	const legs = legAngleDeg(body);
	const hips = hipHeight(body);
	if (legs === null || hips === null) return false;
	return legs <= 35 && hips >= 1.1;
}

export function coverage(body: Body): boolean {
	const sh = at(body, LM.leftShoulder) || at(body, LM.rightShoulder);
	const hip = at(body, LM.leftHip) || at(body, LM.rightHip);
	const leg = at(body, LM.leftKnee) || at(body, LM.rightKnee);
	return Boolean(sh && hip && leg && body.scale);
}

/**
 * Knee angle in the sagittal plane of the set's view (the better-seen leg), which a 45-degree view
 * does not distort; the knee feature's own estimate when the view is not known.
 */
function sagittalKneeDeg(body: Body, view: StandingView): number | null {
	let best: number | null = null;
	let bestVis = -1;
	for (const side of ['left', 'right'] as const) {
		const S = SIDES[side];
		const h = at(body, S.hip);
		const k = at(body, S.knee);
		const a = at(body, S.ankle);
		if (!h || !k || !a) continue;
		const vis = Math.min(body.vis[S.hip], body.vis[S.knee], body.vis[S.ankle]);
		if (vis <= bestVis) continue;
		const u = view.sagittal(body, sub(h, k));
		const w = view.sagittal(body, sub(a, k));
		if (!u || !w) continue;
		const ang = angleBetween({ x: u.fwd, y: u.up, z: 0 }, { x: w.fwd, y: w.up, z: 0 });
		if (ang === null) continue;
		best = ang;
		bestVis = vis;
	}
	return best ?? kneeAngleDeg(body);
}

/**
 * How far the seen wrists are from the lower back (mean, trunk lengths), in the sagittal plane of
 * the set's view (see handsLowerBackDist: the same measure with one frame's facing, which a back
 * bend can flip).
 */
function handsBackDist(body: Body, view: StandingView): number | null {
	const t = trunkAxis(body);
	const h = hipMid(body);
	if (!t || !h || !body.scale) return handsLowerBackDist(body);
	const lumbar = add(h, scale(t, LOWER_BACK_UP));
	let sum = 0;
	let n = 0;
	for (const wi of [LM.leftWrist, LM.rightWrist]) {
		const w = at(body, wi);
		if (!w) continue;
		const s = view.sagittal(body, sub(w, lumbar));
		if (!s) return handsLowerBackDist(body);
		sum += Math.hypot(s.fwd / body.scale + LOWER_BACK_BEHIND, s.up / body.scale);
		n++;
	}
	return n ? sum / n : null;
}

function frameComponents(body: Body, view: StandingView): FormComponent[] {
	const F = BACK_EXTENSION_FORM;
	const knee = sagittalKneeDeg(body, view);
	const hands = handsBackDist(body, view);
	return [
		knee === null
			? { id: 'legs_straight', score: 1, value: null, unit: 'deg', why: 'knees not seen' }
			: { id: 'legs_straight', score: rise(knee, F.knee.c, F.knee.w), value: knee, unit: 'deg', why: `knees at ${knee.toFixed(0)} degrees (straight is 180)` },
		hands === null
			? { id: 'hands_on_back', score: 1, value: null, unit: 'body', why: 'hands not seen' }
			: {
					id: 'hands_on_back',
					score: fall(hands, F.handsDist.c, F.handsDist.w),
					value: hands,
					unit: 'body',
					why: hands > F.handsDist.c ? `hands ${hands.toFixed(2)} trunk lengths from the lower back` : 'hands on the lower back'
				}
	];
}

export function createBackExtensionTracker(options: Partial<BackExtensionOptions> = {}): ExerciseTracker {
	const o: BackExtensionOptions = { ...BACK_EXTENSION_DEFAULTS, ...options };
	const machine = createRepMachine({
		enterDeg: o.enterAboveRestDeg,
		exitDeg: o.exitAboveRestDeg,
		topBandDeg: o.topBandDeg,
		topSpeedDegS: o.topSpeedDegS,
		graceMs: o.graceMs,
		outMs: o.resumeMs,
		pauseMaxMs: o.pauseMaxMs,
		minAboveMs: o.minAboveMs
	});
	const continuity = createSignalContinuity();
	const viewChange = createViewChangeDetector({ anchors: ANCHORS.back_extension });
	/** After a cut: frames before this time are not used, and the next measured frame starts a segment. */
	let settleUntil = -Infinity;
	let cutPending = false;
	const ema = createEma(o.smoothMs);
	const rate = createRate(o.speedMs);
	const view = createStandingView();
	const restLean = createRunningMedian(120);
	const form = createFormAccumulator(FRAME_COMPONENTS, o.faultMinMs);
	let reps: RepEvent[] = [];
	let maxRiseSpeed = 0;
	let lastSeen: number | null = null;
	let lastPhase: Phase = 'absent';
	let warned = false;
	let fastCued = false;

	const repEvent = (rec: RepRecord): RepEvent => {
		const prev = reps[reps.length - 1] ?? null;
		const cmp = compareReps(rec.peakDeg, prev?.peakDeg ?? null, o.progressionTolDeg);
		const holdS = rec.holdMs / 1000;
		const slowScore = fall(maxRiseSpeed, o.maxSpeedDegS, 15);
		const holdScore = rise(holdS, o.minHoldS + 0.3, 1);
		const tooFast = maxRiseSpeed > o.maxSpeedDegS;
		const noHold = holdS < o.minHoldS;
		const repComponents: ComponentSummary[] = [
			{ id: 'slow', score: round2(slowScore), fault: tooFast ? 'too_fast' : null, why: `bent back at up to ${maxRiseSpeed.toFixed(0)} degrees a second` },
			{ id: 'hold', score: round2(holdScore), fault: noHold ? 'no_hold' : null, why: `held ${holdS.toFixed(1)} s near the end of the range` }
		];
		const frameW = FRAME_COMPONENTS.reduce((s, c) => s + c.weight, 0);
		const score = Math.round(
			(form.score() / 100) * frameW * 100 + (REP_WEIGHTS.slow * slowScore + REP_WEIGHTS.hold * holdScore) * 100
		);
		const faults: FaultId[] = [...form.faults()];
		if (tooFast) faults.push('too_fast');
		if (noHold) faults.push('no_hold');
		const e: RepEvent = {
			event: 'rep',
			exercise: 'back_extension',
			n: reps.length + 1,
			t: rec.endT,
			startT: rec.startT,
			peakDeg: round1(rec.peakDeg),
			holdS: round1(holdS),
			score: Math.round(score / (frameW + REP_WEIGHTS.slow + REP_WEIGHTS.hold)),
			faults,
			components: [...form.summary(), ...repComponents],
			progression: cmp.progression,
			deltaDeg: cmp.deltaDeg === null ? null : round1(cmp.deltaDeg)
		};
		reps.push(e);
		form.reset();
		maxRiseSpeed = 0;
		fastCued = false;
		return e;
	};

	return {
		exercise: 'back_extension',
		update(input: CoachInput): TrackerState {
			const t = input.t;
			const body = input.person ? prepareBody(input.person, input.aspect) : null;
			const seen = body !== null && coverage(body);
			// A cut (another camera, another skeleton taken for the person): what was learnt of the view goes,
			// and the first frames after it (a crossfade, the engine settling on the new shot) are not used.
			if (seen && viewChange.update(t, body!)) {
				view.reset();
				ema.reset();
				rate.reset();
				settleUntil = t + SETTLE_MS;
				cutPending = true;
			}
			const settled = seen && t >= settleUntil;
			const standing = settled && isStanding(body!);
			const events: CoachEvent[] = [];
			const cues: CueCandidate[] = [];
			let components: FormComponent[] = [];
			let angle: number | null = null;
			let lean: number | null = null;
			if (seen) lastSeen = t;
			if (standing) {
				view.update(body!);
				const tr = trunkAxis(body!);
				const s = tr ? view.sagittal(body!, tr) : null;
				if (s) lean = Math.atan2(-s.fwd, s.up) * RAD;
			}
			// Jumps of the lean are misdetections (dropped) or another view (a new segment).
			const c = continuity.update(t, lean, cutPending && lean !== null);
			if (c.newSegment) {
				cutPending = false;
				ema.reset();
				rate.reset();
			}
			if (c.angle !== null) angle = ema.update(t, c.angle);
			const speed = angle === null ? 0 : rate.update(t, angle);
			if (angle !== null && machine.phase === 'rest') {
				restLean.push(angle);
				const rest = Math.max(-10, Math.min(10, restLean.value() ?? 0));
				machine.setThresholds(rest + o.enterAboveRestDeg, rest + o.exitAboveRestDeg, rest);
			}
			const reading: RepReading =
				angle !== null ? { kind: 'angle', angle, speed, newSegment: c.newSegment } : settled && !standing ? { kind: 'out' } : { kind: 'unseen' };
			const step = machine.update(t, reading);
			if (step.started) {
				form.reset();
				maxRiseSpeed = 0;
				fastCued = false;
			}
			if (standing && (step.phase === 'rising' || step.phase === 'top')) {
				components = frameComponents(body!, view);
				form.add(t, components);
				for (const f of form.activeFaults(t)) cues.push(faultCue('back_extension', f));
				if (step.phase === 'rising') {
					maxRiseSpeed = Math.max(maxRiseSpeed, speed);
					if (speed > o.maxSpeedDegS && !fastCued) {
						fastCued = true;
						cues.push(faultCue('back_extension', 'too_fast'));
					}
				}
			}
			if (step.ended) {
				const e = repEvent(step.ended);
				events.push(e);
				if (e.faults.includes('no_hold')) cues.push(faultCue('back_extension', 'no_hold'));
				if (e.progression) cues.push(progressionCue('back_extension', e.progression));
				if (!e.faults.length) cues.push(praiseCue('good_rep', 'back_extension'));
			}
			if (standing && !warned) {
				warned = true;
				cues.unshift({ id: 'pain_stop', kind: 'safety', text: PAIN_STOP });
			}
			let phase: Phase;
			const gone = !seen && (lastSeen === null || t - lastSeen > o.graceMs);
			if (gone) phase = 'absent';
			else if (step.phase !== 'rest') phase = step.phase;
			else if (standing) phase = 'rest';
			else if (seen) phase = 'setup';
			else phase = lastPhase;
			lastPhase = phase;
			return {
				t,
				exercise: 'back_extension',
				phase,
				angleDeg: angle === null ? null : round1(angle),
				reps: reps.length,
				holdS: round1(step.holdMs / 1000),
				totalHoldS: round1(reps.reduce((s, r) => s + r.holdS, 0)),
				components,
				events,
				cues
			};
		},
		finish() {
			const rec = machine.finish();
			return rec ? [repEvent(rec)] : [];
		},
		reset() {
			machine.reset();
			continuity.reset();
			viewChange.reset();
			settleUntil = -Infinity;
			cutPending = false;
			ema.reset();
			rate.reset();
			view.reset();
			restLean.reset();
			form.reset();
			reps = [];
			maxRiseSpeed = 0;
			lastSeen = null;
			lastPhase = 'absent';
			warned = false;
			fastCued = false;
		}
	};
}

function round1(v: number): number {
	return Math.round(v * 10) / 10;
}
function round2(v: number): number {
	return Math.round(v * 100) / 100;
}
