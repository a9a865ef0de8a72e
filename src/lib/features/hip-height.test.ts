import { describe, expect, it } from 'vitest';
import { hipHeight } from './hip-height';
import { photo, SIT, STAND } from './test-helpers';

describe('hipHeight', () => {
	it('standing > on a chair > lying', () => {
		const stand = hipHeight(photo(STAND, 90).body)!;
		const sit = hipHeight(photo(SIT, 90).body)!;
		const lie = hipHeight(photo(STAND, 90, { root: { pitch: 90 } }).body)!;
		expect(stand).toBeGreaterThan(1.2);
		expect(sit).toBeGreaterThan(0.4);
		expect(sit).toBeLessThan(1);
		expect(Math.abs(lie)).toBeLessThan(0.3);
	});
});
