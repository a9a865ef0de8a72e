import { describe, expect, it } from 'vitest';
import { legAngleDeg } from './leg-angle';
import { photo, SIT, STAND } from './test-helpers';

describe('legAngleDeg', () => {
	it('~0 standing, ~40-50 on a chair, ~90 lying, from the side and the front', () => {
		for (const view of [90, 0]) {
			expect(legAngleDeg(photo(STAND, view).body)!).toBeLessThan(10);
			const sit = legAngleDeg(photo(SIT, view).body)!;
			expect(sit).toBeGreaterThan(30);
			expect(sit).toBeLessThan(60);
		}
		expect(legAngleDeg(photo(STAND, 90, { root: { pitch: 90 } }).body)!).toBeGreaterThan(80);
	});
});
