/** The tracker for an exercise by name (the CLI's `--exercise NAME`). */
import { createBackExtensionTracker, type BackExtensionOptions } from './back-extension';
import { createCobraTracker, type CobraOptions } from './cobra';
import { createHangTracker, type HangOptions } from './hang';
import { createSphinxTracker, type SphinxOptions } from './sphinx';
import type { ExerciseName, ExerciseTracker } from './types';

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
