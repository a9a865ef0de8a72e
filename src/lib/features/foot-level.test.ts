import { describe, expect, it } from 'vitest';
import { footLevelDiff } from './foot-level';
import { photo, STAND } from './test-helpers';

describe('footLevelDiff', () => {
	it('~0 on both feet, large standing on one leg', () => {
		expect(footLevelDiff(photo(STAND, 0).body)!).toBeLessThan(0.05);
		const tree = photo({ ...STAND, lHipFlex: 40, lHipAbd: 45, lKneeFlex: 120 }, 0);
		expect(footLevelDiff(tree.body)!).toBeGreaterThan(0.4);
	});
});
