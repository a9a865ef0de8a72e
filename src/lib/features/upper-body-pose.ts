/**
 * Where the head and shoulders are, for comparing a person with their own upright (the personal slouch
 * model): the upper-body embedding's heights and spans over shoulder width, with the head's offset and
 * the shoulder line's tilt signed (a head that moves from one side to the other moved), plus the framing
 * (shoulder width and height in the picture), which says nothing across people but does say, against
 * the same person at the same camera, that they came nearer or sank down.
 * From whatever is seen of nose, eyes, ears and shoulders, NaN where not measurable.
 */
import type { Body, Vec3 } from './types';
import { headAndShoulders } from './upper-body';

export const UPPER_BODY_POSE_FEATURES = [
	/** Ears (their midpoint, or the one seen) above the shoulder midpoint, over shoulder width. */
	'earHeight',
	/** Nose above the shoulder midpoint. */
	'noseHeight',
	/** Eyes' midpoint above the shoulder midpoint. */
	'eyeHeight',
	/** Distance between the ears, as a frontal face would show it (see `frontal`). */
	'earSpan',
	/** Distance between the eyes, as a frontal face would show it. */
	'eyeSpan',
	/** The head's centre (ears' midpoint, else eyes', else the nose) to the picture's right of the shoulder midpoint. */
	'headOffset',
	/** Right shoulder (person's right) lower than the left. */
	'shoulderTilt',
	/** log of the shoulder width in frame heights (nearer the camera: larger). */
	'logShoulderWidth',
	/** Shoulder midpoint's height in the frame (0 top, 1 bottom). */
	'shoulderY'
] as const;

export const UPPER_BODY_POSE_DIM = UPPER_BODY_POSE_FEATURES.length;

/**
 * The nose tip's depth in front of the ears' (eyes') line over that span, for a frontal face: 0.105 m in
 * front of the ear axis over ~0.13 m between MediaPipe's ear points; 0.025 m in front of the eyes over 0.064 m.
 */
const EAR_NOSE_DEPTH = 0.8;
const EYE_NOSE_DEPTH = 0.39;

/** The vector, or null without both shoulders and a nose or an ear. Image bodies only (frame-height units). */
export function upperBodyPose(body: Body, out?: Float64Array): Float64Array | null {
	const seen = headAndShoulders(body);
	if (!seen) return null;
	const { ls, rs, w, nose, le, re, ears, lEye, rEye, eyes, sx, sy } = seen;
	const v = out ?? new Float64Array(UPPER_BODY_POSE_DIM);
	v[0] = ears ? (sy - ears.y) / w : NaN;
	v[1] = nose ? (sy - nose.y) / w : NaN;
	v[2] = eyes ? (sy - eyes.y) / w : NaN;
	// A head turned by yaw shows its spans shortened by cos(yaw), and the nose off the eyes' (ears') midpoint
	// by sin(yaw) times the nose's depth in front of them: the spans are put back to a frontal view so that
	// turning to the screen's edge, or back from it, is not read as the face coming nearer.
	const earSpan = le && re ? Math.hypot(le.x - re.x, le.y - re.y) : NaN;
	const eyeSpan = lEye && rEye ? Math.hypot(lEye.x - rEye.x, lEye.y - rEye.y) : NaN;
	const frontal = (span: number, centre: Vec3 | null, depthRatio: number) => {
		if (!(span > 1e-6) || !nose || !centre) return span;
		const tan = (nose.x - centre.x) / (span * depthRatio);
		return span * Math.sqrt(1 + Math.min(4, tan * tan));
	};
	v[3] = frontal(earSpan, ears, EAR_NOSE_DEPTH) / w;
	v[4] = frontal(eyeSpan, eyes, EYE_NOSE_DEPTH) / w;
	// the head's centre: the ears' midpoint turns with the head least, then the eyes', then the nose
	const head = le && re ? ears! : (eyes ?? nose ?? ears!);
	v[5] = (head.x - sx) / w;
	v[6] = (rs.y - ls.y) / w;
	v[7] = body.source === 'image' ? Math.log(w) : NaN;
	v[8] = body.source === 'image' ? sy : NaN;
	return v;
}
