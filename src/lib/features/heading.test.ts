import { describe, expect, it } from 'vitest';
import { photo, SIT, STAND } from './test-helpers';

describe('bodyHeading', () => {
	it('facing the camera: the forward direction points towards it (-z)', () => {
		const h = photo(STAND, 0).body.heading!;
		expect(h.z).toBeLessThan(-0.8);
	});

	it('side-on: forward lies in the picture, its sign from feet, knees and face', () => {
		// Camera at the person's left: their forward is the picture's left (-x) ... or right: check
		// both sides agree with the toes.
		for (const view of [90, -90]) {
			const p = photo(SIT, view);
			const toe = p.body.p[view > 0 ? 31 : 32]!;
			const heel = p.body.p[view > 0 ? 29 : 30]!;
			expect(p.body.sideKnown).toBe(true);
			expect(Math.sign(p.body.heading!.x)).toBe(Math.sign(toe.x - heel.x));
			expect(Math.abs(p.body.heading!.x)).toBeGreaterThan(0.8);
		}
	});

	it('with world landmarks it is a true 3-D horizontal direction', () => {
		const h = photo(STAND, 45, { world: true }).body.heading!;
		expect(h.y).toBe(0);
		expect(Math.hypot(h.x, h.z)).toBeCloseTo(1, 5);
		expect(Math.abs(h.x)).toBeGreaterThan(0.5);
	});
});
