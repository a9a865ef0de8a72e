/**
 * Workout context: is sustained whole-body exercise going on, how hard, and how long ago did the
 * last bout end ("after exercise": the flexed rest matters most in the minutes after a hard bout;
 * cool-down advice after intense bouts).
 *
 * Motion energy (see motion.ts) is measured against the followed person's pose at least
 * `baselineMs` earlier (so landmark jitter at high frame rates does not read as motion), smoothed
 * with a time constant, and a bout is a run of energy above `activeEnergy` lasting `boutStartMs`
 * (short dips up to `gapToleranceMs` allowed). A bout ends once energy has stayed low for
 * `boutEndMs`; its end is dated back to when the movement stopped. Within `sessionGapMs` of a bout,
 * the next set counts as a bout after only `resumeMs` (sets with rests in between).
 *
 * Pure and driven by frame timestamps. Very low frame rates (under ~2 fps, desk-watch mode) alias
 * fast oscillations and under-read energy; that mode does not need workout detection.
 */
import type { PersonPose } from '../pose/types';
import { bodyScale } from '../tracking/body';
import { DEFAULT_MOTION_ENERGY, motionEnergy, motionSample, type MotionEnergyOptions, type MotionSample } from './motion';

export interface WorkoutOptions extends MotionEnergyOptions {
	/** Motion is measured against a pose at least this much older. */
	baselineMs: number;
	/** Poses older than this are not used as a baseline (a gap). */
	maxBaselineMs: number;
	/** Time constant of the energy EMA. */
	energyTauMs: number;
	/** Body scales per second above which the person counts as moving vigorously. */
	activeEnergy: number;
	/** Energy mapped to intensity 1. */
	hardEnergy: number;
	/** Vigorous movement sustained this long starts a bout. */
	boutStartMs: number;
	/** Within `sessionGapMs` after a bout, the next one starts after this long. */
	resumeMs: number;
	sessionGapMs: number;
	/** Dips below `activeEnergy` up to this long do not break a starting bout. */
	gapToleranceMs: number;
	/** Low energy (or nobody in frame) this long ends a bout. */
	boutEndMs: number;
}

export const DEFAULT_WORKOUT_OPTIONS: WorkoutOptions = {
	...DEFAULT_MOTION_ENERGY,
	baselineMs: 200,
	maxBaselineMs: 1500,
	energyTauMs: 1500,
	activeEnergy: 0.25,
	hardEnergy: 1.2,
	boutStartMs: 20000,
	resumeMs: 5000,
	sessionGapMs: 180000,
	gapToleranceMs: 5000,
	boutEndMs: 10000
};

export interface ExerciseState {
	/** A bout of sustained whole-body exercise is going on (includes pauses shorter than `boutEndMs`). */
	active: boolean;
	/** Moving vigorously right now (smoothed energy above `activeEnergy`). */
	moving: boolean;
	/** 0..1, current smoothed motion energy over `hardEnergy`. */
	intensity: number;
	/** Smoothed motion energy, body scales per second. */
	energy: number;
	/** Time since the last bout ended; null while a bout is active or before any bout. */
	msSinceBoutEnded: number | null;
	/** Time since the person last moved vigorously; null if never. */
	msSinceMoving: number | null;
	/** Mean intensity (0..1) of the current bout, or of the last one when none is active; null before any. */
	boutIntensity: number | null;
	/** Peak intensity of the current / last bout. */
	boutPeakIntensity: number | null;
	/** Duration of the current bout so far, or of the last one. */
	boutDurationMs: number | null;
}

export interface WorkoutDetector {
	/** `person` is the followed person (null when nobody is in frame); `aspect` = frame width / height. */
	update(t: number, person: PersonPose | null, aspect: number): ExerciseState;
	reset(): void;
}

interface Bout {
	start: number;
	end: number | null;
	intensitySum: number;
	weightMs: number;
	peak: number;
}

export function createWorkoutDetector(opts: Partial<WorkoutOptions> = {}): WorkoutDetector {
	const o: WorkoutOptions = { ...DEFAULT_WORKOUT_OPTIONS, ...opts };
	let history: MotionSample[] = [];
	let scale: number | null = null;
	let energy = 0;
	let lastEnergyT: number | null = null;
	let runStart: number | null = null;
	let lastMovingT: number | null = null;
	let current: Bout | null = null;
	let last: Bout | null = null;

	const intensityOf = (e: number) => Math.min(1, Math.max(0, e / o.hardEnergy));

	function decayTo(t: number, target: number): void {
		if (lastEnergyT === null) {
			energy = target;
		} else {
			const dt = t - lastEnergyT;
			if (dt > 0) energy += (1 - Math.exp(-dt / o.energyTauMs)) * (target - energy);
		}
		lastEnergyT = t;
	}

	function measure(t: number, person: PersonPose | null, aspect: number): void {
		if (!person) {
			history = [];
			// nobody in frame: no motion measured; energy fades
			decayTo(t, 0);
			return;
		}
		const s = bodyScale(person, aspect);
		const sample = motionSample(t, person, aspect);
		if (!s || !sample) return;
		scale = scale === null ? s : scale + 0.1 * (s - scale);
		history = history.filter((h) => t - h.t <= o.maxBaselineMs && h.t < t);
		let ref: MotionSample | null = null;
		for (let i = history.length - 1; i >= 0; i--) {
			if (t - history[i].t >= o.baselineMs) {
				ref = history[i];
				break;
			}
		}
		history.push(sample);
		if (!ref) return;
		const e = motionEnergy(ref, sample, scale, o);
		if (e !== null) decayTo(t, e);
	}

	function state(t: number): ExerciseState {
		const b = current ?? last;
		return {
			active: current !== null,
			moving: energy >= o.activeEnergy,
			intensity: intensityOf(energy),
			energy,
			msSinceBoutEnded: current === null && last?.end != null ? t - last.end : null,
			msSinceMoving: lastMovingT === null ? null : t - lastMovingT,
			boutIntensity: b ? (b.weightMs > 0 ? b.intensitySum / b.weightMs : intensityOf(energy)) : null,
			boutPeakIntensity: b ? b.peak : null,
			boutDurationMs: b ? (b.end ?? t) - b.start : null
		};
	}

	let prevT: number | null = null;

	return {
		update(t: number, person: PersonPose | null, aspect: number): ExerciseState {
			const dt = prevT === null ? 0 : Math.max(0, t - prevT);
			prevT = t;
			measure(t, person, aspect);
			const moving = energy >= o.activeEnergy;
			if (moving) {
				lastMovingT = t;
				if (runStart === null) runStart = t;
			} else if (runStart !== null && (lastMovingT === null || t - lastMovingT > o.gapToleranceMs)) {
				runStart = null;
			}

			if (current) {
				if (moving) {
					current.intensitySum += intensityOf(energy) * dt;
					current.weightMs += dt;
					current.peak = Math.max(current.peak, intensityOf(energy));
				}
				if (lastMovingT !== null && t - lastMovingT >= o.boutEndMs) {
					current.end = lastMovingT;
					last = current;
					current = null;
					runStart = null;
				}
			} else if (runStart !== null && moving) {
				const recent = last?.end != null && runStart - last.end <= o.sessionGapMs;
				if (t - runStart >= (recent ? o.resumeMs : o.boutStartMs)) {
					const i = intensityOf(energy);
					current = { start: runStart, end: null, intensitySum: i * (t - runStart), weightMs: t - runStart, peak: i };
				}
			}
			return state(t);
		},
		reset() {
			history = [];
			scale = null;
			energy = 0;
			lastEnergyT = null;
			runStart = null;
			lastMovingT = null;
			current = null;
			last = null;
			prevT = null;
		}
	};
}
