/**
 * A coached set, frame by frame: camera placement ("get in frame" until the exercise's view is
 * right), a get-ready countdown, then the exercise's tracker, with the cue scheduler choosing what is
 * said; `finish` gives the end-of-set summary. Pure and timestamp driven: the UI draws the state and
 * speaks `cue.text` when voice is on.
 */
import type { PoseFrame } from '../pose/types';
import { checkPlacement } from './placement';
import { createCountdown } from './countdown';
import { createCueScheduler, type CueSchedulerOptions } from './cues';
import { summarizeSet } from './summary';
import { createTracker, type TrackerOptions } from './trackers';
import { coachInput, type CoachEvent, type CueCandidate, type ExerciseName, type SessionStage, type SessionState, type SetSummary } from './types';

export interface CoachSessionOptions {
	exercise: ExerciseName;
	/** Get-ready seconds once the camera is right (0 = none). */
	countdownS?: number;
	/** The placement must stay right this long before the countdown starts (ms). */
	placementOkMs?: number;
	/** During the countdown, a wrong placement this long sends the person back to "get in frame" (ms). */
	placementLostMs?: number;
	cues?: Partial<CueSchedulerOptions>;
	trackers?: TrackerOptions;
}

export interface CoachSession {
	/** One frame; `personIndex` is the followed person in `frame.people` (default the first). */
	update(frame: PoseFrame, personIndex?: number | null): SessionState;
	/** Ends the set; returns the summary of everything done. */
	finish(t?: number): SetSummary;
	/** Every event so far. */
	readonly events: readonly CoachEvent[];
	reset(): void;
}

export function createCoachSession(opts: CoachSessionOptions): CoachSession {
	const countdownS = opts.countdownS ?? 3;
	const okMs = opts.placementOkMs ?? 1000;
	const lostMs = opts.placementLostMs ?? 1000;
	const tracker = createTracker(opts.exercise, opts.trackers);
	const countdown = createCountdown(countdownS);
	const scheduler = createCueScheduler(opts.cues);
	let stage: SessionStage = 'get_in_frame';
	/** The countdown has run: the set is on (a person leaving the frame does not restart it). */
	let started = false;
	let okSince: number | null = null;
	let badSince: number | null = null;
	let events: CoachEvent[] = [];

	return {
		update(frame, personIndex = 0) {
			const input = coachInput(frame, personIndex);
			const t = input.t;
			const placement = checkPlacement(opts.exercise, input.person, input.aspect);
			const placementCue = (): CueCandidate[] =>
				placement.message ? [{ id: `placement.${placement.reasons[0]}`, kind: 'info', text: placement.message }] : [];
			if (placement.ok) {
				okSince ??= t;
				badSince = null;
			} else {
				badSince ??= t;
				okSince = null;
			}
			if (stage === 'finished') return { t, stage, placement, countdown: null, tracker: null, cue: null };
			const candidates: CueCandidate[] = [];
			let countdownState: SessionState['countdown'] = null;
			let trackerState: SessionState['tracker'] = null;
			if (!started && stage === 'get_in_frame') {
				if (okSince !== null && t - okSince >= okMs) {
					if (countdownS > 0) {
						stage = 'get_ready';
						countdown.start(t);
					} else started = true;
				} else candidates.push(...placementCue());
			}
			if (!started && stage === 'get_ready') {
				if (badSince !== null && t - badSince >= lostMs) {
					stage = 'get_in_frame';
					countdown.reset();
					candidates.push(...placementCue());
				} else {
					countdownState = countdown.update(t);
					if (countdownState.done) started = true;
				}
			}
			if (started) {
				trackerState = tracker.update(input);
				events.push(...trackerState.events);
				candidates.push(...trackerState.cues);
				// While the person is gone, show "get in frame" without ending the set.
				stage = trackerState.phase === 'absent' ? 'get_in_frame' : 'active';
				if (stage === 'get_in_frame') candidates.push(...placementCue());
			}
			const cue = scheduler.offer(t, candidates);
			return { t, stage, placement, countdown: countdownState, tracker: trackerState, cue };
		},
		finish(t) {
			if (stage !== 'finished') events.push(...tracker.finish(t));
			stage = 'finished';
			return summarizeSet(opts.exercise, events, opts.trackers?.sphinx?.goalS);
		},
		get events() {
			return events;
		},
		reset() {
			tracker.reset();
			countdown.reset();
			scheduler.reset();
			stage = 'get_in_frame';
			started = false;
			okSince = badSince = null;
			events = [];
		}
	};
}
