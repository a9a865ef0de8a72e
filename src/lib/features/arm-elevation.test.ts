import { describe, expect, it } from 'vitest';
import { armElevationDeg } from './arm-elevation';
import { photo, STAND } from './test-helpers';

describe('armElevationDeg', () => {
	it('is ~180 with the arms hanging and ~0 straight overhead (the lower arm counts)', () => {
		expect(armElevationDeg(photo(STAND, 0).body)!).toBeGreaterThan(160);
		const up = { lShoulderFlex: 175, rShoulderFlex: 175 };
		expect(armElevationDeg(photo(up, 0).body)!).toBeLessThan(15);
		expect(armElevationDeg(photo({ lShoulderFlex: 175 }, 0).body)!).toBeGreaterThan(160);
	});
});
