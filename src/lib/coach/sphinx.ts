/**
 * Prone on the elbows ("sphinx") tracker (domain: "lie prone on the elbows (lower back in slight
 * extension) for 10-15 minutes after a workout, e.g. reading").
 *
 * A timer toward a goal (10 minutes by default, configurable) that runs while the person is in the
 * pose and pauses when they leave it (lying flat, sitting up), resuming when they come back: each stay
 * is a hold; the total goes toward the goal. Brief dropouts and misreads up to the grace do not pause it
 * (users: "a hold timer that resets on one missed frame is a top complaint"); longer stretches not seen
 * (out of frame, a cut in a video, a close-up) pause the timer without ending the hold, and the time
 * not seen is not counted.
 *
 * In the pose: lying face down (lying.ts), chest a little up (the trunk line ~8-50 degrees above the
 * floor line), elbows down on the floor near under the shoulders and forearms along the floor.
 */
import { prepareBody } from '../features/body';
import type { Body } from '../features/types';
import { RAD, SIDES, at, mid2, sub } from '../features/geometry';
import { LM } from '../pose/landmarks';
import { trunkElevationDeg, type ElevationView } from '../features/trunk-elevation';
import { createHoldTimer } from './hold-timer';
import { createViewChangeDetector } from './view-change';
import { ANCHORS } from './anchors';

/** After a cut, this long is not measured (a crossfade, the engine settling on the new shot), ms. */
const SETTLE_MS = 500;
import { createEma } from './smoothing';
import { createProneView, proneSagittal } from './prone-view';
import { isLyingFaceDown, proneCoverage } from './lying';
import { fall, rise } from './form';
import { cue, SPHINX, sphinxMinuteCue } from './copy';
import type { CoachEvent, CoachInput, CueCandidate, ExerciseTracker, HoldEvent, MilestoneEvent, Phase, TrackerState } from './types';

export interface SphinxOptions {
	/** The goal, seconds (domain: 10-15 minutes). */
	goalS: number;
	/** Out of the pose up to this long does not pause the timer (ms). */
	graceMs: number;
	enter: number;
	exit: number;
	smoothMs: number;
	/** Stays shorter than this (ms) are passing through, not a hold. */
	minHoldMs: number;
	/** A milestone every this many seconds in the pose. */
	milestoneS: number;
	/** Tell the person the timer is paused after this long out of the pose (ms). */
	pausedCueMs: number;
}

export const SPHINX_DEFAULTS: SphinxOptions = {
	goalS: 600,
	graceMs: 1500,
	enter: 0.6,
	exit: 0.4,
	smoothMs: 300,
	minHoldMs: 2000,
	milestoneS: 120,
	pausedCueMs: 3000
};

/** Soft thresholds of the pose. */
export const SPHINX_POSE = {
	/** Chest up a little (the trunk line above the floor line) ... */
	liftLow: { c: 7, w: 5 },
	liftHigh: { c: 50, w: 10 },
	/** ... elbows down on the floor: at least ~70% of the way from the shoulders down to the hips' level ... */
	elbowDrop: { c: 0.65, w: 0.2 },
	/** ... and not far ahead of or behind the shoulders (trunk lengths) ... */
	elbowBehind: { c: -0.45, w: 0.15 },
	elbowAhead: { c: 0.6, w: 0.15 },
	/** ... forearms along the floor: wrists ahead of the elbows, not above them (degrees up from the floor line). */
	forearmRise: { c: 40, w: 15 }
} as const;

const elevation = (s: { fwd: number; up: number }) => Math.atan2(s.up, Math.abs(s.fwd)) * RAD;

/** 0..1: how much this frame looks like prone on the elbows; null when the arms are not seen. */
export function sphinxScore(body: Body, view: ElevationView): number | null {
	const lift = trunkElevationDeg(body, view);
	const hip = mid2(at(body, LM.leftHip), at(body, LM.rightHip)) ?? at(body, LM.leftHip) ?? at(body, LM.rightHip);
	if (lift === null || !hip || !body.scale) return null;
	const P = SPHINX_POSE;
	let best: number | null = null;
	for (const side of ['left', 'right'] as const) {
		const S = SIDES[side];
		const s = at(body, S.shoulder);
		const e = at(body, S.elbow);
		const w = at(body, S.wrist);
		if (!s || !e) continue;
		const se = proneSagittal(body, view, sub(e, s));
		const sh = proneSagittal(body, view, sub(s, hip));
		if (!se || !sh) continue;
		const drop = sh.up > 0.1 * body.scale ? -se.up / sh.up : 1;
		const fwd = se.fwd / body.scale;
		let forearm = 1;
		if (w) {
			const ew = proneSagittal(body, view, sub(w, e));
			if (ew) forearm = ew.fwd > 0 ? fall(elevation(ew), P.forearmRise.c, P.forearmRise.w) : 0.2;
		}
		const score =
			rise(drop, P.elbowDrop.c, P.elbowDrop.w) *
			rise(fwd, P.elbowBehind.c, P.elbowBehind.w) *
			fall(fwd, P.elbowAhead.c, P.elbowAhead.w) *
			forearm;
		if (best === null || score > best) best = score;
	}
	if (best === null) return null;
	return best * rise(lift, P.liftLow.c, P.liftLow.w) * fall(lift, P.liftHigh.c, P.liftHigh.w);
}

export function createSphinxTracker(options: Partial<SphinxOptions> = {}): ExerciseTracker {
	const o: SphinxOptions = { ...SPHINX_DEFAULTS, ...options };
	const score = createEma(o.smoothMs);
	const timer = createHoldTimer({ graceMs: o.graceMs });
	const view = createProneView();
	const viewChange = createViewChangeDetector({ anchors: ANCHORS.sphinx });
	/** After a cut, frames before this time are not used. */
	let settleUntil = -Infinity;
	let inPose = false;
	let holds: HoldEvent[] = [];
	let milestones = 0;
	let goalReached = false;
	let lastSeen: number | null = null;
	let lastPhase: Phase = 'absent';
	let pausedSince: number | null = null;
	let pausedCued = false;
	let startCued = false;
	let halfwayCued = false;

	const doneS = () => holds.reduce((s, h) => s + h.seconds, 0);

	const endHold = (seg: { startT: number; endT: number; ms: number } | null): HoldEvent[] => {
		if (!seg || seg.ms < o.minHoldMs) return [];
		const seconds = round1(seg.ms / 1000);
		const e: HoldEvent = {
			event: 'hold',
			exercise: 'sphinx',
			n: holds.length + 1,
			t: seg.endT,
			startT: seg.startT,
			seconds,
			totalS: round1(doneS() + seconds),
			goalS: o.goalS
		};
		holds.push(e);
		return [e];
	};

	return {
		exercise: 'sphinx',
		update(input: CoachInput): TrackerState {
			const t = input.t;
			const body = input.person ? prepareBody(input.person, input.aspect) : null;
			const seen = body !== null && proneCoverage(body);
			// A cut (another camera, another skeleton): the view learnt goes, and the first frames after it (a
			// crossfade, the engine settling on the new shot) are not used: the timer pauses.
			if (seen && viewChange.update(t, body!)) {
				view.reset();
				score.reset();
				settleUntil = t + SETTLE_MS;
			}
			const events: CoachEvent[] = [];
			const cues: CueCandidate[] = [];
			let observed: boolean | null = null;
			let angle: number | null = null;
			if (seen && t >= settleUntil) {
				lastSeen = t;
				const v = view.current(body!);
				const lying = isLyingFaceDown(body!, v);
				if (lying) view.update(body!);
				const raw = lying ? sphinxScore(body!, v) : 0;
				if (raw !== null) {
					const s = score.update(t, raw);
					if (!inPose && s >= o.enter) inPose = true;
					else if (inPose && s < o.exit) inPose = false;
					observed = inPose;
				}
				if (lying) angle = trunkElevationDeg(body!, v);
			}
			const step = timer.update(t, observed);
			if (step.ended) events.push(...endHold(step.ended));
			const total = doneS() + (step.holding ? step.currentMs / 1000 : 0);
			if (step.holding) {
				pausedSince = null;
				pausedCued = false;
				if (!startCued && step.currentMs >= o.minHoldMs) {
					startCued = true;
					cues.push(cue('sphinx.start', 'info', SPHINX.start));
				}
				while (total >= (milestones + 1) * o.milestoneS && (milestones + 1) * o.milestoneS < o.goalS) {
					milestones++;
					const m: MilestoneEvent = { event: 'milestone', exercise: 'sphinx', t, seconds: milestones * o.milestoneS, goal: false };
					events.push(m);
					cues.push(sphinxMinuteCue(Math.round(m.seconds / 60)));
				}
				if (!halfwayCued && total >= o.goalS / 2) {
					halfwayCued = true;
					cues.push(cue('sphinx.halfway', 'praise', SPHINX.halfway));
				}
				if (!goalReached && total >= o.goalS) {
					goalReached = true;
					events.push({ event: 'milestone', exercise: 'sphinx', t, seconds: o.goalS, goal: true });
					cues.push(cue('sphinx.goal', 'praise', SPHINX.goal));
				}
			} else if (startCued) {
				pausedSince ??= t;
				if (!pausedCued && !goalReached && t - pausedSince >= o.pausedCueMs) {
					pausedCued = true;
					cues.push(cue('sphinx.paused', 'info', SPHINX.paused));
				}
			}
			let phase: Phase;
			if (step.holding) phase = 'holding';
			else if (seen) phase = startCued ? 'paused' : 'setup';
			else phase = lastSeen !== null && t - lastSeen <= o.graceMs ? lastPhase : startCued ? 'paused' : 'absent';
			lastPhase = phase;
			return {
				t,
				exercise: 'sphinx',
				phase,
				angleDeg: angle === null ? null : round1(angle),
				reps: holds.length,
				holdS: round1(step.currentMs / 1000),
				totalHoldS: round1(total),
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
			view.reset();
			viewChange.reset();
			settleUntil = -Infinity;
			inPose = false;
			holds = [];
			milestones = 0;
			goalReached = false;
			lastSeen = null;
			lastPhase = 'absent';
			pausedSince = null;
			pausedCued = startCued = halfwayCued = false;
		}
	};
}

function round1(v: number): number {
	return Math.round(v * 10) / 10;
}
