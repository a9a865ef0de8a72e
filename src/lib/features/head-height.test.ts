import { describe, expect, it } from 'vitest';
import { headHeight } from './head-height';
import { bent, photo, STAND } from './test-helpers';

describe('headHeight', () => {
	it('is well above the hips standing and below them in a fold', () => {
		expect(headHeight(photo(STAND, 90).body)!).toBeGreaterThan(1.2);
		const fold = bent(140);
		expect(headHeight(photo(fold.joints, 90, { root: fold.root }).body)!).toBeLessThan(-0.5);
	});
});
