import { describe, expect, it } from 'vitest';
import { sampleCount, sampleTime } from './sample-times';

describe('sampleTime', () => {
	it('puts each sample in the middle of its interval, exactly, however many came before', () => {
		expect(sampleTime(0, 5)).toBe(0.1);
		expect(sampleTime(4, 5)).toBe(0.9);
		// Adding the step up drifts: 0.1 + 4 × 0.2 is below 0.9 in floating point.
		let summed = 0.1;
		for (let i = 0; i < 4; i++) summed += 0.2;
		expect(summed).toBeLessThan(0.9);
		for (let i = 0; i < 100_000; i += 997) expect(sampleTime(i, 30)).toBeCloseTo((i + 0.5) / 30, 6);
	});
});

describe('sampleCount', () => {
	it('counts the samples whose time is inside the video', () => {
		expect(sampleCount(4, 5)).toBe(20); // 0.1 … 3.9
		expect(sampleCount(3.95, 5)).toBe(20); // 3.9 < 3.95
		expect(sampleCount(3.9, 5)).toBe(19); // 3.9 is the end itself: no frame there
		expect(sampleCount(0.05, 5)).toBe(0);
		expect(sampleCount(Number.POSITIVE_INFINITY, 5)).toBe(0);
		expect(sampleCount(Number.NaN, 5)).toBe(0);
		for (let k = 1; k < 50; k++) expect(sampleTime(sampleCount(k / 7, 7) - 1, 7)).toBeLessThan(k / 7);
	});
});
