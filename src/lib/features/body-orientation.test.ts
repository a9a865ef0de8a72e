import { describe, expect, it } from 'vitest';
import { bodyOrientation } from './body-orientation';
import { bent, drawnBody, photo, STAND } from './test-helpers';

describe('bodyOrientation', () => {
	it('upright standing, inverted in a deep fold', () => {
		expect(bodyOrientation(photo(STAND, 90).body)).toBe('upright');
		const fold = bent(150);
		expect(bodyOrientation(photo(fold.joints, 90, { root: fold.root }).body)).toBe('inverted');
	});

	it('prone face down with the chest lifted (cobra), supine face up', () => {
		const cobra = photo(
			{ lumbarFlex: -35, lShoulderFlex: 60, rShoulderFlex: 60, lAnkleFlex: -60, rAnkleFlex: -60 },
			90,
			{ root: { pitch: 90 } }
		);
		expect(bodyOrientation(cobra.body)).toBe('prone');
		const supine = photo({ neckFlex: 20 }, 90, { root: { pitch: -90 } });
		expect(bodyOrientation(supine.body)).toBe('supine');
	});

	it('is null without a trunk', () => {
		expect(bodyOrientation(drawnBody({ nose: [0.5, 0.5] }))).toBeNull();
	});
});
