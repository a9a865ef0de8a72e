import { describe, expect, it } from 'vitest';
import { wristAnkleDist } from './wrist-ankle';
import { drawnBody, photo, STAND } from './test-helpers';

describe('wristAnkleDist', () => {
	it('measures how far the hands are from the feet along the floor, side-on', () => {
		const near = wristAnkleDist(photo(STAND, 90).body)!;
		const reach = wristAnkleDist(photo({ lShoulderFlex: 90, rShoulderFlex: 90 }, 90).body)!;
		expect(near).toBeLessThan(0.3);
		expect(reach).toBeGreaterThan(near + 0.8);
	});

	it('is null facing the camera in a picture and without ankles', () => {
		expect(wristAnkleDist(photo(STAND, 0).body)).toBeNull();
		expect(wristAnkleDist(drawnBody({ leftWrist: [0.5, 0.5] }))).toBeNull();
	});
});
