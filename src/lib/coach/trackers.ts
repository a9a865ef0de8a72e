/** The tracker for an exercise by name (the CLI's `--exercise NAME`). */
import { createBackExtensionTracker, type BackExtensionOptions } from './back-extension';
import { createCobraTracker, type CobraOptions } from './cobra';
import { createHangTracker, type HangOptions } from './hang';
import { createSphinxTracker, type SphinxOptions } from './sphinx';
import type { ExerciseName, ExerciseTracker } from './types';
import type { Body } from '../features/types';
import { isLyingFaceDown } from './lying';
import { hangScore } from './hang';
import { isStanding } from './back-extension';

export interface TrackerOptions {
	cobra?: Partial<CobraOptions>;
	back_extension?: Partial<BackExtensionOptions>;
	hang?: Partial<HangOptions>;
	sphinx?: Partial<SphinxOptions>;
}

export function createTracker(exercise: ExerciseName, options: TrackerOptions = {}): ExerciseTracker {
	switch (exercise) {
		case 'cobra':
			return createCobraTracker(options.cobra);
		case 'back_extension':
			return createBackExtensionTracker(options.back_extension);
		case 'hang':
			return createHangTracker(options.hang);
		case 'sphinx':
			return createSphinxTracker(options.sphinx);
	}
}

/**
 * Whether a body is in the exercise's start position, roughly (one frame, no view learnt): lying face
 * down for cobra and sphinx, hanging from a bar, standing for the back extension. The person follower
 * takes such a person first (see follow-person.ts).
 */
export function inPositionFor(exercise: ExerciseName): (body: Body) => boolean {
	switch (exercise) {
		case 'cobra':
		case 'sphinx':
			return (b) => isLyingFaceDown(b);
		case 'hang':
			return (b) => (hangScore(b) ?? 0) >= 0.5;
		case 'back_extension':
			return isStanding;
	}
}

