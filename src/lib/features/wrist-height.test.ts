import { describe, expect, it } from 'vitest';
import { wristHeight } from './wrist-height';
import { bent, photo, STAND } from './test-helpers';

describe('wristHeight', () => {
	it('is about the hip-to-knee height with hanging arms and ~0 with the hands on the floor', () => {
		expect(wristHeight(photo(STAND, 90).body)!).toBeGreaterThan(0.8);
		const fold = bent(120);
		const reach = { ...fold.joints, lShoulderFlex: 125, rShoulderFlex: 125 };
		expect(wristHeight(photo(reach, 90, { root: fold.root }).body)!).toBeLessThan(0.5);
	});
});
