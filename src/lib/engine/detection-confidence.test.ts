import { describe, expect, it } from 'vitest';
import { DEFAULT_DETECTION_CONFIDENCE, detectionConfidence } from './detection-confidence';

describe('detectionConfidence', () => {
	it('uses the image option for still images only', () => {
		expect(detectionConfidence('IMAGE', { imageMinDetectionConfidence: 0.2 })).toBe(0.2);
		expect(detectionConfidence('VIDEO', { imageMinDetectionConfidence: 0.2 })).toBe(DEFAULT_DETECTION_CONFIDENCE);
	});
	it('falls back to the default when unset or not a number, and clamps to 0..1', () => {
		expect(detectionConfidence('IMAGE', {})).toBe(0.5);
		expect(detectionConfidence('IMAGE', { imageMinDetectionConfidence: Number.NaN })).toBe(0.5);
		expect(detectionConfidence('IMAGE', { imageMinDetectionConfidence: -1 })).toBe(0);
		expect(detectionConfidence('IMAGE', { imageMinDetectionConfidence: 3 })).toBe(1);
	});
});
