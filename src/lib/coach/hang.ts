/**
 * Hanging decompression tracker (domain: "hang from a bar (or a towel looped over something sturdy
 * if no bar). Optional: grip hard and slowly rotate the body to each side as far as comfortable").
 *
 * A hang is both arms straight overhead, the wrists above the head and the body vertical; it is
 * timed with a grace for brief dropouts (hold-timer.ts). Pulling up on the bar is not decompression
 * (the arms bend and the trunk braces instead of hanging loose), so a pull-up pauses the timer
 * without ending the hang: the hands still at the bar where they were while hanging (the grip, learnt
 * over the hold) with the arms bent is "on the bar", not counted. Not seen (the engine losing the
 * person for a moment, a cut) is a pause too; the time is not counted. While hanging, the hips' turn under the
 * shoulders is followed: from world landmarks the angle between the hip line and the shoulder line;
 * from a picture facing the camera, how far the hanging feet (which turn with the hips) swing their
 * toes across the picture, else how much narrower the hips look against the shoulders than at the
 * start of the hang (side unknown). A turn past `twistEnterDeg` held for `twistMinMs` and back below
 * `twistExitDeg` is one rotation.
 */
import { prepareBody } from '../features/body';
import type { Body } from '../features/types';
import { armElevationDeg } from '../features/arm-elevation';
import { wristsAboveHead } from '../features/wrists-above-head';
import { elbowAngles } from '../features/elbow-angle';
import { trunkFlexionDeg } from '../features/trunk-flexion';
import { hipTwist } from '../features/hip-twist';
import { RAD } from '../features/geometry';
import { createHoldTimer, type HoldReading } from './hold-timer';
import { createViewChangeDetector } from './view-change';
import { ANCHORS } from './anchors';
import { LM } from '../pose/landmarks';
import { at } from '../features/geometry';
import { createEma, createRunningMedian } from './smoothing';
import { fall, rise } from './form';
import { cue, HANG } from './copy';
import type { CoachEvent, CoachInput, CueCandidate, ExerciseTracker, HoldEvent, Phase, RotationCounts, RotationEvent, TrackerState } from './types';

export interface HangOptions {
	/** Dropouts and brief misreads up to this long do not end the hang and count as hanging (ms). */
	graceMs: number;
	/** On the bar but not hanging (pulling up), or not seen, this long ends the hang (ms). */
	pauseMaxMs: number;
	/** The hands within this many trunk lengths of the grip are still on the bar. */
	gripToleranceTrunks: number;
	/** The smoothed hang score enters the hang above `enter` and leaves it below `exit`. */
	enter: number;
	exit: number;
	smoothMs: number;
	/** A twist past this many degrees, then back below `twistExitDeg`, is a rotation. */
	twistEnterDeg: number;
	twistExitDeg: number;
	/** Smoothing of the twist measures (ms): the turns are slow, the landmarks jitter. */
	twistSmoothMs: number;
	/** A turn must stay past `twistEnterDeg` this long (ms): "slowly rotate". */
	twistMinMs: number;
	/** Hangs shorter than this (ms) are a reach, not a hang: no event. */
	minHangMs: number;
	/** Suggest the rotations after this long hanging without any (ms). */
	suggestRotateMs: number;
}

/** The shoulders must face the camera at least this much (frontal share) to read a turn from widths. */
const MIN_FRONTAL = 0.5;
/**
 * How far the toes reach across the picture from the heels when the feet turn fully sideways, in
 * trunk lengths (a foot is ~0.5 trunk lengths; hanging, it points down a little).
 */
const FOOT_ACROSS = 0.47;
/** After a cut, this long is not measured (a crossfade, the engine settling on the new shot), ms. */
const SETTLE_MS = 500;

export const HANG_DEFAULTS: HangOptions = {
	graceMs: 1000,
	pauseMaxMs: 20000,
	gripToleranceTrunks: 0.35,
	enter: 0.6,
	exit: 0.4,
	smoothMs: 200,
	twistEnterDeg: 20,
	twistExitDeg: 10,
	twistSmoothMs: 300,
	twistMinMs: 500,
	minHangMs: 1500,
	suggestRotateMs: 10000
};

/** Soft thresholds of a hang (the same picture as the classifier's 'hanging'). */
export const HANG_POSE = {
	/** Both arms within ~30 degrees of straight up ... */
	arm: { c: 32, w: 14 },
	/** ... the wrists above the head ... */
	wristsAbove: { c: 0.15, w: 0.2 },
	/** ... elbows not bent much (a pull-up's top is ~60-90; noisy straight arms read ~130-170) ... */
	elbow: { c: 112, w: 30 },
	/** ... and the body vertical. */
	trunk: { c: 30, w: 15 }
} as const;

/** 0..1: how much this frame looks like hanging from a bar; null when the arms or head are not seen. */
export function hangScore(body: Body): number | null {
	const arm = armElevationDeg(body);
	const above = wristsAboveHead(body);
	if (arm === null || above === null) return null;
	const elbow = elbowAngles(body).min;
	const trunk = trunkFlexionDeg(body);
	const P = HANG_POSE;
	return (
		fall(arm, P.arm.c, P.arm.w) *
		rise(above, P.wristsAbove.c, P.wristsAbove.w) *
		(elbow === null ? 1 : rise(elbow, P.elbow.c, P.elbow.w)) *
		(trunk === null ? 1 : fall(trunk, P.trunk.c, P.trunk.w))
	);
}

/** The seen wrists' mean height in the picture (y down), or null. */
function handsHeight(body: Body): number | null {
	const ws = [at(body, LM.leftWrist), at(body, LM.rightWrist)].filter((p) => p !== null);
	return ws.length ? ws.reduce((s, p) => s + p!.y, 0) / ws.length : null;
}

export function createHangTracker(options: Partial<HangOptions> = {}): ExerciseTracker {
	const o: HangOptions = { ...HANG_DEFAULTS, ...options };
	const score = createEma(o.smoothMs);
	const timer = createHoldTimer({ graceMs: o.graceMs, pauseMaxMs: o.pauseMaxMs });
	/** The height of the bar: where the hands are while hanging (the seen wrists' mean height). */
	const gripY = createRunningMedian(60);
	const viewChange = createViewChangeDetector({ anchors: ANCHORS.hang });
	/** After a cut, frames before this time are not used. */
	let settleUntil = -Infinity;
	const ratioBase = createRunningMedian(60);
	const feetBase = createRunningMedian(60);
	const yawS = createEma(o.twistSmoothMs);
	const ratioS = createEma(o.twistSmoothMs);
	const feetS = createEma(o.twistSmoothMs);
	let inHang = false;
	let holds: HoldEvent[] = [];
	let rotations: RotationCounts = { left: 0, right: 0, unknown: 0 };
	let holdRotations: RotationCounts = { left: 0, right: 0, unknown: 0 };
	let twisting: { side: 'left' | 'right' | 'unknown'; max: number; since: number } | null = null;
	let lastSeen: number | null = null;
	let lastPhase: Phase = 'absent';
	let startCued = false;
	let rotateCued = false;
	let bothCued = false;

	const totalS = () => holds.reduce((s, h) => s + h.seconds, 0);

	const endHold = (seg: { startT: number; endT: number; ms: number } | null): HoldEvent[] => {
		gripY.reset();
		ratioBase.reset();
		feetBase.reset();
		yawS.reset();
		ratioS.reset();
		feetS.reset();
		twisting = null;
		const r = holdRotations;
		holdRotations = { left: 0, right: 0, unknown: 0 };
		if (!seg || seg.ms < o.minHangMs) return [];
		const seconds = round1(seg.ms / 1000);
		const e: HoldEvent = {
			event: 'hold',
			exercise: 'hang',
			n: holds.length + 1,
			t: seg.endT,
			startT: seg.startT,
			seconds,
			totalS: round1(totalS() + seconds),
			rotations: r
		};
		holds.push(e);
		return [e];
	};

	/** The hips' turn under the shoulders, degrees, smoothed (signed when the side is known). */
	const twistOf = (t: number, body: Body): { deg: number; side: 'left' | 'right' | 'unknown' } | null => {
		const tw = hipTwist(body);
		if (tw.yawDeg !== null) {
			const y = yawS.update(t, tw.yawDeg);
			return { deg: Math.abs(y), side: y > 0 ? 'left' : 'right' };
		}
		// From a picture: only with the body facing the camera enough for the turn to show.
		if (!body.heading || Math.abs(body.heading.z) < MIN_FRONTAL) return null;
		// Facing the camera (heading towards -z), the person's left is the picture's right.
		const facingCamera = body.heading.z < 0;
		if (tw.feetX !== null) {
			// The hanging feet turn with the hips: their toes swing across the picture.
			const feet = feetS.update(t, tw.feetX);
			const base = feetBase.count() >= 5 ? feetBase.value()! : null;
			if (base === null) {
				feetBase.push(feet);
				return null;
			}
			// The feet's own turn across the picture, now and at the start of the hang (oblique views
			// start turned).
			const across = (x: number) => Math.asin(Math.max(-1, Math.min(1, x / FOOT_ACROSS)));
			const d = (across(feet) - across(base)) * RAD;
			if (Math.abs(d) < o.twistExitDeg) feetBase.push(feet);
			return { deg: Math.abs(d), side: d > 0 === facingCamera ? 'left' : 'right' };
		}
		if (tw.widthRatio === null) return null;
		// Without the feet: the hips look narrower (or wider) against the shoulders than at the start.
		const ratio = ratioS.update(t, tw.widthRatio);
		const base = ratioBase.count() >= 5 ? ratioBase.value()! : null;
		if (base === null || base < 1e-6) {
			ratioBase.push(ratio);
			return null;
		}
		const ys = Math.acos(Math.min(1, Math.abs(body.heading.z)));
		const yh = Math.acos(Math.max(-1, Math.min(1, (ratio / base) * Math.cos(ys))));
		const deg = Math.abs(yh - ys) * RAD;
		if (deg < o.twistExitDeg) ratioBase.push(ratio);
		return { deg, side: 'unknown' };
	};

	/** The hands still at the height of the bar, above the shoulders: pulling up (or hanging, misread). */
	const onBar = (body: Body, hands: number | null): boolean => {
		if (hands === null || !body.scale || gripY.count() < 5) return false;
		const sh = [at(body, LM.leftShoulder), at(body, LM.rightShoulder)].filter((p) => p !== null);
		if (!sh.length || sh.some((p) => p!.y < hands)) return false;
		return Math.abs(hands - gripY.value()!) <= o.gripToleranceTrunks * body.scale;
	};

	return {
		exercise: 'hang',
		update(input: CoachInput): TrackerState {
			const t = input.t;
			const body = input.person ? prepareBody(input.person, input.aspect) : null;
			let raw = body ? hangScore(body) : null;
			const events: CoachEvent[] = [];
			const cues: CueCandidate[] = [];
			// A cut (another camera, another skeleton): the grip and the twist baselines are another view's,
			// and the first frames after it (a crossfade, the engine settling on the new shot) are not used.
			if (body && raw !== null && viewChange.update(t, body)) {
				gripY.reset();
				ratioBase.reset();
				feetBase.reset();
				score.reset();
				settleUntil = t + SETTLE_MS;
			}
			if (t < settleUntil) raw = null;
			if (raw !== null) {
				lastSeen = t;
				const s = score.update(t, raw);
				if (!inHang && s >= o.enter) inHang = true;
				else if (inHang && s < o.exit) inHang = false;
			}
			const hands = body ? handsHeight(body) : null;
			if (inHang && raw !== null && hands !== null) gripY.push(hands);
			const reading: HoldReading = raw === null ? null : inHang ? true : onBar(body!, hands) ? 'pause' : false;
			const step = timer.update(t, reading);
			if (step.ended) events.push(...endHold(step.ended));
			if (step.holding && inHang && body && raw !== null) {
				const tw = twistOf(t, body);
				if (tw) {
					if (!twisting && tw.deg >= o.twistEnterDeg) twisting = { side: tw.side, max: tw.deg, since: t };
					else if (twisting) {
						twisting.max = Math.max(twisting.max, tw.deg);
						if (twisting.side === 'unknown') twisting.side = tw.side;
						if (tw.deg < o.twistExitDeg) {
							if (t - twisting.since >= o.twistMinMs) {
								const e: RotationEvent = { event: 'rotation', exercise: 'hang', t, side: twisting.side, deg: round1(twisting.max) };
								events.push(e);
								rotations[twisting.side]++;
								holdRotations[twisting.side]++;
							}
							twisting = null;
						}
					}
				}
			}
			if (step.holding && step.currentMs >= o.minHangMs && !startCued) {
				startCued = true;
				cues.push(cue('hang.start', 'info', HANG.start));
			}
			const anyRotation = rotations.left + rotations.right + rotations.unknown > 0;
			if (step.holding && !anyRotation && !rotateCued && step.currentMs >= o.suggestRotateMs) {
				rotateCued = true;
				cues.push(cue('hang.rotate', 'info', HANG.rotate));
			}
			if (!bothCued && ((rotations.left > 0 && rotations.right > 0) || rotations.unknown >= 2)) {
				bothCued = true;
				cues.push(cue('hang.both_sides', 'praise', HANG.bothSides));
			}
			let phase: Phase;
			if (step.holding) phase = reading === 'pause' || (reading === null && lastSeen !== null && t - lastSeen > o.graceMs) ? 'paused' : 'holding';
			else if (raw !== null) phase = 'setup';
			else phase = lastSeen !== null && t - lastSeen <= o.graceMs ? lastPhase : 'absent';
			lastPhase = phase;
			return {
				t,
				exercise: 'hang',
				phase,
				angleDeg: null,
				reps: holds.length,
				holdS: round1(step.currentMs / 1000),
				totalHoldS: round1(totalS() + (step.holding ? step.currentMs / 1000 : 0)),
				components: [],
				events,
				cues
			};
		},
		finish() {
			return endHold(timer.finish());
		},
		reset() {
			score.reset();
			timer.reset();
			ratioBase.reset();
			feetBase.reset();
			yawS.reset();
			ratioS.reset();
			feetS.reset();
			gripY.reset();
			viewChange.reset();
			settleUntil = -Infinity;
			inHang = false;
			holds = [];
			rotations = { left: 0, right: 0, unknown: 0 };
			holdRotations = { left: 0, right: 0, unknown: 0 };
			twisting = null;
			lastSeen = null;
			lastPhase = 'absent';
			startCued = rotateCued = bothCued = false;
		}
	};
}

function round1(v: number): number {
	return Math.round(v * 10) / 10;
}
