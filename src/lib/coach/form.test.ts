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

	it('memberships are logistic', () => {
		expect(rise(10, 10, 4)).toBeCloseTo(0.5);
		expect(fall(12, 10, 4)).toBeLessThan(0.2);
	});
});
