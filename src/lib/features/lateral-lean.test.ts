import { describe, expect, it } from 'vitest';
import { lateralLeanDeg } from './lateral-lean';
import { drawnBody, photo, STAND } from './test-helpers';

describe('lateralLeanDeg', () => {
	it('is ~0 standing straight and follows a side bend, facing the camera', () => {
		expect(lateralLeanDeg(photo(STAND, 0).body)!).toBeLessThan(5);
		expect(Math.abs(lateralLeanDeg(photo({ ...STAND, lumbarLateral: 20 }, 0).body)! - 20)).toBeLessThan(6);
	});

	it('uses the shoulder line without hips, and is null side-on', () => {
		const tilted = drawnBody({ nose: [0.5, 0.3], leftShoulder: [0.7, 0.55], rightShoulder: [0.3, 0.6] });
		expect(lateralLeanDeg(tilted)!).toBeCloseTo((Math.atan(0.05 / 0.4) * 180) / Math.PI, 3);
		expect(lateralLeanDeg(photo(STAND, 90).body)).toBeNull();
	});
});
