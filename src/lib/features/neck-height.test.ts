import { describe, expect, it } from 'vitest';
import { neckHeightRatio } from './neck-height';
import { drawnBody, photo, SIT } from './test-helpers';

describe('neckHeightRatio', () => {
	it('drops when the head sinks towards the shoulders (front webcam cue)', () => {
		const tall = neckHeightRatio(photo(SIT, 0).body)!;
		const slumped = neckHeightRatio(photo({ ...SIT, thoracicFlex: 30, neckFlex: 25, headPitch: -35 }, 0).body)!;
		expect(tall).toBeGreaterThan(0.5);
		expect(slumped).toBeLessThan(tall - 0.08);
	});

	it('does not change with the distance to the camera', () => {
		const a = drawnBody({ leftEar: [0.55, 0.3], rightEar: [0.45, 0.3], leftShoulder: [0.68, 0.5], rightShoulder: [0.32, 0.5] });
		const b = drawnBody({ leftEar: [0.525, 0.4], rightEar: [0.475, 0.4], leftShoulder: [0.59, 0.5], rightShoulder: [0.41, 0.5] });
		expect(neckHeightRatio(a)!).toBeCloseTo(neckHeightRatio(b)!, 5);
	});

	it('rises when turned away (never reads slumped side-on)', () => {
		expect(neckHeightRatio(photo(SIT, 90).body)!).toBeGreaterThan(1);
	});

	it('uses the face midline for a hidden shoulder; null without ears', () => {
		const one = drawnBody({ nose: [0.5, 0.32], leftEar: [0.55, 0.3], rightEar: [0.45, 0.3], leftShoulder: [0.68, 0.5] });
		expect(neckHeightRatio(one)!).toBeCloseTo(0.2 / 0.36, 2);
		expect(neckHeightRatio(drawnBody({ leftShoulder: [0.68, 0.5], rightShoulder: [0.32, 0.5] }))).toBeNull();
	});
});
