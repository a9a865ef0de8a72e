import { describe, expect, it } from 'vitest';
import { forearmAngleDeg } from './forearm-angle';
import { photo, STAND } from './test-helpers';

describe('forearmAngleDeg', () => {
	it('~180 hanging, ~90 held level (also pointing at the camera), ~0 overhead', () => {
		expect(forearmAngleDeg(photo(STAND, 90).body)!).toBeGreaterThan(160);
		for (const view of [90, 0]) {
			const level = forearmAngleDeg(photo({ lElbowFlex: 90, rElbowFlex: 90 }, view).body)!;
			expect(Math.abs(level - 90)).toBeLessThan(20);
		}
		expect(forearmAngleDeg(photo({ lShoulderFlex: 175, rShoulderFlex: 175 }, 0).body)!).toBeLessThan(15);
	});
});
