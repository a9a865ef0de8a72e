import { describe, expect, it } from 'vitest';
import { wristShoulderHeight } from './wrist-shoulder-height';
import { photo, STAND } from './test-helpers';

describe('wristShoulderHeight', () => {
	it('is negative with hanging arms and positive with raised ones', () => {
		expect(wristShoulderHeight(photo(STAND, 0).body)!).toBeLessThan(-0.8);
		expect(wristShoulderHeight(photo({ lShoulderFlex: 170, rShoulderFlex: 170 }, 0).body)!).toBeGreaterThan(0.5);
	});
});
