/** Is the camera placed so that a use case can see what it needs? Pure: landmarks in, checklist out. */
import { LM } from '$lib/pose/landmarks';
import type { PoseLandmarks } from '$lib/pose/types';

export type Framing = 'desk' | 'whole_body';

export interface PlacementItem {
	what: string;
	ok: boolean;
}

const seen = (landmarks: PoseLandmarks, i: number) => {
	const l = landmarks[i];
	return !!l && (l.visibility ?? 1) >= 0.5 && l.x >= 0 && l.x <= 1 && l.y >= 0 && l.y <= 1;
};
const either = (landmarks: PoseLandmarks, a: number, b: number) => seen(landmarks, a) || seen(landmarks, b);

export function placementChecklist(landmarks: PoseLandmarks | null, framing: Framing): PlacementItem[] {
	if (!landmarks) return [{ what: 'A person in view', ok: false }];
	const items: PlacementItem[] = [
		{ what: 'Your face', ok: seen(landmarks, LM.nose) },
		{ what: 'An ear', ok: either(landmarks, LM.leftEar, LM.rightEar) },
		{ what: 'Both shoulders', ok: seen(landmarks, LM.leftShoulder) && seen(landmarks, LM.rightShoulder) }
	];
	if (framing === 'whole_body') {
		items.push(
			{ what: 'Hips', ok: either(landmarks, LM.leftHip, LM.rightHip) },
			{ what: 'Knees', ok: either(landmarks, LM.leftKnee, LM.rightKnee) },
			{ what: 'Feet', ok: either(landmarks, LM.leftAnkle, LM.rightAnkle) }
		);
	}
	return items;
}
