/**
 * What the nudges say. Kind, short, and from the domain note (a fitness post citing Robin McKenzie via Pavel
 * Tsatsouline, and a massage therapist / medical exercise specialist on post-exercise back pain).
 */
import type { NudgeReason, StretchName } from './types';

export const STRETCH_TITLES: Record<StretchName, string> = {
	cobra: 'Cobra',
	back_extension: 'Standing back extension',
	hang: 'Hanging decompression',
	sphinx: 'Prone on elbows'
};

export const NUDGE_COPY: Record<NudgeReason, { message: (after: boolean) => string; why: string }> = {
	flexed_rest: {
		message: (after) =>
			after
				? 'Hands off the knees — try a standing back extension instead.'
				: 'Resting bent over? Stand tall and lean back gently instead.',
		why: 'Right after hard exercise the discs are loose; a deep flexed rest like hands-on-knees can distort the joint. Extension is kinder.'
	},
	forward_fold: {
		message: (after) => (after ? 'Skip the toe touch for now — a cobra suits a warm back better.' : 'Easy on the forward fold — try an extension instead.'),
		why: 'Touching the toes flexes a back that is loosened from exercise (or re-hydrated first thing in the morning).'
	},
	slouch: {
		message: () => 'You have been slumped for a while — sit tall, or take a moment for a back extension.',
		why: 'Long rounded sitting adds the same flexion bias as the post-workout slump.'
	},
	cool_down: {
		message: () => 'Hard bout done — keep moving gently for 5–10 minutes before you stop.',
		why: 'After an intense effort, a low-intensity cool-down beats stopping dead; then stretch into extension.'
	}
};

/** A caution for the first hours of the day, when discs are re-hydrated after the night. */
export function morningCaution(hour: number): string | null {
	return hour >= 4 && hour < 10 ? 'Morning back: go easy on deep forward bends for the first hour or two.' : null;
}
