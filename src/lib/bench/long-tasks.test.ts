import { describe, expect, it } from 'vitest';
import { percentile } from './long-tasks';

describe('percentile', () => {
	it('uses the nearest-rank definition', () => {
		const v = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(percentile(v, 50)).toBe(50);
		expect(percentile(v, 90)).toBe(90);
		expect(percentile([5], 90)).toBe(5);
		expect(percentile([3, 1, 2], 50)).toBe(2);
		expect(percentile([], 50)).toBeNaN();
	});
});
