import { describe, expect, it } from 'vitest';
import { wristKneeDist } from './wrist-knee';
import { drawnBody } from './test-helpers';

const base = {
	leftShoulder: [0.6, 0.3],
	rightShoulder: [0.4, 0.3],
	leftHip: [0.56, 0.6],
	rightHip: [0.44, 0.6],
	leftKnee: [0.56, 0.78],
	rightKnee: [0.44, 0.78]
} as const;

describe('wristKneeDist', () => {
	it('is small with the hands on the knees and large with them at the chest', () => {
		const onKnees = drawnBody({ ...base, leftWrist: [0.57, 0.74], rightWrist: [0.43, 0.74] } as never);
		const atChest = drawnBody({ ...base, leftWrist: [0.55, 0.35], rightWrist: [0.45, 0.35] } as never);
		expect(wristKneeDist(onKnees)!).toBeLessThan(0.2);
		expect(wristKneeDist(atChest)!).toBeGreaterThan(1);
	});

	it('does not depend on the distance to the camera', () => {
		const near = drawnBody({ ...base, leftWrist: [0.57, 0.7], rightWrist: [0.43, 0.7] } as never);
		const shrink = (p: readonly number[]) => [0.5 + (p[0] - 0.5) / 2, 0.5 + (p[1] - 0.5) / 2];
		const far = drawnBody(
			Object.fromEntries(
				Object.entries({ ...base, leftWrist: [0.57, 0.7], rightWrist: [0.43, 0.7] }).map(([k, v]) => [k, shrink(v)])
			) as never
		);
		expect(wristKneeDist(far)!).toBeCloseTo(wristKneeDist(near)!, 5);
	});

	it('falls back on an elbow when no wrist is seen, and is null without knees', () => {
		const elbow = drawnBody({ ...base, leftElbow: [0.57, 0.55] } as never);
		expect(wristKneeDist(elbow)!).toBeGreaterThanOrEqual(0);
		expect(wristKneeDist(drawnBody({ leftShoulder: [0.6, 0.3], leftWrist: [0.5, 0.5] }))).toBeNull();
	});
});
