/**
 * Upper-body pose embedding for personal calibration (MediaPipe-guide style: centred on the
 * shoulders, scaled by shoulder width, a few roughly independent measures of the head and
 * shoulders). Needs only nose, shoulders and one ear (or both eyes), so it works on desk-webcam frames
 * where the hips are off-screen and the head is turned a little; eyes are used only when no ear is seen.
 *
 * Coordinates: aspect-corrected image units (x * width / height, y), y down.
 */
import type { PersonPose } from '../pose/types';
import { LM } from '../pose/landmarks';
import { dist, mid, pt, seen } from '../tracking/body';
import { OFF_FRAME_MARGIN } from '../features/geometry';

export const EMBEDDING_FEATURES = [
	/** Ear midpoint above the shoulder midpoint, over shoulder width (drops when slouching / head forward). */
	'headHeight',
	/** Nose below the ear midpoint, over shoulder width (+ looking down, - chin up). */
	'headPitch',
	/** Ear midpoint to the side of the shoulder midpoint, over shoulder width (lateral lean). */
	'headOffset',
	/** Right shoulder below the left, over shoulder width (shoulder line tilt). */
	'shoulderTilt',
	/** Left ear below the right, over ear span (head roll). */
	'headRoll',
	/** Ear span over shoulder width (head nearer the camera than the shoulders: forward head). */
	'faceSize',
	/** log shoulder width (nearer / farther from the camera): framing-dependent. */
	'logWidth',
	/** Shoulder midpoint height in the frame (0 top .. 1 bottom): framing-dependent. */
	'shoulderY',
	/** Nose nearer the camera than the shoulders, over shoulder width (landmark z, on x's scale; NaN without z). */
	'noseForward'
] as const;

export type EmbeddingFeature = (typeof EMBEDDING_FEATURES)[number];
export const EMBEDDING_DIM = EMBEDDING_FEATURES.length;

/** Indices of the features computed from landmark z. */
export const DEPTH_FEATURES: readonly number[] = [8];

/** Direction of each feature that means "worse": -1 lower is worse, +1 higher is worse, 0 either way. */
export const SLOUCH_DIRECTION: readonly number[] = [-1, 0, 0, 0, 0, 1, 0, 1, 1];

/**
 * Typical drift of each feature while a person keeps sitting upright over a session (not just the few
 * seconds recorded): a prior added to the calibration's own covariance. From anatomy: shoulder width
 * ~35-40 cm, so 0.06 w ~ 2 cm of head height; ~8 % distance change to the camera; MediaPipe's landmark
 * z is noisy, hence the wide prior on noseForward.
 */
export const PRIOR_SD: readonly number[] = [0.06, 0.05, 0.08, 0.05, 0.15, 0.04, 0.08, 0.03, 0.25];

/** Landmarks the embedding needs (nose, ears or eyes, shoulders). */
export const EMBEDDING_LANDMARKS: readonly number[] = [
	LM.nose,
	LM.leftEye,
	LM.rightEye,
	LM.leftEar,
	LM.rightEar,
	LM.leftShoulder,
	LM.rightShoulder
];

/** Shoulder midpoint and width: where and how big the person is in the frame. */
export interface Framing {
	centreX: number;
	centreY: number;
	shoulderWidth: number;
}

export function framingOf(person: PersonPose, aspect: number): Framing | null {
	const l = pt(person, LM.leftShoulder, aspect);
	const r = pt(person, LM.rightShoulder, aspect);
	if (!l || !r) return null;
	const w = dist(l, r);
	if (!(w > 1e-4)) return null;
	return { centreX: (l.x + r.x) / 2, centreY: (l.y + r.y) / 2, shoulderWidth: w };
}

/**
 * The embedding as a vector of EMBEDDING_DIM numbers (NaN where not measurable), or null when the
 * shoulders, the nose, or an ear and both eyes are not seen.
 */
export function embed(person: PersonPose, aspect: number, out?: Float64Array): Float64Array | null {
	const l = pt(person, LM.leftShoulder, aspect);
	const r = pt(person, LM.rightShoulder, aspect);
	const nose = pt(person, LM.nose, aspect);
	if (!l || !r || !nose) return null;
	const w = dist(l, r);
	if (!(w > 1e-4)) return null;
	let earL = pt(person, LM.leftEar, aspect);
	let earR = pt(person, LM.rightEar, aspect);
	// A head turned a little hides one ear, and that is normal: the one seen gives the ears' height
	// (span and roll need both).
	const oneEar = (earL === null) !== (earR === null);
	if (!earL && !earR) {
		// Fall back to the eyes, shifted to ear level (eyes sit ~0.05 shoulder widths above the ears).
		const eyeL = pt(person, LM.leftEye, aspect);
		const eyeR = pt(person, LM.rightEye, aspect);
		if (!eyeL || !eyeR) return null;
		earL = { x: eyeL.x, y: eyeL.y + 0.05 * w };
		earR = { x: eyeR.x, y: eyeR.y + 0.05 * w };
	}
	const ears = mid(earL, earR)!;
	const sx = (l.x + r.x) / 2;
	const sy = (l.y + r.y) / 2;
	const earSpan = oneEar ? NaN : dist(earL!, earR!);
	const v = out ?? new Float64Array(EMBEDDING_DIM);
	v[0] = (sy - ears.y) / w;
	v[1] = (nose.y - ears.y) / w;
	// one ear sits to the side of the head's centre: the nose says where the head is then
	v[2] = ((oneEar ? nose.x : ears.x) - sx) / w;
	v[3] = (r.y - l.y) / w;
	v[4] = earSpan > 1e-4 ? (earL!.y - earR!.y) / earSpan : NaN;
	v[5] = earSpan / w;
	v[6] = Math.log(w);
	v[7] = sy;
	const nz = seen(person.landmarks[LM.nose])?.z;
	const lz = seen(person.landmarks[LM.leftShoulder])?.z;
	const rz = seen(person.landmarks[LM.rightShoulder])?.z;
	v[8] =
		nz !== undefined && lz !== undefined && rz !== undefined && Number.isFinite(nz + lz + rz)
			? (((lz + rz) / 2 - nz) * aspect) / w
			: NaN;
	return v;
}

/**
 * True when the hips are seen (full body in frame rather than a desk webcam's head and shoulders): visible
 * enough and inside the frame. A source without visibility still says where the pose model put hips it
 * only guessed, below the frame's bottom edge: those are not seen.
 */
export function hipsSeen(person: PersonPose): boolean {
	const inFrame = (i: number) => {
		const l = seen(person.landmarks[i]);
		return l !== null && l.y <= 1 + OFF_FRAME_MARGIN && l.y >= -OFF_FRAME_MARGIN && l.x >= -OFF_FRAME_MARGIN && l.x <= 1 + OFF_FRAME_MARGIN;
	};
	return inFrame(LM.leftHip) || inFrame(LM.rightHip);
}
