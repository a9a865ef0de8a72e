import { describe, expect, it } from 'vitest';
import { elbowAngles } from './elbow-angle';
import { drawnBody, photo, STAND } from './test-helpers';

describe('elbowAngles', () => {
	it('straight arms read ~180, a right-angle bend ~90 (also forearm towards the camera)', () => {
		expect(elbowAngles(photo({ ...STAND, lElbowFlex: 0, rElbowFlex: 0 }, 90).body).max!).toBeGreaterThan(170);
		for (const view of [90, 0]) {
			const e = elbowAngles(photo({ ...STAND, lElbowFlex: 90, rElbowFlex: 90 }, view).body);
			expect(Math.abs(e.min! - 90)).toBeLessThan(20);
		}
	});

	it('gives min and max over the seen arms; nulls without arms', () => {
		const e = elbowAngles(photo({ ...STAND, lElbowFlex: 0, rElbowFlex: 100 }, 0).body);
		expect(e.max! - e.min!).toBeGreaterThan(60);
		expect(elbowAngles(drawnBody({ nose: [0.5, 0.5] }))).toEqual({ min: null, max: null });
	});
});
