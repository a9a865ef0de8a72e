import { describe, expect, it } from 'vitest';
import { createNudger, type NudgerControl, type NudgerInput } from './nudger';
import { DESK_POLICY, WORKOUT_POLICY } from './types';
import type { PostureLabel } from '$lib/posture/types';

const still = { active: false, msSinceBoutEnded: null, boutIntensity: null };
const free: NudgerControl = { paused: false, snoozeUntil: null };

/** Drives the nudger with one label held from `from` for `forMs`, one step a second. */
function hold(n: ReturnType<typeof createNudger>, label: PostureLabel, from: number, forMs: number, extra: Partial<NudgerInput> = {}, control = free) {
	const out = [];
	for (let t = from; t <= from + forMs; t += 1000) out.push({ t, ...n.update({ t, label, sinceMs: t - from, exercise: still, hour: 14, ...extra }, control) });
	return out;
}

describe('nudger', () => {
	it('does not nudge a short slouch, nudges a sustained one once per episode', () => {
		const n = createNudger(DESK_POLICY);
		expect(hold(n, 'slouched', 0, 20_000).filter((s) => s.nudge)).toHaveLength(0);
		const steps = hold(n, 'slouched', 100_000, 120_000);
		const nudges = steps.filter((s) => s.nudge);
		expect(nudges).toHaveLength(1);
		expect(nudges[0].t).toBe(100_000 + DESK_POLICY.slouchNudgeAfterMs);
		expect(nudges[0].nudge!.reason).toBe('slouch');
	});

	it('nudges hands on knees after exercise quickly, with an extension to try', () => {
		const n = createNudger(WORKOUT_POLICY);
		const after = { exercise: { active: false, msSinceBoutEnded: 30_000, boutIntensity: 0.3 } };
		const first = hold(n, 'hands_on_knees', 0, 5_000, after).find((s) => s.nudge)!;
		expect(first.t).toBe(WORKOUT_POLICY.flexionNudgeAfterMs);
		expect(first.nudge).toMatchObject({ reason: 'flexed_rest', suggestion: 'back_extension' });
		expect(first.nudge!.message).toMatch(/back extension/);
	});

	it('leaves hands on knees alone when no exercise came before (not the risky moment)', () => {
		const n = createNudger(WORKOUT_POLICY);
		expect(hold(n, 'hands_on_knees', 0, 30_000).filter((s) => s.nudge)).toHaveLength(0);
		expect(hold(n, 'hands_on_knees', 40_000, 5_000, {}, { ...free, afterExercise: true }).filter((s) => s.nudge)).toHaveLength(1);
	});

	it('respects pause, snooze, cooldown and the hourly cap', () => {
		const n = createNudger(DESK_POLICY);
		expect(hold(n, 'slouched', 0, 60_000, {}, { paused: true, snoozeUntil: null }).filter((s) => s.nudge)).toHaveLength(0);
		expect(hold(n, 'slouched', 100_000, 60_000, {}, { paused: false, snoozeUntil: 10_000_000 }).filter((s) => s.nudge)).toHaveLength(0);
		// Separate slouch episodes every 40 s for an hour: the cooldown (5 min) and the cap (4/h) both bind.
		let count = 0;
		for (let start = 200_000; start < 200_000 + 3_600_000; start += 40_000) count += hold(n, 'slouched', start, 35_000).filter((s) => s.nudge).length;
		expect(count).toBeLessThanOrEqual(DESK_POLICY.maxPerHour);
		expect(count).toBeGreaterThanOrEqual(3);
	});

	it('learns what followed: a stretch, a correction, or nothing', () => {
		const after = { exercise: { active: false, msSinceBoutEnded: 10_000, boutIntensity: 0.2 } };
		const a = createNudger(WORKOUT_POLICY);
		const nudge = hold(a, 'hands_on_knees', 0, 3_000, after).find((s) => s.nudge)!.nudge!;
		const stretched = hold(a, 'back_extension', 4_000, 2_000, after).find((s) => s.resolved);
		expect(stretched?.resolved).toEqual({ id: nudge.id, outcome: 'stretched' });

		const b = createNudger(WORKOUT_POLICY);
		hold(b, 'hands_on_knees', 0, 3_000, after);
		expect(hold(b, 'upright', 4_000, 1_000, after).find((s) => s.resolved)?.resolved?.outcome).toBe('corrected');

		const c = createNudger(WORKOUT_POLICY);
		hold(c, 'hands_on_knees', 0, 3_000, after);
		const ignored = hold(c, 'other', 4_000, WORKOUT_POLICY.followUpMs, after).find((s) => s.resolved);
		expect(ignored?.resolved?.outcome).toBe('ignored');
		expect(ignored!.t).toBeGreaterThanOrEqual(2_000 + WORKOUT_POLICY.followUpMs);

		const d = createNudger(WORKOUT_POLICY);
		hold(d, 'hands_on_knees', 0, 3_000, after);
		expect(d.snoozed()?.outcome).toBe('snoozed');
	});

	it('offers a cool-down once when an intense bout ends', () => {
		const n = createNudger(WORKOUT_POLICY);
		const steps = [];
		for (let t = 0; t < 120_000; t += 1000) {
			const exercise = { active: false, msSinceBoutEnded: t + 2_000, boutIntensity: 0.8 };
			steps.push(n.update({ t, label: 'upright', sinceMs: t, exercise, hour: 14 }, free));
		}
		const nudges = steps.filter((s) => s.nudge);
		expect(nudges).toHaveLength(1);
		expect(nudges[0].nudge!.reason).toBe('cool_down');
		expect(nudges[0].nudge!.message).toMatch(/5–10 minutes/);
	});

	it('cautions against forward folds in the morning even without a workout', () => {
		const n = createNudger(WORKOUT_POLICY);
		const morning = hold(n, 'forward_fold', 0, 5_000, { hour: 7 }).find((s) => s.nudge)!;
		expect(morning.nudge!.message).toMatch(/Morning/);
		const m = createNudger(WORKOUT_POLICY);
		expect(hold(m, 'forward_fold', 0, 10_000, { hour: 15 }).filter((s) => s.nudge)).toHaveLength(0);
	});
});
