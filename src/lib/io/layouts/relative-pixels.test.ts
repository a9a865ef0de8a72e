import { describe, expect, it } from 'vitest';
import { LM } from '../../pose/landmarks';
import { dontSlouchRowToLandmarks, relativePixelsToLandmarks, VIRTUAL_FRAME_PX } from './relative-pixels';

describe('relativePixelsToLandmarks', () => {
	it('keeps every pixel distance and angle between the points (aspect 1)', () => {
		const lm = relativePixelsToLandmarks([
			{ index: LM.leftShoulder, x: 380, y: 10 },
			{ index: LM.nose, x: 190, y: -200 }
		]);
		const rs = lm[LM.rightShoulder]!;
		const ls = lm[LM.leftShoulder]!;
		const nose = lm[LM.nose]!;
		expect((ls.x - rs.x) * VIRTUAL_FRAME_PX).toBeCloseTo(380);
		expect((ls.y - rs.y) * VIRTUAL_FRAME_PX).toBeCloseTo(10);
		expect((nose.y - rs.y) * VIRTUAL_FRAME_PX).toBeCloseTo(-200);
		// nose above the shoulders, all inside the frame
		for (const p of [rs, ls, nose]) {
			expect(p.x).toBeGreaterThan(0);
			expect(p.x).toBeLessThan(1);
			expect(p.y).toBeGreaterThan(0);
			expect(p.y).toBeLessThan(1);
		}
		expect(lm[LM.leftEar]).toBeNull();
	});
	it('reads a dontSlouch row by its column names', () => {
		const row: Record<string, string> = {
			'Nose X': '245.5',
			'Nose Y': '-94.7',
			'Nose Z': '-1327.6',
			'Left Shoulder X': '570.0',
			'Left Shoulder Y': '20.4',
			'Left Shoulder Z': '-779.6',
			'Right Shoulder Z': '-756.5',
			'Left Eye X': '306.2',
			'Left Eye Y': '-160.5',
			'Left Eye Z': '-1335',
			'Right Eye X': '173.4',
			'Right Eye Y': '-151.4',
			'Right Eye Z': '-1332',
			'Left Lip X': '294.3',
			'Left Lip Y': '-40.6',
			'Left Lip Z': '-1216',
			'Right Lip X': '202.9',
			'Right Lip Y': '-31.8',
			'Right Lip Z': '-1209',
			Label: 'bad'
		};
		const lm = dontSlouchRowToLandmarks(row);
		expect((lm[LM.leftShoulder]!.x - lm[LM.rightShoulder]!.x) * VIRTUAL_FRAME_PX).toBeCloseTo(570);
		expect((lm[LM.nose]!.y - lm[LM.rightShoulder]!.y) * VIRTUAL_FRAME_PX).toBeCloseTo(-94.7);
		expect(lm[LM.mouthLeft]).not.toBeNull();
		expect(lm[LM.leftEye]!.x).toBeGreaterThan(lm[LM.rightEye]!.x);
		expect(lm[LM.rightShoulder]!.z).toBeCloseTo(-756.5 / VIRTUAL_FRAME_PX);
		expect(lm[LM.leftEar]).toBeNull();
	});
});
