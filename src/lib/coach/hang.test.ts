import { describe, expect, it } from 'vitest';
import { randomBody, rng } from '../synth';
import { hangTake, withDropout } from '../synth/exercise-sequences';
import { createHangTracker } from './hang';
import { runFollowed, runTracker } from './test-helpers';
import { twoOnABar } from '../synth/two-on-a-bar';
import type { HoldEvent, RotationEvent } from './types';

const holds = (run: ReturnType<typeof runTracker>) => run.events.filter((e): e is HoldEvent => e.event === 'hold');
const rotations = (run: ReturnType<typeof runTracker>) => run.events.filter((e): e is RotationEvent => e.event === 'rotation');
const take = (seed: number, view: 'front' | '45' | 'side', plan: Parameters<typeof hangTake>[1]) => {
	const r = rng(seed);
	return hangTake(randomBody(r), plan, { rng: r, view });
};

describe('hang tracker', () => {
	it('times a hang within a second, from the front, the side and 45 degrees', () => {
		for (const view of ['front', 'side', '45'] as const) {
			const t = take(7, view, { hangMs: 12000 });
			const got = holds(runTracker(createHangTracker(), t.frames));
			expect(got.length, view).toBe(1);
			expect(Math.abs(got[0].seconds - (t.hangToT - t.hangFromT) / 1000), view).toBeLessThan(1.5);
		}
	});

	it('notices slow turns of the hips to each side, facing the camera', () => {
		for (const seed of [19, 38, 57]) {
			const t = take(seed, 'front', { hangMs: 15000, twists: [{ deg: 35, atMs: 3500 }, { deg: -35, atMs: 8500 }] });
			const run = runTracker(createHangTracker(), t.frames);
			expect(rotations(run).map((e) => e.side), `seed ${seed}`).toEqual(['left', 'right']);
			expect(holds(run)[0].rotations).toEqual({ left: 1, right: 1, unknown: 0 });
			expect(run.cues.some((c) => c.id === 'hang.both_sides')).toBe(true);
		}
	});

	it('a still hang has no rotations, and after a while suggests them, with the towel in the copy', () => {
		const t = take(3, 'front', { hangMs: 14000 });
		const run = runTracker(createHangTracker(), t.frames);
		expect(rotations(run)).toEqual([]);
		expect(run.cues.find((c) => c.id === 'hang.start')!.text).toMatch(/towel/);
		expect(run.cues.some((c) => c.id === 'hang.rotate')).toBe(true);
	});

	it('a dropout shorter than the grace does not split the hang; standing with the arms down is not hanging', () => {
		const t = take(5, 'front', { hangMs: 10000 });
		const frames = withDropout(t.frames, t.hangFromT + 3000, t.hangFromT + 3700);
		const run = runTracker(createHangTracker(), frames);
		expect(holds(run).length).toBe(1);
		const standing = t.frames.filter((f) => f.t < 1500);
		expect(holds(runTracker(createHangTracker(), standing))).toEqual([]);
	});
});

describe('hang with two people on one bar', () => {
	const r = rng(31);
	const bar = twoOnABar(
		[
			{ body: randomBody(r), pullUps: [{ atMs: 3000 }, { atMs: 6000 }, { atMs: 9500, topMs: 400 }] },
			{ body: randomBody(r), pullUps: [{ atMs: 2500 }, { atMs: 5000 }, { atMs: 8000 }] }
		],
		{ rng: r, durationMs: 12500 }
	);
	const pullingS = bar.pulling[0].reduce((s, [a, b]) => s + (b - a), 0) / 1000;
	const followFirst = (frames: typeof bar.frames) => {
		// The man on the left is taken first when he is the only one in the first frame.
		const fr = [{ ...frames[0], people: [frames[0].people[0]] }, ...frames.slice(1)];
		return runFollowed(createHangTracker(), fr);
	};

	it('his pull-ups pause the hang without ending it; the other man pulling up changes nothing', () => {
		const run = followFirst(bar.frames);
		const got = holds(run);
		expect(got.length).toBe(1);
		expect(got[0].t - got[0].startT).toBeGreaterThan(12000);
		// Hanging with straight arms: the clip less his pull-ups (give or take the hang score's 200-ms smoothing at each).
		expect(got[0].seconds).toBeGreaterThan(12.5 - pullingS - 1);
		expect(got[0].seconds).toBeLessThan(12.5 - pullingS + 1.2);
		expect(run.phases).toContain('paused');
	});

	it('the engine reporting one man at a time: still one hang, his, on the bar the whole clip', () => {
		const rr = rng(32);
		const frames = bar.frames.map((f) => (rr.chance(0.5) ? { ...f, people: [f.people[rr.chance(0.5) ? 0 : 1]] } : f));
		const got = holds(followFirst(frames));
		expect(got.length).toBe(1);
		expect(got[0].t - got[0].startT).toBeGreaterThan(11500);
		// Frames where he is not reported count when the gap is within the grace (1 s), pulling up or not.
		expect(got[0].seconds).toBeGreaterThan(12.5 - pullingS - 2.5);
		expect(got[0].seconds).toBeLessThan(12.5 - pullingS + 2);
	});
});
