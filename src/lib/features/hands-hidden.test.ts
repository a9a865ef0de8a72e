import { describe, expect, it } from 'vitest';
import { handsHiddenBehind } from './hands-hidden';
import { drawnBody } from './test-helpers';

const trunk = { leftShoulder: [0.6, 0.3], rightShoulder: [0.4, 0.3], leftHip: [0.56, 0.6], rightHip: [0.44, 0.6] } as const;

describe('handsHiddenBehind', () => {
	it('is 1 with elbows at the waist and both wrists unseen, 0 when a wrist is seen', () => {
		const hidden = drawnBody({ ...trunk, leftElbow: [0.66, 0.5], rightElbow: [0.34, 0.5], leftWrist: [0.58, 0.58, 0.2], rightWrist: [0.42, 0.58, 0.1] } as never);
		const seen = drawnBody({ ...trunk, leftElbow: [0.66, 0.5], rightElbow: [0.34, 0.5], leftWrist: [0.6, 0.65, 0.9] } as never);
		expect(handsHiddenBehind(hidden)).toBe(1);
		expect(handsHiddenBehind(seen)).toBe(0);
	});

	it('is null without the elbows', () => {
		expect(handsHiddenBehind(drawnBody(trunk as never))).toBeNull();
	});
});
