import { describe, expect, it } from 'vitest';
import { wristsAboveHead } from './wrists-above-head';
import { photo, STAND } from './test-helpers';

describe('wristsAboveHead', () => {
	it('is positive only with both hands above the head', () => {
		expect(wristsAboveHead(photo({ lShoulderFlex: 175, rShoulderFlex: 175 }, 0).body)!).toBeGreaterThan(0.3);
		expect(wristsAboveHead(photo({ lShoulderFlex: 175 }, 0).body)!).toBeLessThan(-1);
		expect(wristsAboveHead(photo(STAND, 0).body)!).toBeLessThan(-1);
	});
});
