/**
 * The posture pipeline: one call per frame, composing
 *   tracking (follow the calibrated / first-seen person among frame.people)
 *   -> classifyPosture (still verdict of that person)
 *   -> applyCalibration (optional: adapt upright/slouched to the person)
 *   -> temporal layer (smoothing, hysteresis, dwell, away and dropout grace)
 *   -> workout context (sustained exercise, intensity, time since the bout ended).
 *
 * With `stills: true` every frame stands alone: no temporal layer, no workout context, and the
 * person is picked afresh each frame (the calibrated one if present, else the nearest).
 *
 * Pure and deterministic: everything is driven by `frame.t`.
 */
import type { PersonPose, PoseFrame } from '../pose/types';
import type { PostureLabel, PostureVerdict } from './types';
import { classifyPosture } from './classify';
import { frameAspect } from '../tracking/body';
import { createPersonTracker, type TrackStatus, type TrackerOptions } from '../tracking/tracker';
import { createTemporalFilter, type TemporalOptionsInput } from '../temporal/filter';
import { createWorkoutDetector, type ExerciseState, type WorkoutOptions } from '../workout/detector';
import {
	applyCalibration,
	calibratedScore,
	createSetupMonitor,
	type Calibration,
	type SetupCheck
} from '../calibration/calibrate';
import { createAutoCalibrator, type AutoCalibrationOptions, type AutoCalibrationStatus } from '../calibration/auto';

export type ClassifyFn = (person: PersonPose, ctx: { aspect: number }) => PostureVerdict;

export interface PosturePipelineOptions {
	/** Personal calibration (see calibration/calibrate.ts); null or absent = uncalibrated. */
	calibration?: Calibration | null;
	/** Per-label minimum dwell before a state counts (ms), merged over the defaults. */
	dwellMs?: Partial<Record<PostureLabel, number>>;
	/** Treat every frame as independent (no temporal layer, no workout context). */
	stills?: boolean;
	/** Key of the live camera setup; a different key than the calibration's raises `setupChanged`. */
	setupKey?: string;
	/** Finer control of the stages (defaults are the product's). */
	temporal?: TemporalOptionsInput;
	tracker?: Partial<TrackerOptions>;
	workout?: Partial<WorkoutOptions>;
	/** The still classifier; defaults to classifyPosture. */
	classify?: ClassifyFn;
	/**
	 * Learn the person's upright by itself from the first minutes (calibration/auto.ts) when no explicit
	 * calibration is given; an explicit one always wins. Not with `stills`.
	 */
	autoCalibrate?: boolean | Partial<AutoCalibrationOptions>;
}

export interface PostureState {
	/** The frame's timestamp. */
	t: number;
	/** Current posture state: smoothed, with hysteresis and dwell (the still verdict with `stills`). */
	label: PostureLabel | 'away';
	/** 0..1 confidence in `label`. */
	confidence: number;
	/** How long `label` has been the state (0 with `stills`). */
	sinceMs: number;
	/** This frame's still verdict for the followed person (after calibration), null when nobody is followed in frame. */
	raw: PostureVerdict | null;
	/** A label qualifying to take over and for how long (e.g. "slouched for 2 s of the 4 s dwell"). */
	pending: { label: PostureLabel; forMs: number } | null;
	/** How long the followed person has been out of frame (0 when in frame). */
	absentMs: number;
	/** Workout context (inactive with `stills`). */
	exercise: ExerciseState;
	/** Index into frame.people of the followed person, or null. */
	personIndex: number | null;
	tracking: TrackStatus;
	/** Calibration status; null when uncalibrated. */
	calibration: {
		/** The calibration spoke for this frame (compatible framing, upright/slouched-type verdict). */
		applied: boolean;
		/** Calibrated slouch probability for this frame, when measurable. */
		slouch: number | null;
		/** The camera setup seems to have changed since calibration: suggest recalibrating. */
		setupChanged: boolean;
		setupReason: SetupCheck['reason'];
	} | null;
	/** Learning the person's upright by itself; null when not learning (explicit calibration, stills, off). */
	learning: { status: AutoCalibrationStatus; progress: number; calibrated: boolean } | null;
}

export interface PosturePipeline {
	update(frame: PoseFrame): PostureState;
	reset(): void;
	/** The calibration learnt by watching so far (autoCalibrate), or null. */
	learntCalibration(): Calibration | null;
}

const IDLE_EXERCISE: ExerciseState = {
	active: false,
	moving: false,
	intensity: 0,
	energy: 0,
	msSinceBoutEnded: null,
	msSinceMoving: null,
	boutIntensity: null,
	boutPeakIntensity: null,
	boutDurationMs: null
};

export function createPosturePipeline(opts: PosturePipelineOptions = {}): PosturePipeline {
	const explicit = opts.calibration ?? null;
	let cal = explicit;
	const classify = opts.classify ?? classifyPosture;
	const stills = opts.stills ?? false;
	const tracker = createPersonTracker({ seed: cal?.seed ?? null, ...(opts.tracker ?? {}) });
	const temporal = createTemporalFilter({ ...(opts.temporal ?? {}), dwellMs: { ...(opts.temporal?.dwellMs ?? {}), ...(opts.dwellMs ?? {}) } });
	const workout = createWorkoutDetector(opts.workout);
	let setup = cal ? createSetupMonitor(cal, { setupKey: opts.setupKey }) : null;
	const auto =
		!explicit && !stills && opts.autoCalibrate
			? createAutoCalibrator({ ...(opts.setupKey ? { setupKey: opts.setupKey } : {}), ...(opts.autoCalibrate === true ? {} : opts.autoCalibrate) })
			: null;

	return {
		update(frame: PoseFrame): PostureState {
			const t = frame.t;
			const aspect = frameAspect(frame);
			if (stills) tracker.reset();
			const track = tracker.update(frame);
			const person = track.person;

			let raw: PostureVerdict | null = null;
			let applied = false;
			let calState: PostureState['calibration'] = null;
			let learning: PostureState['learning'] = null;
			let still: PostureVerdict | null = null;
			if (person) still = classify(person, { aspect });
			if (auto) {
				const a = auto.update(frame, person, still, aspect);
				if (a.calibration && a.calibration !== cal) {
					cal = a.calibration;
					setup = createSetupMonitor(cal, { setupKey: opts.setupKey });
				}
				learning = { status: a.status, progress: a.progress, calibrated: a.calibration !== null };
			}
			if (person && still) {
				raw = cal ? applyCalibration(cal, person, still, { aspect }) : still;
				// applyCalibration returns the verdict itself when it passes it through
				applied = raw !== still;
			}
			if (cal && setup) {
				const check = setup.update(t, person, aspect);
				const score = person ? calibratedScore(cal, person, aspect) : null;
				calState = {
					applied,
					slouch: score ? score.slouch : null,
					setupChanged: check.changed,
					setupReason: check.reason
				};
			}

			if (stills) {
				return {
					t,
					label: raw ? raw.label : 'away',
					confidence: raw ? raw.confidence : 1,
					sinceMs: 0,
					raw,
					pending: null,
					absentMs: 0,
					exercise: IDLE_EXERCISE,
					personIndex: track.index,
					tracking: track.status,
					calibration: calState,
					learning
				};
			}

			const exercise = workout.update(t, person, aspect);
			const s = temporal.update(t, raw);
			return {
				t,
				label: s.label,
				confidence: s.confidence,
				sinceMs: s.sinceMs,
				raw,
				pending: s.pending,
				absentMs: s.absentMs,
				exercise,
				personIndex: track.index,
				tracking: track.status,
				calibration: calState,
				learning
			};
		},
		learntCalibration() {
			return auto ? auto.state().calibration : null;
		},
		reset() {
			tracker.reset();
			temporal.reset();
			workout.reset();
			setup?.reset();
			if (auto) {
				auto.reset();
				cal = explicit;
				setup = null;
			}
		}
	};
}
