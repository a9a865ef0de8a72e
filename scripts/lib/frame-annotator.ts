/**
 * What the CLI adds to each frame line beyond the landmarks: the posture state (`posture`, `confidence`)
 * from the same pipeline the app runs, and the summary totals. On a sequence without `--calibrate` the
 * person's upright is learnt from the first minutes (`learning` on the frame lines where it changes:
 * `learning`, `calibrated`, `done`). With an exercise (`--exercise`), the coach's tracker follows the
 * person doing the stretch (the coach's own follower, which keeps to the one person on the mat or the bar
 * when the engine reports their neighbour alone): each frame line gets `coach: {phase, angleDeg}`, and
 * reps, holds, rotations and milestones come out as event lines
 * (`{"event": "rep", "n", "peakDeg", "holdS", "score", "faults", ...}`).
 */
import { calibrate } from '../../src/lib/calibration/calibrate';
import { createPosturePipeline, type PosturePipeline } from '../../src/lib/posture/pipeline';
import type { PoseFrame } from '../../src/lib/pose/types';
import { createTracker, inPositionFor } from '../../src/lib/coach/trackers';
import { summarizeSet } from '../../src/lib/coach/summary';
import { createPersonFollower } from '../../src/lib/coach/follow-person';
import { ANCHORS } from '../../src/lib/coach/anchors';
import type { CoachEvent, ExerciseName, ExerciseTracker } from '../../src/lib/coach/types';

export interface FrameAnnotator {
	/** A new, unrelated sequence starts (another file): forget tracking and smoothing. */
	startSequence(): void;
	/** The sequence ended (end of a file): the events it leaves open (a rep or a hold still going on). */
	endSequence(): Record<string, unknown>[];
	frame(frame: PoseFrame, still: boolean): { annotation: Record<string, unknown>; events: Record<string, unknown>[] };
	summary(): Record<string, unknown>;
}

export interface AnnotatorOptions {
	stills: boolean;
	calibrationFrames: PoseFrame[] | null;
	/** Coach this exercise on sequences (not on stills). */
	exercise?: ExerciseName | null;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** One event as a CLI line: the contract's fields first, then the detail. */
export function eventLine(e: CoachEvent): Record<string, unknown> {
	switch (e.event) {
		case 'rep':
			return {
				event: 'rep',
				n: e.n,
				peakDeg: e.peakDeg,
				holdS: e.holdS,
				score: e.score,
				faults: e.faults,
				exercise: e.exercise,
				t: e.t,
				startT: e.startT,
				progression: e.progression,
				deltaDeg: e.deltaDeg,
				components: Object.fromEntries(e.components.map((c) => [c.id, c.score]))
			};
		case 'hold':
			return {
				event: 'hold',
				n: e.n,
				seconds: e.seconds,
				totalS: e.totalS,
				exercise: e.exercise,
				t: e.t,
				startT: e.startT,
				...(e.rotations ? { rotations: e.rotations } : {}),
				...(e.goalS !== undefined ? { goalS: e.goalS } : {})
			};
		default:
			return { ...e };
	}
}

export function createFrameAnnotator(opts: AnnotatorOptions): FrameAnnotator {
	const calibration = opts.calibrationFrames ? calibrate(opts.calibrationFrames) : null;
	// On a sequence without --calibrate the person's upright is learnt from the first minutes, as the desk
	// page does (an explicit calibration wins; stills have no sequence to learn from).
	const sequence: PosturePipeline = createPosturePipeline({ calibration, stills: opts.stills, autoCalibrate: !calibration && !opts.stills });
	let learning: { status: string; progress: number; calibrated: boolean } | null = null;
	const stills: PosturePipeline = createPosturePipeline({ calibration, stills: true });
	const exercise = opts.exercise ?? null;
	const tracker: ExerciseTracker | null = exercise ? createTracker(exercise) : null;
	const follower = createPersonFollower(exercise ? { inPosition: inPositionFor(exercise), anchors: ANCHORS[exercise] } : {});
	const coachEvents: CoachEvent[] = [];
	const postures: Record<string, number> = {};
	let lastT = -Infinity;

	const flush = (): Record<string, unknown>[] => {
		if (!tracker) return [];
		const events = tracker.finish(lastT);
		tracker.reset();
		follower.reset();
		coachEvents.push(...events);
		return events.map(eventLine);
	};

	return {
		startSequence() {
			sequence.reset();
			tracker?.reset();
			follower.reset();
			lastT = -Infinity;
		},
		endSequence: flush,
		frame(frame, still) {
			const events: Record<string, unknown>[] = [];
			// Frames of one sequence must move forward in time; a file whose clock restarts is a new sequence.
			if (!still && frame.t <= lastT) {
				sequence.reset();
				events.push(...flush());
			}
			if (!still) lastT = frame.t;
			const state = (still ? stills : sequence).update(frame);
			postures[state.label] = (postures[state.label] ?? 0) + 1;
			const annotation: Record<string, unknown> = { posture: state.label, confidence: round3(state.confidence) };
			if (!still && state.learning) {
				// say when the learnt upright starts to speak and when learning is done
				if (!learning || learning.calibrated !== state.learning.calibrated || learning.status !== state.learning.status)
					annotation.learning = state.learning.status === 'done' ? 'done' : state.learning.calibrated ? 'calibrated' : 'learning';
				learning = state.learning;
			}
			if (!still && state.exercise.active) annotation.exercising = true;
			if (tracker && !still) {
				const s = tracker.update(follower.input(frame));
				annotation.coach = s.angleDeg === null ? { phase: s.phase } : { phase: s.phase, angleDeg: s.angleDeg };
				coachEvents.push(...s.events);
				events.push(...s.events.map(eventLine));
			}
			return { annotation, events };
		},
		summary() {
			const out: Record<string, unknown> = {
				calibrated: calibration !== null,
				...(learning ? { learntUpright: learning.status === 'done' ? 'done' : learning.calibrated ? 'calibrated, still learning' : 'learning' } : {}),
				postures
			};
			if (exercise) {
				const s = summarizeSet(exercise, coachEvents);
				out.exercise = {
					name: exercise,
					reps: s.reps,
					bestPeakDeg: s.bestPeakDeg,
					holds: s.holdsS,
					totalHoldS: s.totalHoldS,
					scores: s.scores,
					faults: s.faults,
					improved: s.improved,
					...(s.rotations ? { rotations: s.rotations } : {})
				};
			}
			return out;
		}
	};
}
