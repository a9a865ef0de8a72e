import { describe, expect, it } from 'vitest';
import { pelvisCentredToLandmarks } from './pelvis-centred';

describe('pelvisCentredToLandmarks', () => {
	it('puts the pelvis at the frame centre, keeps proportions and drops z', () => {
		const lm = pelvisCentredToLandmarks([{ x: 0, y: -100 }, { x: 25, y: 0 }, null]);
		expect(lm[0]!.x).toBeCloseTo(0.5, 12);
		expect(lm[0]!.y).toBeCloseTo(0.1, 12);
		expect(lm[1]!.x).toBeCloseTo(0.6, 12);
		expect(lm[1]!.y).toBeCloseTo(0.5, 12);
		expect(lm[2]).toBeNull();
		expect('z' in lm[0]!).toBe(false);
	});
});
