import { describe, expect, it } from 'vitest';
import { shoulderRoundingDeg } from './shoulder-rounding';
import { photo, SIT } from './test-helpers';

describe('shoulderRoundingDeg', () => {
	it('grows with a rounded upper back and forward head, whatever the trunk lean', () => {
		const tall = shoulderRoundingDeg(photo(SIT, 90).body)!;
		const round = shoulderRoundingDeg(photo({ ...SIT, thoracicFlex: 30, neckFlex: 20 }, 90).body)!;
		const leaning = shoulderRoundingDeg(photo(SIT, 90, { root: { pitch: 20 } }).body)!;
		expect(tall).toBeLessThan(20);
		expect(round).toBeGreaterThan(tall + 15);
		expect(Math.abs(leaning - tall)).toBeLessThan(8);
	});

	it('is null facing the camera in a picture', () => {
		expect(shoulderRoundingDeg(photo(SIT, 0).body)).toBeNull();
	});
});
