import { describe, expect, it } from 'vitest';
import { wristKneeHeight } from './wrist-knee-height';
import { drawnBody } from './test-helpers';

const base = {
	leftShoulder: [0.6, 0.3],
	rightShoulder: [0.4, 0.3],
	leftHip: [0.56, 0.6],
	rightHip: [0.44, 0.6],
	leftKnee: [0.56, 0.78],
	rightKnee: [0.44, 0.78]
} as const;

describe('wristKneeHeight', () => {
	it('~0 at the knees, negative down the shins', () => {
		expect(Math.abs(wristKneeHeight(drawnBody({ ...base, leftWrist: [0.57, 0.77] } as never))!)).toBeLessThan(0.05);
		expect(wristKneeHeight(drawnBody({ ...base, leftWrist: [0.57, 0.92] } as never))!).toBeLessThan(-0.3);
		expect(wristKneeHeight(drawnBody(base as never))).toBeNull();
	});
});
