import { describe, expect, it } from 'vitest';
import { hipAngleDeg } from './hip-angle';
import { bent, drawnBody, photo, SIT, STAND } from './test-helpers';

describe('hipAngleDeg', () => {
	it('is ~180 standing and ~90 sitting, from the side and the front', () => {
		for (const view of [90, 0, 45]) {
			expect(hipAngleDeg(photo(STAND, view).body)!).toBeGreaterThan(160);
			expect(Math.abs(hipAngleDeg(photo(SIT, view).body)! - 90)).toBeLessThan(20);
		}
	});

	it('closes as the trunk bends over straight legs', () => {
		const p = photo(bent(80).joints, 90, { root: bent(80).root });
		expect(Math.abs(hipAngleDeg(p.body)! - 100)).toBeLessThan(12);
	});

	it('is null without a knee', () => {
		expect(hipAngleDeg(drawnBody({ leftShoulder: [0.5, 0.3], leftHip: [0.5, 0.6] }))).toBeNull();
	});
});
