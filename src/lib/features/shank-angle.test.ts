import { describe, expect, it } from 'vitest';
import { shankAngleDeg } from './shank-angle';
import { photo, SIT } from './test-helpers';

describe('shankAngleDeg', () => {
	it('~0 on a chair, tilted with the knees forward in a squat (side view)', () => {
		expect(shankAngleDeg(photo(SIT, 90).body)!).toBeLessThan(8);
		const squat = photo({ lHipFlex: 120, rHipFlex: 120, lKneeFlex: 125, rKneeFlex: 125, lAnkleFlex: 35, rAnkleFlex: 35 }, 90, { root: { pitch: 30 } });
		expect(Math.abs(shankAngleDeg(squat.body)! - 35)).toBeLessThan(8);
	});
});
