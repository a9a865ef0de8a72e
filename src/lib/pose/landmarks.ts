/** MediaPipe BlazePose landmark indices (33 points). Names follow MediaPipe's own. */
export const LM = {
	nose: 0,
	leftEyeInner: 1,
	leftEye: 2,
	leftEyeOuter: 3,
	rightEyeInner: 4,
	rightEye: 5,
	rightEyeOuter: 6,
	leftEar: 7,
	rightEar: 8,
	mouthLeft: 9,
	mouthRight: 10,
	leftShoulder: 11,
	rightShoulder: 12,
	leftElbow: 13,
	rightElbow: 14,
	leftWrist: 15,
	rightWrist: 16,
	leftPinky: 17,
	rightPinky: 18,
	leftIndex: 19,
	rightIndex: 20,
	leftThumb: 21,
	rightThumb: 22,
	leftHip: 23,
	rightHip: 24,
	leftKnee: 25,
	rightKnee: 26,
	leftAnkle: 27,
	rightAnkle: 28,
	leftHeel: 29,
	rightHeel: 30,
	leftFootIndex: 31,
	rightFootIndex: 32
} as const;

export type LandmarkName = keyof typeof LM;
export const LANDMARK_COUNT = 33;

/**
 * Every body part, one landmark each: the nose for the head (the face's eleven points would outvote the
 * body), shoulders, elbows, wrists, hips, knees, ankles.
 */
export const BODY_PARTS: readonly number[] = [
	LM.nose,
	LM.leftShoulder,
	LM.rightShoulder,
	LM.leftElbow,
	LM.rightElbow,
	LM.leftWrist,
	LM.rightWrist,
	LM.leftHip,
	LM.rightHip,
	LM.leftKnee,
	LM.rightKnee,
	LM.leftAnkle,
	LM.rightAnkle
];

/** Bones drawn for the skeleton overlay (pairs of indices), MediaPipe's POSE_CONNECTIONS minus the face mesh. */
export const SKELETON_BONES: ReadonlyArray<readonly [number, number]> = [
	[LM.leftEar, LM.leftEye],
	[LM.leftEye, LM.nose],
	[LM.nose, LM.rightEye],
	[LM.rightEye, LM.rightEar],
	[LM.leftShoulder, LM.rightShoulder],
	[LM.leftShoulder, LM.leftElbow],
	[LM.leftElbow, LM.leftWrist],
	[LM.rightShoulder, LM.rightElbow],
	[LM.rightElbow, LM.rightWrist],
	[LM.leftShoulder, LM.leftHip],
	[LM.rightShoulder, LM.rightHip],
	[LM.leftHip, LM.rightHip],
	[LM.leftHip, LM.leftKnee],
	[LM.leftKnee, LM.leftAnkle],
	[LM.rightHip, LM.rightKnee],
	[LM.rightKnee, LM.rightAnkle],
	[LM.leftAnkle, LM.leftHeel],
	[LM.leftHeel, LM.leftFootIndex],
	[LM.leftAnkle, LM.leftFootIndex],
	[LM.rightAnkle, LM.rightHeel],
	[LM.rightHeel, LM.rightFootIndex],
	[LM.rightAnkle, LM.rightFootIndex]
];
