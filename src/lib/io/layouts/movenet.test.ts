import { describe, expect, it } from 'vitest';
import { LM } from '../../pose/landmarks';
import { moveNetScoreToVisibility, moveNetToLandmarks } from './movenet';

describe('moveNetToLandmarks', () => {
	it('reads y first and puts each COCO point on its MediaPipe index', () => {
		const lm = moveNetToLandmarks({ nose_y: '0.3', nose_x: '0.7', nose_conf: '0.9', left_shoulder_y: 0.8, left_shoulder_x: 0.83, left_shoulder_conf: 0.6, right_ankle_y: 1.1, right_ankle_x: 0.4, right_ankle_conf: 0.01 });
		expect(lm).toHaveLength(33);
		expect(lm[LM.nose]!.x).toBeCloseTo(0.7);
		expect(lm[LM.nose]!.y).toBeCloseTo(0.3);
		expect(lm[LM.leftShoulder]!.x).toBeCloseTo(0.83);
		expect(lm[LM.leftShoulder]!.y).toBeCloseTo(0.8);
		expect(lm[LM.rightAnkle]!.y).toBeCloseTo(1.1);
		// points MoveNet does not have
		expect(lm[LM.leftEyeInner]).toBeNull();
		expect(lm[LM.mouthLeft]).toBeNull();
		expect(lm[LM.leftHeel]).toBeNull();
		// keypoints absent from the row
		expect(lm[LM.leftEar]).toBeNull();
	});
	it('maps the score so that MoveNet draws what MediaPipe would draw', () => {
		expect(moveNetScoreToVisibility(0)).toBe(0);
		expect(moveNetScoreToVisibility(0.3)).toBeCloseTo(0.5);
		expect(moveNetScoreToVisibility(1)).toBe(1);
		expect(moveNetScoreToVisibility(0.2)).toBeLessThan(0.5);
		expect(moveNetScoreToVisibility(0.4)).toBeGreaterThan(0.5);
		const lm = moveNetToLandmarks({ nose_y: 0.3, nose_x: 0.7, nose_conf: 0.01 });
		expect(lm[LM.nose]!.visibility).toBeLessThan(0.05);
	});
});
