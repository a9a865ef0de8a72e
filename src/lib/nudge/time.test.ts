import { describe, expect, it } from 'vitest';
import { describeUntil, localHour, startOfTomorrow } from './time';

describe('local time helpers', () => {
	it('finds the next local midnight', () => {
		const now = new Date(2026, 10, 21, 15, 42).getTime();
		expect(startOfTomorrow(now)).toBe(new Date(2026, 10, 22, 0, 0).getTime());
		expect(localHour(now)).toBe(15);
	});

	it('says tomorrow only when the time is not today', () => {
		const now = new Date(2026, 10, 21, 15, 0).getTime();
		expect(describeUntil(now + 30 * 60_000, now)).not.toMatch(/tomorrow/);
		expect(describeUntil(startOfTomorrow(now), now)).toMatch(/^tomorrow/);
	});
});
