import { describe, expect, it } from 'vitest';
import { kneeAngleDeg, kneeAngleMinDeg } from './knee-angle';
import { photo, SIT, STAND } from './test-helpers';

describe('kneeAngleDeg', () => {
	it('is ~180 with straight legs and ~90 on a chair, from any side', () => {
		for (const view of [0, 45, 90]) {
			expect(kneeAngleDeg(photo(STAND, view).body)!).toBeGreaterThan(165);
			expect(Math.abs(kneeAngleDeg(photo(SIT, view).body)! - 90)).toBeLessThan(20);
		}
	});

	it('kneeAngleMinDeg reports the more bent knee', () => {
		const p = photo({ ...STAND, lHipFlex: 60, lKneeFlex: 70 }, 0, { ground: false });
		expect(kneeAngleMinDeg(p.body)!).toBeLessThan(kneeAngleDeg(photo(STAND, 0).body)! - 40);
	});
});
