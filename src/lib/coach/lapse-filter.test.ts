import { describe, expect, it } from 'vitest';
import { createLapseFilter } from './lapse-filter';

describe('lapse filter', () => {
	it('holds through lapses shorter than lapseMs, lets go after a longer one; unknown frames change nothing', () => {
		const f = createLapseFilter(1000);
		expect(f.update(0, false)).toBe(false);
		expect(f.update(100, true)).toBe(true);
		expect(f.update(500, false)).toBe(true);
		expect(f.update(1400, false)).toBe(true);
		expect(f.update(1450, true)).toBe(true);
		expect(f.update(1500, null)).toBe(true);
		expect(f.update(1600, false)).toBe(true);
		expect(f.update(2599, false)).toBe(true);
		expect(f.update(2600, false)).toBe(false);
		expect(f.update(2700, null)).toBe(false);
		f.reset();
		expect(f.value).toBe(false);
	});
});
