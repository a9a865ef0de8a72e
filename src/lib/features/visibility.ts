import { LM } from '../pose/landmarks';
import type { BodyPoints, Coverage } from './types';

const any = (bp: BodyPoints, ...idx: number[]) => idx.some((i) => bp.p[i] !== null);

/**
 * Visibility gating: which body parts are seen well enough to measure (present, in frame and at
 * least 0.5 visible). Features needing an unseen part return null; the classifier says 'unknown'
 * when too little is seen to tell what the back is doing.
 */
export function coverage(bp: BodyPoints): Coverage {
	const face = any(bp, LM.nose, LM.leftEar, LM.rightEar, LM.leftEye, LM.rightEye);
	const shoulders = any(bp, LM.leftShoulder, LM.rightShoulder);
	const hips = any(bp, LM.leftHip, LM.rightHip);
	return {
		face,
		shoulders,
		hips,
		knees: any(bp, LM.leftKnee, LM.rightKnee),
		ankles: any(bp, LM.leftAnkle, LM.rightAnkle),
		wrists: any(bp, LM.leftWrist, LM.rightWrist),
		elbows: any(bp, LM.leftElbow, LM.rightElbow),
		upperBodyOnly: face && shoulders && !hips
	};
}
