import { describe, expect, it } from 'vitest';
import { BODY_PARTS, LM } from './landmarks';

describe('BODY_PARTS', () => {
	it('is one landmark per body part: the nose for the head, then both sides of every joint, no hands or feet twice', () => {
		expect(new Set(BODY_PARTS).size).toBe(BODY_PARTS.length);
		expect(BODY_PARTS.filter((i) => i <= LM.mouthRight)).toEqual([LM.nose]);
		for (const part of ['Shoulder', 'Elbow', 'Wrist', 'Hip', 'Knee', 'Ankle'] as const) {
			expect(BODY_PARTS).toContain(LM[`left${part}`]);
			expect(BODY_PARTS).toContain(LM[`right${part}`]);
		}
		expect(BODY_PARTS).toHaveLength(13);
	});
});
