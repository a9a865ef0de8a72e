import { describe, expect, it } from 'vitest';
import { neckFlexionDeg } from './neck-flexion';
import { photo, SIT } from './test-helpers';

describe('neckFlexionDeg', () => {
	it('is small sitting tall and large with the head pushed forward, from the side and at 45', () => {
		for (const view of [90, 45]) {
			const tall = neckFlexionDeg(photo(SIT, view).body)!;
			const forward = neckFlexionDeg(photo({ ...SIT, thoracicFlex: 25, neckFlex: 25, headPitch: -30 }, view).body)!;
			expect(tall).toBeLessThan(20);
			expect(forward).toBeGreaterThan(tall + 25);
		}
	});

	it('is not measured facing the camera in a picture (the angle lies in depth)', () => {
		expect(neckFlexionDeg(photo(SIT, 0).body)).toBeNull();
	});

	it('is measured facing the camera with world landmarks', () => {
		const forward = neckFlexionDeg(photo({ ...SIT, neckFlex: 30 }, 0, { world: true }).body)!;
		expect(forward).toBeGreaterThan(25);
	});
});
