/**
 * Types of the extension coach (issue 4): exercise trackers, their events, form components, cues,
 * camera placement, get-ready countdown and the end-of-set summary. Pure data, no DOM.
 *
 * Domain: ../shared/notes/domain.md ("What to prompt instead"); lessons from peers:
 * ../shared/notes/what-users-ask.md (form checkers).
 */
import type { PersonPose, PoseFrame } from '../pose/types';

/** The stretches the coach watches, by the names the CLI takes (`analyze --exercise NAME`). */
export const EXERCISES = ['cobra', 'back_extension', 'hang', 'sphinx'] as const;
export type ExerciseName = (typeof EXERCISES)[number];

export function isExerciseName(s: string): s is ExerciseName {
	return (EXERCISES as readonly string[]).includes(s);
}

/** One frame for a tracker: the followed person (null when nobody is seen) and the frame's aspect. */
export interface CoachInput {
	/** Milliseconds; trackers are driven by these timestamps, never by the wall clock. */
	t: number;
	person: PersonPose | null;
	/** Frame width / height (1 when unknown), to put image landmarks on one scale. */
	aspect: number;
}

/** The input for a PoseFrame's person `index` (default the first). */
export function coachInput(frame: PoseFrame, index: number | null = 0): CoachInput {
	const w = frame.width;
	const h = frame.height;
	return {
		t: frame.t,
		person: index === null ? null : (frame.people[index] ?? null),
		aspect: w && h && w > 0 && h > 0 ? w / h : 1
	};
}

/**
 * Where a tracker is:
 * - 'absent': nobody (or too little of the body) seen, past the dropout grace;
 * - 'setup': the person is seen but not in the exercise's starting position (standing before a
 *   cobra, getting down, walking to the bar);
 * - rep exercises (cobra, back_extension): 'rest' in the start position, 'rising' into the
 *   stretch, 'top' holding near the end of range, 'lowering' on the way back;
 * - hold exercises (hang, sphinx): 'holding' in the pose, 'paused' out of it (the timer waits).
 */
export type Phase = 'absent' | 'setup' | 'rest' | 'rising' | 'top' | 'lowering' | 'holding' | 'paused';

/** Form components: each a named, explainable part of the score. */
export type ComponentId =
	// cobra (domain: "hips stay glued to the floor, hands push the chest up")
	| 'hips_down'
	| 'arms_push'
	| 'shoulders_down'
	| 'neck_neutral'
	| 'legs_long'
	// standing back extension (domain: "hands on the lower back, fingers pointing down, legs
	// straight; bend back slowly ...; hold a few seconds at the end of the range")
	| 'legs_straight'
	| 'hands_on_back'
	| 'slow'
	| 'hold';

/** The named faults a component flags when its score stays low. */
export type FaultId =
	| 'hips_lifted'
	| 'arms_not_pushing'
	| 'shoulders_shrugged'
	| 'neck_cranked'
	| 'knees_bent'
	| 'hands_not_on_back'
	| 'too_fast'
	| 'no_hold';

export interface FormComponent {
	id: ComponentId;
	/** 0..1: 1 is textbook form. */
	score: number;
	/** The measured value behind the score (unit in `unit`), null when not measurable. */
	value: number | null;
	unit: 'deg' | 'deg/s' | 'body' | 'ratio' | 's';
	/** A short explanation of the value, for the "why" screen. */
	why: string;
}

/** A component's verdict over one rep. */
export interface ComponentSummary {
	id: ComponentId;
	/** Mean score over the rep's rising and top frames (or the rep-level measure). */
	score: number;
	/** Set when the component flagged its fault in this rep. */
	fault: FaultId | null;
	why: string;
}

export type Progression = 'higher' | 'same' | 'lower';

export interface RepEvent {
	event: 'rep';
	exercise: 'cobra' | 'back_extension';
	/** 1-based rep number in the set. */
	n: number;
	/** When the rep ended (ms). */
	t: number;
	startT: number;
	/** Peak angle: cobra, trunk above the floor; back extension, trunk behind vertical. Degrees. */
	peakDeg: number;
	/** Seconds held near the top. */
	holdS: number;
	/** 0..100 from the form components. */
	score: number;
	faults: FaultId[];
	components: ComponentSummary[];
	/** Against the previous rep (null for the first). */
	progression: Progression | null;
	/** peakDeg minus the previous rep's, degrees (null for the first). */
	deltaDeg: number | null;
}

export interface RotationCounts {
	left: number;
	right: number;
	/** Twists seen whose side cannot be told from the picture (image landmarks, frontal view). */
	unknown: number;
}

export interface HoldEvent {
	event: 'hold';
	exercise: 'hang' | 'sphinx';
	/** 1-based hold number in the set. */
	n: number;
	/** When the hold ended (ms). */
	t: number;
	startT: number;
	/** Seconds in the pose in this hold (dropouts within the grace counted). */
	seconds: number;
	/** Seconds over the whole set so far (sphinx: toward the goal). */
	totalS: number;
	/** Hang: slow rotations to each side seen during this hold. */
	rotations?: RotationCounts;
	/** Sphinx: the goal, seconds. */
	goalS?: number;
}

export interface RotationEvent {
	event: 'rotation';
	exercise: 'hang';
	t: number;
	side: 'left' | 'right' | 'unknown';
	/** Largest twist reached, degrees (hips against shoulders). */
	deg: number;
}

export interface MilestoneEvent {
	event: 'milestone';
	exercise: 'sphinx';
	t: number;
	/** Seconds in the pose reached (every minute; `goal` when the goal is reached). */
	seconds: number;
	goal: boolean;
}

export type CoachEvent = RepEvent | HoldEvent | RotationEvent | MilestoneEvent;

/** Cue kinds, in priority order (safety first): see cues.ts. */
export type CueKind = 'safety' | 'fault' | 'progression' | 'praise' | 'info';

/** Something the coach could say now; the scheduler decides whether it is said. */
export interface CueCandidate {
	/** Stable id (the same advice has the same id), e.g. 'hips_lifted', 'higher', 'sphinx_goal'. */
	id: string;
	kind: CueKind;
	text: string;
	/** False for text meant to be read, not spoken (default true). */
	speakable?: boolean;
}

/** A cue the scheduler let through. */
export interface Cue extends CueCandidate {
	t: number;
	/** True when the text is meant to be spoken (the UI speaks it with the Web Speech API when voice is on). */
	speakable: boolean;
}

export interface TrackerState {
	t: number;
	exercise: ExerciseName;
	phase: Phase;
	/** The exercise's angle this frame (smoothed), degrees; null when not measured. */
	angleDeg: number | null;
	/** Reps completed so far (rep exercises) or holds (hang, sphinx). */
	reps: number;
	/** Seconds held in the current hold / top (0 when not holding). */
	holdS: number;
	/** Hold exercises: seconds in the pose over the set. */
	totalHoldS: number;
	/** This frame's form components (empty when not in a rep). */
	components: FormComponent[];
	/** Events completed at this frame. */
	events: CoachEvent[];
	/** Advice the tracker has for this frame (the scheduler picks). */
	cues: CueCandidate[];
}

export interface ExerciseTracker {
	readonly exercise: ExerciseName;
	update(input: CoachInput): TrackerState;
	/** The set ends (end of a file, the person taps stop): closes an open rep or hold. */
	finish(t?: number): CoachEvent[];
	reset(): void;
}

/** Why the camera cannot coach this exercise yet. */
export type PlacementReason =
	| 'no_person'
	| 'head_out_of_frame'
	| 'hands_out_of_frame'
	| 'hips_out_of_frame'
	| 'feet_out_of_frame'
	| 'turn_side_on'
	| 'too_far';

export interface PlacementCheck {
	ok: boolean;
	/** Everything wrong, most important first. */
	reasons: PlacementReason[];
	/** One kind sentence for the first reason (null when ok). */
	message: string | null;
	/** How side-on the person is, 0 facing the camera .. 1 side-on; null when it cannot be told. */
	sideways: number | null;
}

export interface CountdownState {
	/** Whole seconds left to show (3, 2, 1), 0 when done. */
	remaining: number;
	/** True from the frame the countdown ends. */
	done: boolean;
	/** The number to announce at this frame (each once), else null. */
	announce: number | null;
}

export type SessionStage = 'get_in_frame' | 'get_ready' | 'active' | 'finished';

export interface SessionState {
	t: number;
	stage: SessionStage;
	placement: PlacementCheck;
	countdown: CountdownState | null;
	tracker: TrackerState | null;
	/** The cue to show / speak at this frame, if any. */
	cue: Cue | null;
}

export interface RepSummary {
	n: number;
	peakDeg: number;
	holdS: number;
	score: number;
	faults: FaultId[];
}

/** The end-of-set summary. */
export interface SetSummary {
	exercise: ExerciseName;
	reps: number;
	bestPeakDeg: number | null;
	/** Seconds held: per rep (cobra, back extension) or per hold (hang, sphinx). */
	holdsS: number[];
	totalHoldS: number;
	/** 0..100 per rep. */
	scores: number[];
	repDetails: RepSummary[];
	/** How often each fault was flagged. */
	faults: Partial<Record<FaultId, number>>;
	/** Short kind sentences on what got better since the first rep (empty when nothing did). */
	improved: string[];
	/** Hang: rotations seen over the set. */
	rotations?: RotationCounts;
	/** Sphinx: the goal and whether it was reached. */
	goalS?: number;
	goalReached?: boolean;
}
