import { describe, expect, it } from 'vitest';
import { kneeSpread } from './knee-spread';
import { photo, STAND } from './test-helpers';

describe('kneeSpread', () => {
	it('~1-2 standing, > 2.6 in a wide squat (front view)', () => {
		expect(kneeSpread(photo(STAND, 0).body)!).toBeLessThan(2);
		const goddess = photo({ lHipFlex: 60, rHipFlex: 60, lHipAbd: 50, rHipAbd: 50, lKneeFlex: 90, rKneeFlex: 90 }, 0);
		expect(kneeSpread(goddess.body)!).toBeGreaterThan(2.6);
	});
});
