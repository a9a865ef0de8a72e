import { describe, expect, it } from 'vitest';
import { trunkFlexionDeg, trunkPitchDeg } from './trunk-flexion';
import { bent, drawnBody, photo, STAND } from './test-helpers';

describe('trunkFlexionDeg / trunkPitchDeg', () => {
	it('is ~0 standing tall from the front, side and 45 degrees', () => {
		for (const view of [0, 45, 90]) expect(trunkFlexionDeg(photo(STAND, view).body)!).toBeLessThan(8);
	});

	it('reads a bend at the hips from the side and at 45 degrees, signed forward', () => {
		for (const deg of [30, 60, 90]) {
			for (const view of [90, 45]) {
				const p = photo(bent(deg).joints, view, { root: bent(deg).root });
				expect(Math.abs(trunkFlexionDeg(p.body)! - deg)).toBeLessThan(10);
				expect(trunkPitchDeg(p.body)!).toBeGreaterThan(deg - 10);
			}
		}
	});

	it('reads the same bend from the front from foreshortening (unsigned, on the low side)', () => {
		const p = photo(bent(70).joints, 0, { root: bent(70).root });
		expect(trunkFlexionDeg(p.body)!).toBeGreaterThan(40);
		expect(trunkPitchDeg(p.body)).toBeNull();
	});

	it('signs a backbend negative from the side', () => {
		const p = photo({ ...STAND, lumbarFlex: -25 }, 90);
		expect(trunkPitchDeg(p.body)!).toBeLessThan(-12);
	});

	it('is null without hips (desk webcam)', () => {
		const body = drawnBody({ nose: [0.5, 0.3], leftShoulder: [0.65, 0.7], rightShoulder: [0.35, 0.7] });
		expect(trunkFlexionDeg(body)).toBeNull();
		expect(trunkPitchDeg(body)).toBeNull();
	});
});
