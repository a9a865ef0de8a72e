/**
 * The upper-body pose embedding for the desk slouch model: what the head and shoulders show, made
 * independent of where the person sits in the picture and how far from the camera (every length over
 * the shoulder width, as in MediaPipe's pose classification guide), from whatever is seen of nose,
 * eyes, ears and shoulders. Needs both shoulders and the nose or an ear; eyes, a second ear, z and
 * visibility are optional (missing values are NaN, the model knows what to do with them).
 */
import { LM } from '../pose/landmarks';
import type { Body, Vec3 } from './types';
import { at, mid2 } from './geometry';

export const UPPER_BODY_FEATURES = [
	/** Ears (their midpoint, or the one seen) above the shoulder midpoint. */
	'earHeight',
	/** Nose above the shoulder midpoint. */
	'noseHeight',
	/** Eyes' midpoint above the shoulder midpoint. */
	'eyeHeight',
	/** Distance between the ears (face size against the shoulders: the head comes forward). */
	'earSpan',
	/** Distance between the eyes. */
	'eyeSpan',
	/** Nose to the side of the shoulder midpoint, unsigned (a turned or leaning head). */
	'headOffset',
	/** One shoulder higher than the other, unsigned. */
	'shoulderTilt'
] as const;

export const UPPER_BODY_DIM = UPPER_BODY_FEATURES.length;

/** The points both head-and-shoulders descriptions read (upperBodyEmbedding, upperBodyPose). */
export interface HeadAndShoulders {
	ls: Vec3;
	rs: Vec3;
	/** Shoulder width, the unit of every length. */
	w: number;
	nose: Vec3 | null;
	le: Vec3 | null;
	re: Vec3 | null;
	/** The ears' midpoint, or the one ear seen. */
	ears: Vec3 | null;
	lEye: Vec3 | null;
	rEye: Vec3 | null;
	eyes: Vec3 | null;
	/** Shoulder midpoint. */
	sx: number;
	sy: number;
}

/** Null without both shoulders (apart) and a nose or an ear. */
export function headAndShoulders(body: Body): HeadAndShoulders | null {
	const ls = at(body, LM.leftShoulder);
	const rs = at(body, LM.rightShoulder);
	if (!ls || !rs) return null;
	const w = Math.hypot(ls.x - rs.x, ls.y - rs.y);
	if (!(w > 1e-4)) return null;
	const nose = at(body, LM.nose);
	const le = at(body, LM.leftEar);
	const re = at(body, LM.rightEar);
	if (!nose && !le && !re) return null;
	const ears: Vec3 | null = le && re ? mid2(le, re) : (le ?? re);
	const lEye = at(body, LM.leftEye);
	const rEye = at(body, LM.rightEye);
	const eyes = mid2(lEye, rEye);
	return { ls, rs, w, nose, le, re, ears, lEye, rEye, eyes, sx: (ls.x + rs.x) / 2, sy: (ls.y + rs.y) / 2 };
}

/**
 * The embedding (lengths over shoulder width, heights positive upwards), NaN where not measurable,
 * or null without both shoulders and a nose or an ear.
 */
export function upperBodyEmbedding(body: Body, out?: Float64Array): Float64Array | null {
	const seen = headAndShoulders(body);
	if (!seen) return null;
	const { ls, rs, w, nose, le, re, ears, lEye, rEye, eyes, sx, sy } = seen;
	const v = out ?? new Float64Array(UPPER_BODY_DIM);
	v[0] = ears ? (sy - ears.y) / w : NaN;
	v[1] = nose ? (sy - nose.y) / w : NaN;
	v[2] = eyes ? (sy - eyes.y) / w : NaN;
	v[3] = le && re ? Math.hypot(le.x - re.x, le.y - re.y) / w : NaN;
	v[4] = lEye && rEye ? Math.hypot(lEye.x - rEye.x, lEye.y - rEye.y) / w : NaN;
	const head = nose ?? ears!;
	v[5] = Math.abs(head.x - sx) / w;
	v[6] = Math.abs(ls.y - rs.y) / w;
	return v;
}
