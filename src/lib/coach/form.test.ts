import { describe, expect, it } from 'vitest';
import { createFormAccumulator, fall, rise } from './form';
import type { FormComponent } from './types';

const c = (score: number): FormComponent => ({ id: 'hips_down', score, value: 1, unit: 'body', why: `score ${score}` });

describe('form accumulator', () => {
	const specs = [
		{ id: 'hips_down' as const, fault: 'hips_lifted' as const, weight: 1 },
		{ id: 'legs_long' as const, fault: 'knees_bent' as const, weight: 1 }
	];

	it('a short dip is not a fault; a sustained one is, and is live while it lasts', () => {
		const f = createFormAccumulator(specs, 500);
		for (let t = 0; t < 300; t += 33) f.add(t, [c(0.1)]);
		for (let t = 300; t < 1000; t += 33) f.add(t, [c(0.9)]);
		expect(f.faults()).toEqual([]);
		for (let t = 1000; t < 1700; t += 33) f.add(t, [c(0.2)]);
		expect(f.activeFaults(1690)).toEqual(['hips_lifted']);
		expect(f.faults()).toEqual(['hips_lifted']);
		const s = f.summary();
		expect(s[0].fault).toBe('hips_lifted');
		expect(s[0].why).toBe('score 0.1');
		expect(s[1]).toMatchObject({ id: 'legs_long', score: 1, fault: null });
		expect(f.score()).toBeLessThan(100);
		f.reset();
		expect(f.score()).toBe(100);
	});

	it('good readings shorter than the minimum do not end a low run (one frame in three read good is still a fault)', () => {
		const f = createFormAccumulator(specs, 500);
		// 400 ms low runs broken by a single good frame: no run of 500 ms without a good reading.
		let t = 0;
		for (let k = 0; k < 4; k++) {
			for (let i = 0; i < 12; i++, t += 33) f.add(t, [c(0.1)]);
			f.add(t, [c(0.7)]);
			t += 33;
		}
		f.add(t, [c(0.1)]);
		expect(f.activeFaults(t)).toEqual(['hips_lifted']);
		t += 33;
		expect(f.faults()).toEqual(['hips_lifted']);
		// Good for the minimum: the run is over and nothing is live, the rep keeps its fault.
		for (let i = 0; i < 20; i++, t += 33) f.add(t, [c(0.9)]);
		expect(f.activeFaults(t - 33)).toEqual([]);
		expect(f.faults()).toEqual(['hips_lifted']);
		// The other way round at 8 frames a second: a few low frames among good ones over 625 ms are not a fault.
		const g = createFormAccumulator(specs, 500);
		[0.9, 0.9, 0.38, 0.32, 1, 0.98, 1, 0.24, 0.99, 0.95, 0.99, 1, 1, 1].forEach((x, i) => g.add(i * 125, [c(x)]));
		expect(g.faults()).toEqual([]);
	});

	it("a rep whose mean is low has the fault, however short it was measured: the faults agree with the scores", () => {
		const f = createFormAccumulator(specs, 500);
		for (let t = 0; t < 300; t += 33) f.add(t, [c(0.1)]);
		expect(f.faults()).toEqual(['hips_lifted']);
		expect(f.summary()[0]).toMatchObject({ score: 0.1, fault: 'hips_lifted' });
		// Not cued live: the live cue still needs the minimum.
		expect(f.activeFaults(290)).toEqual([]);
		// A short dip in a good rep stays no fault.
		const g = createFormAccumulator(specs, 500);
		for (let t = 0; t < 300; t += 33) g.add(t, [c(0.1)]);
		for (let t = 300; t < 2000; t += 33) g.add(t, [c(0.95)]);
		expect(g.faults()).toEqual([]);
		expect(g.summary()[0].fault).toBeNull();
	});

	it('memberships are logistic', () => {
		expect(rise(10, 10, 4)).toBeCloseTo(0.5);
		expect(fall(12, 10, 4)).toBeLessThan(0.2);
	});
});
