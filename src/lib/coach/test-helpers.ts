/** Helpers for the coach's tests: run a tracker over frames and collect what it said and did. */
import type { PoseFrame } from '../pose/types';
import { coachInput, type CoachEvent, type CoachInput, type CueCandidate, type ExerciseTracker, type Phase, type TrackerState } from './types';
import { createPersonFollower } from './follow-person';
import { ANCHORS } from './anchors';
import { inPositionFor } from './trackers';

export interface Run {
	events: CoachEvent[];
	cues: Array<CueCandidate & { t: number }>;
	states: TrackerState[];
	/** The phases in order, repeats collapsed. */
	phases: Phase[];
}

export function runTracker(tracker: ExerciseTracker, frames: readonly PoseFrame[], input: (f: PoseFrame) => CoachInput = (f) => coachInput(f)): Run {
	const events: CoachEvent[] = [];
	const cues: Run['cues'] = [];
	const states: TrackerState[] = [];
	const phases: Phase[] = [];
	for (const f of frames) {
		const s = tracker.update(input(f));
		states.push(s);
		events.push(...s.events);
		for (const c of s.cues) cues.push({ ...c, t: s.t });
		if (phases[phases.length - 1] !== s.phase) phases.push(s.phase);
	}
	events.push(...tracker.finish());
	return { events, cues, states, phases };
}

/**
 * A tracker fed the way `analyze --exercise` and a coached set feed it: the person follower picks the
 * person doing the stretch in each frame (see follow-person.ts).
 */
export function runFollowed(tracker: ExerciseTracker, frames: readonly PoseFrame[]): Run {
	const follower = createPersonFollower({ inPosition: inPositionFor(tracker.exercise), anchors: ANCHORS[tracker.exercise] });
	return runTracker(tracker, frames, (f) => follower.input(f));
}
