import { describe, expect, it } from 'vitest';
import { thighAngleDeg } from './thigh-angle';
import { photo, SIT, STAND } from './test-helpers';

describe('thighAngleDeg', () => {
	it('~0 standing, ~90 sitting, also facing the camera (thighs foreshortened)', () => {
		for (const view of [90, 0, 45]) {
			expect(thighAngleDeg(photo(STAND, view).body)!).toBeLessThan(10);
			expect(Math.abs(thighAngleDeg(photo(SIT, view).body)! - 90)).toBeLessThan(25);
		}
	});
});
