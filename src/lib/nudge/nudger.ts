/**
 * When to nudge, and what followed. A pure, timestamp-driven policy over the posture state stream:
 * sustained (never a glance), after-exercise aware, with a cooldown, an hourly cap, snooze and pause, and at
 * most one nudge per episode, so that it never nags (what-users-ask: "intermittent, kind feedback").
 */
import type { ExerciseState } from '$lib/workout/detector';
import type { PostureLabel } from '$lib/posture/types';
import { NUDGE_COPY, morningCaution } from './copy';
import type { Nudge, NudgeOutcome, NudgePolicy, NudgeReason, StretchName } from './types';

export interface NudgerInput {
	t: number;
	label: PostureLabel | 'away';
	/** How long `label` has been the state. */
	sinceMs: number;
	exercise: Pick<ExerciseState, 'active' | 'msSinceBoutEnded' | 'boutIntensity'>;
	/** Local hour of day 0..23 (for the morning caution). */
	hour: number;
}

export interface NudgerControl {
	paused: boolean;
	/** No nudges before this timestamp (same clock as `t`); null when not snoozed. */
	snoozeUntil: number | null;
	/** The person said they have just exercised (the monitor may not have seen the bout). */
	afterExercise?: boolean;
}

export interface NudgerStep {
	nudge: Nudge | null;
	/** A previous nudge whose outcome became known on this step. */
	resolved: { id: string; outcome: NudgeOutcome } | null;
}

const STRETCH_LABELS: ReadonlySet<PostureLabel | 'away'> = new Set(['cobra', 'sphinx', 'back_extension', 'hanging']);

export function createNudger(policy: NudgePolicy) {
	let sent: number[] = [];
	let lastNudgeAt = -Infinity;
	let nudgedEpisode: number | null = null;
	let pending: { nudge: Nudge; until: number } | null = null;
	let coolDownOfferedForBoutEnd: number | null = null;

	function make(t: number, reason: NudgeReason, detected: Nudge['detected'], after: boolean, hour: number): Nudge {
		const suggestion: StretchName | null = reason === 'cool_down' ? null : reason === 'forward_fold' ? 'cobra' : 'back_extension';
		const caution = reason === 'forward_fold' ? morningCaution(hour) : null;
		return {
			id: `${reason}-${Math.round(t)}`,
			t,
			reason,
			detected,
			message: caution ?? NUDGE_COPY[reason].message(after),
			why: NUDGE_COPY[reason].why,
			suggestion
		};
	}

	function followUp(input: NudgerInput): NudgerStep['resolved'] {
		if (!pending) return null;
		const { nudge, until } = pending;
		let outcome: NudgeOutcome | null = null;
		if (STRETCH_LABELS.has(input.label)) outcome = 'stretched';
		else if (nudge.reason !== 'cool_down' && input.label === 'upright') outcome = 'corrected';
		else if (nudge.reason === 'cool_down' && input.exercise.active) outcome = 'corrected';
		else if (input.t >= until) outcome = 'ignored';
		if (!outcome) return null;
		pending = null;
		return { id: nudge.id, outcome };
	}

	return {
		update(input: NudgerInput, control: NudgerControl): NudgerStep {
			const resolved = followUp(input);
			const { t, label, sinceMs, exercise } = input;
			const episode = t - sinceMs;
			sent = sent.filter((s) => t - s < 3_600_000);
			const after = control.afterExercise === true || exercise.active || (exercise.msSinceBoutEnded !== null && exercise.msSinceBoutEnded < policy.afterExerciseMs);

			let want: { reason: NudgeReason; detected: Nudge['detected'] } | null = null;
			const boutEndedAt = exercise.msSinceBoutEnded === null ? null : Math.round(t - exercise.msSinceBoutEnded);
			if (boutEndedAt !== null && boutEndedAt !== coolDownOfferedForBoutEnd && exercise.msSinceBoutEnded! < 60_000 && (exercise.boutIntensity ?? 0) >= policy.intenseBout) {
				want = { reason: 'cool_down', detected: 'exercise' };
			} else if (nudgedEpisode !== episode) {
				if (label === 'hands_on_knees' && after && sinceMs >= policy.flexionNudgeAfterMs) want = { reason: 'flexed_rest', detected: label };
				else if (label === 'forward_fold' && (after || morningCaution(input.hour)) && sinceMs >= policy.flexionNudgeAfterMs) want = { reason: 'forward_fold', detected: label };
				else if (label === 'slouched' && sinceMs >= (after ? policy.flexionNudgeAfterMs * 2 : policy.slouchNudgeAfterMs)) want = { reason: 'slouch', detected: label };
			}
			if (!want) return { nudge: null, resolved };
			const quiet = control.paused || (control.snoozeUntil !== null && t < control.snoozeUntil);
			const tooSoon = t - lastNudgeAt < policy.cooldownMs && want.reason !== 'cool_down';
			if (quiet || tooSoon || sent.length >= policy.maxPerHour) return { nudge: null, resolved };

			const nudge = make(t, want.reason, want.detected, after, input.hour);
			if (want.reason === 'cool_down') coolDownOfferedForBoutEnd = boutEndedAt;
			else nudgedEpisode = episode;
			sent.push(t);
			lastNudgeAt = t;
			// A new nudge supersedes the follow-up of an unresolved older one.
			const superseded = !resolved && pending ? { id: pending.nudge.id, outcome: 'ignored' as const } : null;
			pending = { nudge, until: t + policy.followUpMs };
			return { nudge, resolved: resolved ?? superseded };
		},
		/** The person snoozed the current nudge. */
		snoozed(): NudgerStep['resolved'] {
			if (!pending) return null;
			const id = pending.nudge.id;
			pending = null;
			return { id, outcome: 'snoozed' };
		},
		reset(): void {
			sent = [];
			lastNudgeAt = -Infinity;
			nudgedEpisode = null;
			pending = null;
			coolDownOfferedForBoutEnd = null;
		}
	};
}

export type Nudger = ReturnType<typeof createNudger>;
