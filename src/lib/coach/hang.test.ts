import { describe, expect, it } from 'vitest';
import { randomBody, rng } from '../synth';
import { hangTake, withDropout } from '../synth/exercise-sequences';
import { createHangTracker } from './hang';
import { runTracker } from './test-helpers';
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
