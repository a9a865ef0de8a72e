import type { PostureLabel } from '$lib/posture/types';

/** The extension stretches Backcheck offers instead of flexion (domain note, "What to prompt instead"). */
export type StretchName = 'cobra' | 'back_extension' | 'hang' | 'sphinx';

/** Why a nudge fired. */
export type NudgeReason = 'flexed_rest' | 'forward_fold' | 'slouch' | 'cool_down';

export type NudgeStyle = 'banner' | 'sound' | 'voice' | 'notification';

export interface Nudge {
	id: string;
	t: number;
	reason: NudgeReason;
	/** What the person was doing (the posture state that triggered it). */
	detected: PostureLabel | 'exercise';
	/** Short line for a banner or the voice. */
	message: string;
	/** One sentence of why, from the domain note. */
	why: string;
	/** The stretch offered, if any. */
	suggestion: StretchName | null;
}

export type NudgeOutcome = 'stretched' | 'corrected' | 'ignored' | 'snoozed';

export interface NudgePolicy {
	/** Slouched this long (after the classifier's own dwell) before a nudge: a glance is never a slouch. */
	slouchNudgeAfterMs: number;
	/** Hands on knees / forward fold this long before a nudge (after exercise, the flexed rest matters at once). */
	flexionNudgeAfterMs: number;
	/** Minutes after a bout ends during which flexion counts as "after exercise". */
	afterExerciseMs: number;
	/** No nudge sooner than this after the previous one. */
	cooldownMs: number;
	/** Never more than this many nudges in any hour. */
	maxPerHour: number;
	/** How long after a nudge to wait for what follows it. */
	followUpMs: number;
	/** A bout at least this intense (0..1) earns the cool-down suggestion when it ends. */
	intenseBout: number;
}

export const DESK_POLICY: NudgePolicy = {
	slouchNudgeAfterMs: 30_000,
	flexionNudgeAfterMs: 5_000,
	afterExerciseMs: 15 * 60_000,
	cooldownMs: 5 * 60_000,
	maxPerHour: 4,
	followUpMs: 90_000,
	intenseBout: 0.6
};

export const WORKOUT_POLICY: NudgePolicy = {
	slouchNudgeAfterMs: 20_000,
	flexionNudgeAfterMs: 2_000,
	afterExerciseMs: 15 * 60_000,
	cooldownMs: 60_000,
	maxPerHour: 12,
	followUpMs: 60_000,
	intenseBout: 0.6
};
