import { describe, expect, it } from 'vitest';
import { createEma, createRate, createRunningMedian } from './smoothing';

describe('smoothing', () => {
	it('the EMA settles the same whatever the frame rate', () => {
		const at = (fps: number) => {
			const e = createEma(200);
			e.update(0, 0);
			let v = 0;
			for (let t = 1000 / fps; t <= 200 + 1e-9; t += 1000 / fps) v = e.update(t, 1);
			return v;
		};
		expect(at(15)).toBeCloseTo(1 - Math.exp(-1), 2);
		expect(at(60)).toBeCloseTo(1 - Math.exp(-1), 2);
	});

	it('rate is per second; the running median ignores outliers', () => {
		const r = createRate(1);
		r.update(0, 0);
		expect(r.update(100, 2)).toBeCloseTo(20, 5);
		const m = createRunningMedian(5);
		for (const x of [1, 2, 100, 3, 2]) m.push(x);
		expect(m.value()).toBe(2);
		m.push(Number.NaN);
		expect(m.count()).toBe(5);
	});
});
