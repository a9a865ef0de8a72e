import { describe, expect, it } from 'vitest';
import { noseDropRatio } from './nose-drop';
import { drawnBody } from './test-helpers';

const sh = { leftShoulder: [0.7, 0.6], rightShoulder: [0.3, 0.6] } as const;

describe('noseDropRatio', () => {
	it('is positive looking down and negative looking up, per shoulder width', () => {
		const down = drawnBody({ ...sh, nose: [0.5, 0.4], leftEar: [0.56, 0.32], rightEar: [0.44, 0.32] } as never);
		const up = drawnBody({ ...sh, nose: [0.5, 0.28], leftEar: [0.56, 0.32], rightEar: [0.44, 0.32] } as never);
		expect(noseDropRatio(down)!).toBeCloseTo(0.2, 5);
		expect(noseDropRatio(up)!).toBeLessThan(0);
	});

	it('is null without the nose, the ears or a shoulder', () => {
		expect(noseDropRatio(drawnBody({ ...sh, leftEar: [0.56, 0.32] } as never))).toBeNull();
	});
});
