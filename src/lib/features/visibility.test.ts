import { describe, expect, it } from 'vitest';
import { coverage } from './visibility';
import { drawnBody, photo, STAND } from './test-helpers';

describe('coverage', () => {
	it('sees everything of a whole body in frame', () => {
		const c = coverage(photo(STAND, 0).body);
		expect(c).toMatchObject({ face: true, shoulders: true, hips: true, knees: true, ankles: true, upperBodyOnly: false });
	});

	it('flags a desk-webcam frame (hips off-screen or invisible) as upper body only', () => {
		const c = coverage(
			drawnBody({
				nose: [0.5, 0.4],
				leftShoulder: [0.7, 0.85],
				rightShoulder: [0.3, 0.85],
				leftHip: [0.6, 1.4, 0.8],
				rightHip: [0.4, 1.4, 0.2]
			})
		);
		expect(c.upperBodyOnly).toBe(true);
		expect(c.hips).toBe(false);
	});
});
