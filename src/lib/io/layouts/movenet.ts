/**
 * MoveNet / COCO-17 keypoints to MediaPipe's 33 landmarks.
 *
 * MoveNet reports each keypoint as (y, x, score) with y FIRST, both 0..1 of the input image. Its 17
 * points map onto MediaPipe's: nose 0, eyes 2/5, ears 7/8, shoulders 11/12, elbows 13/14, wrists
 * 15/16, hips 23/24, knees 25/26, ankles 27/28; the other 16 MediaPipe points stay null.
 *
 * The score is a keypoint confidence, not MediaPipe's visibility: MoveNet's own demos draw a point
 * from a score of 0.3 (tfjs-models pose-detection, `scoreThreshold`), MediaPipe's from a visibility of
 * 0.5. The score is mapped piecewise-linearly so that those two cut-offs meet (0 -> 0, 0.3 -> 0.5,
 * 1 -> 1), keeping the order of the scores.
 */
import type { Landmark } from '../../pose/types';
import { LM, LANDMARK_COUNT } from '../../pose/landmarks';

export const MOVENET_KEYPOINTS = [
	['nose', LM.nose],
	['left_eye', LM.leftEye],
	['right_eye', LM.rightEye],
	['left_ear', LM.leftEar],
	['right_ear', LM.rightEar],
	['left_shoulder', LM.leftShoulder],
	['right_shoulder', LM.rightShoulder],
	['left_elbow', LM.leftElbow],
	['right_elbow', LM.rightElbow],
	['left_wrist', LM.leftWrist],
	['right_wrist', LM.rightWrist],
	['left_hip', LM.leftHip],
	['right_hip', LM.rightHip],
	['left_knee', LM.leftKnee],
	['right_knee', LM.rightKnee],
	['left_ankle', LM.leftAnkle],
	['right_ankle', LM.rightAnkle]
] as const;

/** MoveNet's usual drawing threshold, mapped onto MediaPipe's 0.5 visibility gate. */
export const MOVENET_SCORE_AT_HALF = 0.3;

export function moveNetScoreToVisibility(score: number): number {
	const s = Math.max(0, Math.min(1, score));
	return s <= MOVENET_SCORE_AT_HALF
		? (0.5 * s) / MOVENET_SCORE_AT_HALF
		: 0.5 + (0.5 * (s - MOVENET_SCORE_AT_HALF)) / (1 - MOVENET_SCORE_AT_HALF);
}

/**
 * One row of named MoveNet columns (`<kp>_y`, `<kp>_x`, `<kp>_conf`) as MediaPipe landmarks.
 * A keypoint whose x or y is missing or not a number is null.
 */
export function moveNetToLandmarks(row: Readonly<Record<string, string | number>>): Array<Landmark | null> {
	const out: Array<Landmark | null> = new Array(LANDMARK_COUNT).fill(null);
	const num = (k: string) => {
		const v = row[k];
		const n = typeof v === 'number' ? v : v === undefined || v === '' ? NaN : Number(v);
		return Number.isFinite(n) ? n : null;
	};
	for (const [name, idx] of MOVENET_KEYPOINTS) {
		const y = num(`${name}_y`);
		const x = num(`${name}_x`);
		if (x === null || y === null) continue;
		const conf = num(`${name}_conf`) ?? num(`${name}_score`);
		out[idx] = conf === null ? { x, y } : { x, y, visibility: moveNetScoreToVisibility(conf) };
	}
	return out;
}
