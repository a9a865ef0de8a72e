/**
 * Cobra tracker (domain: "lie face down, hips stay glued to the floor, hands push the chest up.
 * Each repetition a little higher than the last").
 *
 * Per frame: is the person lying face down (lying.ts); the chest lift, the trunk line's angle above
 * the floor line, smoothed over ~120 ms; the rep's phase (rep-machine.ts: rest -> rising -> top ->
 * lowering); the five form components while a rep is on (cobra-form.ts). Per rep: the peak lift, the
 * hold at the top, the 0..100 score, the faults, and the comparison with the previous rep.
 *
 * The enter/exit thresholds sit above the person's own resting angle lying flat (a deep chest or a
 * raised head reads a few degrees above zero); the view (how side-on, where the floor line runs) is
 * learnt over the set (prone-view.ts).
 */
import { prepareBody } from '../features/body';
import type { Body } from '../features/types';
import { createRepMachine, type RepReading, type RepRecord } from './rep-machine';
import { createEma, createRate, createRunningMedian } from './smoothing';
import { createProneView } from './prone-view';
import { isLyingFaceDown, proneCoverage } from './lying';
import { createLapseFilter } from './lapse-filter';
import { createSignalContinuity } from './signal-continuity';
import { createViewChangeDetector } from './view-change';
import { ANCHORS } from './anchors';
import { cobraComponents, cobraMeasures, COBRA_COMPONENTS } from './cobra-form';
import { createFormAccumulator } from './form';
import { compareReps } from './progression';
import { faultCue, PAIN_STOP, praiseCue, progressionCue } from './copy';
import type { CoachEvent, CoachInput, CueCandidate, ExerciseTracker, FormComponent, Phase, RepEvent, TrackerState } from './types';

export interface CobraOptions {
	/** A rep starts this many degrees above the person's resting lift, and ends below `exitAboveRestDeg`. */
	enterAboveRestDeg: number;
	exitAboveRestDeg: number;
	/** Resting lift assumed before any is seen, and the most a resting lift may be. */
	restDefaultDeg: number;
	restMaxDeg: number;
	/** The top: within this many degrees of the rep's peak, moving slower than `topSpeedDegS`. */
	topBandDeg: number;
	topSpeedDegS: number;
	/** Dropouts up to this long keep the phase and count as held (users: grace on holds). */
	graceMs: number;
	/** The lying check failing this long (seen, no cut since) takes the person out of position. */
	lyingLapseMs: number;
	/** Out of position this long ends an open rep (got up). */
	outMs: number;
	/** Out of sight this long ends an open rep where it was last seen (a cut or a close-up is a pause). */
	pauseMaxMs: number;
	/** After a cut, this long is not measured (a crossfade, the engine settling on the new shot). */
	settleMs: number;
	/** A rep lasts at least this long above the enter threshold. */
	minAboveMs: number;
	/** A form component must stay low this long to flag its fault. */
	faultMinMs: number;
	/** Peaks within this many degrees of the previous rep's count as the same height. */
	progressionTolDeg: number;
	/** A rep with a hold of at least this many seconds and no fault is praised. */
	praiseHoldS: number;
	smoothMs: number;
	speedMs: number;
}

export const COBRA_DEFAULTS: CobraOptions = {
	enterAboveRestDeg: 14,
	exitAboveRestDeg: 7,
	restDefaultDeg: 6,
	restMaxDeg: 16,
	topBandDeg: 7,
	topSpeedDegS: 15,
	graceMs: 800,
	lyingLapseMs: 1000,
	outMs: 1500,
	pauseMaxMs: 30000,
	settleMs: 500,
	minAboveMs: 800,
	faultMinMs: 500,
	progressionTolDeg: 3,
	praiseHoldS: 1,
	smoothMs: 120,
	speedMs: 150
};

export function createCobraTracker(options: Partial<CobraOptions> = {}): ExerciseTracker {
	const o: CobraOptions = { ...COBRA_DEFAULTS, ...options };
	const machine = createRepMachine({
		enterDeg: o.restDefaultDeg + o.enterAboveRestDeg,
		exitDeg: o.restDefaultDeg + o.exitAboveRestDeg,
		topBandDeg: o.topBandDeg,
		topSpeedDegS: o.topSpeedDegS,
		graceMs: o.graceMs,
		minAboveMs: o.minAboveMs,
		returnShare: 0.5,
		exitConfirmMs: 300,
		unseenLowerConfirmMs: 1000,
		outMs: o.outMs,
		pauseMaxMs: o.pauseMaxMs
	});
	const ema = createEma(o.smoothMs);
	const rate = createRate(o.speedMs);
	const view = createProneView();
	const restLift = createRunningMedian(120);
	const restShoulderEar = createRunningMedian(120);
	const form = createFormAccumulator(COBRA_COMPONENTS, o.faultMinMs);
	const lyingFilter = createLapseFilter(o.lyingLapseMs);
	const continuity = createSignalContinuity();
	let reps: RepEvent[] = [];
	const viewChange = createViewChangeDetector({ anchors: ANCHORS.cobra });
	/** Whether the person has been seen lying since the last cut. */
	let lyingSinceCut = false;
	/** After a cut: frames before this time are not used, and the next measured frame starts a segment. */
	let settleUntil = -Infinity;
	let cutPending = false;
	let lastSeen: number | null = null;
	let lastPhase: Phase = 'absent';
	let warned = false;
	let lastLift: number | null = null;

	const repEvent = (rec: RepRecord): RepEvent => {
		const prev = reps[reps.length - 1] ?? null;
		const cmp = compareReps(rec.peakDeg, prev?.peakDeg ?? null, o.progressionTolDeg);
		const e: RepEvent = {
			event: 'rep',
			exercise: 'cobra',
			n: reps.length + 1,
			t: rec.endT,
			startT: rec.startT,
			peakDeg: round1(rec.peakDeg),
			holdS: round1(rec.holdMs / 1000),
			score: form.score(),
			faults: form.faults(),
			components: form.summary(),
			progression: cmp.progression,
			deltaDeg: cmp.deltaDeg === null ? null : round1(cmp.deltaDeg)
		};
		reps.push(e);
		form.reset();
		return e;
	};

	const repCues = (e: RepEvent): CueCandidate[] => {
		const out: CueCandidate[] = [];
		if (e.progression) out.push(progressionCue('cobra', e.progression));
		if (!e.faults.length && e.holdS >= o.praiseHoldS) out.push(praiseCue('good_rep', 'cobra'));
		return out;
	};

	const tracker: ExerciseTracker = {
		exercise: 'cobra',
		update(input: CoachInput): TrackerState {
			const t = input.t;
			const body: Body | null = input.person ? prepareBody(input.person, input.aspect) : null;
			const seen = body !== null && proneCoverage(body);
			// A cut (another camera, another skeleton taken for the person): what was learnt of the view goes,
			// and the first frames after it (a crossfade, the engine settling on the new shot) are not used.
			if (seen && viewChange.update(t, body!)) {
				view.reset();
				ema.reset();
				rate.reset();
				lyingSinceCut = false;
				settleUntil = t + o.settleMs;
				cutPending = true;
			}
			const settled = seen && t >= settleUntil;
			const cut = settled && cutPending;
			const lyingNow = settled && isLyingFaceDown(body!, view.current(body!));
			if (lyingNow) lyingSinceCut = true;
			// Brief lapses of the lying check do not take the person out of position.
			const lying = settled && lyingFilter.update(t, lyingNow);
			const events: CoachEvent[] = [];
			const cues: CueCandidate[] = [];
			let components: FormComponent[] = [];
			let angle: number | null = null;
			let measures: ReturnType<typeof cobraMeasures> | null = null;
			if (seen) lastSeen = t;
			if (lying) {
				if (lyingNow) view.update(body!);
				measures = cobraMeasures(body!, view.current(body!));
			}
			// Jumps of the lift are misdetections (dropped) or another view (a new segment).
			const c = continuity.update(t, measures?.liftDeg ?? null, cut && measures?.liftDeg != null);
			if (c.newSegment) cutPending = false;
			if (c.newSegment && !cut) {
				ema.reset();
				rate.reset();
			}
			if (c.angle !== null) {
				angle = ema.update(t, c.angle);
				lastLift = angle;
			}
			const speed = angle === null ? 0 : rate.update(t, angle);
			if (angle !== null && machine.phase === 'rest') {
				restLift.push(angle);
				if (measures?.shoulderEar != null) restShoulderEar.push(measures.shoulderEar);
				// Lying flat the chest is on the floor (0); a reading below it is an offset, not room to lift from.
				const rest = Math.max(0, Math.min(o.restMaxDeg, restLift.value() ?? o.restDefaultDeg));
				machine.setThresholds(rest + o.enterAboveRestDeg, rest + o.exitAboveRestDeg, rest);
			}
			// Out of position only when seen so, in one take: after a cut a skeleton that is not lying may be
			// someone else, or a close-up the engine filled in, and the rep waits.
			const reading: RepReading =
				angle !== null
					? { kind: 'angle', angle, speed, newSegment: c.newSegment }
					: seen && !lying && lyingSinceCut
						? { kind: 'out' }
						: { kind: 'unseen' };
			const step = machine.update(t, reading);
			if (step.started) form.reset();
			if (lying && measures && angle !== null && (step.phase === 'rising' || step.phase === 'top')) {
				components = cobraComponents(measures, restShoulderEar.count() >= 5 ? restShoulderEar.value() : null);
				form.add(t, components);
				for (const f of form.activeFaults(t)) cues.push(faultCue('cobra', f));
			}
			if (step.ended) {
				const e = repEvent(step.ended);
				events.push(e);
				cues.push(...repCues(e));
			}
			if (lying && !warned) {
				warned = true;
				cues.unshift({ id: 'pain_stop', kind: 'safety', text: PAIN_STOP });
			}
			let phase: Phase;
			const gone = !seen && (lastSeen === null || t - lastSeen > o.graceMs);
			if (gone) phase = 'absent';
			else if (step.phase !== 'rest') phase = step.phase;
			else if (lying) phase = 'rest';
			else if (seen) phase = 'setup';
			else phase = lastPhase;
			lastPhase = phase;
			return {
				t,
				exercise: 'cobra',
				phase,
				angleDeg: angle === null ? (lying ? lastLift : null) : round1(angle),
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
			ema.reset();
			rate.reset();
			view.reset();
			restLift.reset();
			restShoulderEar.reset();
			form.reset();
			lyingFilter.reset();
			continuity.reset();
			viewChange.reset();
			settleUntil = -Infinity;
			cutPending = false;
			lyingSinceCut = false;
			reps = [];
			lastSeen = null;
			lastPhase = 'absent';
			warned = false;
			lastLift = null;
		}
	};
	return tracker;
}

function round1(v: number): number {
	return Math.round(v * 10) / 10;
}
