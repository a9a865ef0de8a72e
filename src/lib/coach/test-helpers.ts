/** Helpers for the coach's tests: run a tracker over frames and collect what it said and did. */
import type { PoseFrame } from '../pose/types';
import { coachInput, type CoachEvent, type CueCandidate, type ExerciseTracker, type Phase, type TrackerState } from './types';

export interface Run {
	events: CoachEvent[];
	cues: Array<CueCandidate & { t: number }>;
	states: TrackerState[];
	/** The phases in order, repeats collapsed. */
	phases: Phase[];
}

export function runTracker(tracker: ExerciseTracker, frames: readonly PoseFrame[]): Run {
	const events: CoachEvent[] = [];
	const cues: Run['cues'] = [];
	const states: TrackerState[] = [];
	const phases: Phase[] = [];
	for (const f of frames) {
		const s = tracker.update(coachInput(f));
		states.push(s);
		events.push(...s.events);
		for (const c of s.cues) cues.push({ ...c, t: s.t });
		if (phases[phases.length - 1] !== s.phase) phases.push(s.phase);
	}
	events.push(...tracker.finish());
	return { events, cues, states, phases };
}
