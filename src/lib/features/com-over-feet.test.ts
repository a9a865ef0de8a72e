import { describe, expect, it } from 'vitest';
import { comOverFeet } from './com-over-feet';
import { photo, SIT, STAND } from './test-helpers';

describe('comOverFeet', () => {
	it('~0 standing, well behind the feet on a chair (side view)', () => {
		expect(Math.abs(comOverFeet(photo(STAND, 90).body)!)).toBeLessThan(0.15);
		expect(comOverFeet(photo(SIT, 90).body)!).toBeLessThan(-0.4);
	});

	it('is null facing the camera in a picture', () => {
		expect(comOverFeet(photo(SIT, 0).body)).toBeNull();
	});
});
