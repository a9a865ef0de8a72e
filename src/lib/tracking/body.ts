/**
 * Body geometry shared by tracking and workout detection: where a person is, how big they are,
 * and a coarse appearance-free signature of their proportions.
 *
 * All measures are in "aspect-corrected image units": x is multiplied by the frame's aspect
 * (width / height) so that one unit is the frame height in both directions.
 */
import type { Landmark, PersonPose, PoseFrame } from '../pose/types';
import { LM } from '../pose/landmarks';

/** Visibility below this counts as "not seen". Landmarks without a visibility field count as seen. */
export const MIN_VISIBILITY = 0.5;

export interface Point2 {
	x: number;
	y: number;
}

/** width / height of the frame, or 1 when the frame size is unknown (a consistent scale is all we need). */
export function frameAspect(frame: Pick<PoseFrame, 'width' | 'height'>): number {
	const { width, height } = frame;
	return width && height && width > 0 && height > 0 ? width / height : 1;
}

/** The landmark if present, finite and visible enough, else null. */
export function seen(lm: Landmark | null | undefined, minVisibility = MIN_VISIBILITY): Landmark | null {
	if (!lm || !Number.isFinite(lm.x) || !Number.isFinite(lm.y)) return null;
	if (lm.visibility !== undefined && lm.visibility < minVisibility) return null;
	return lm;
}

/** A visible landmark as an aspect-corrected point, or null. */
export function pt(person: PersonPose, index: number, aspect: number): Point2 | null {
	const lm = seen(person.landmarks[index]);
	return lm ? { x: lm.x * aspect, y: lm.y } : null;
}

export function dist(a: Point2, b: Point2): number {
	return Math.hypot(a.x - b.x, a.y - b.y);
}

export function mid(a: Point2 | null, b: Point2 | null): Point2 | null {
	if (a && b) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
	return a ?? b;
}

/** Key points of the upper body and hips (any may be null). */
export interface BodyPoints {
	nose: Point2 | null;
	earMid: Point2 | null;
	shoulderL: Point2 | null;
	shoulderR: Point2 | null;
	hipL: Point2 | null;
	hipR: Point2 | null;
	shoulderMid: Point2 | null;
	hipMid: Point2 | null;
}

export function bodyPoints(person: PersonPose, aspect: number): BodyPoints {
	const shoulderL = pt(person, LM.leftShoulder, aspect);
	const shoulderR = pt(person, LM.rightShoulder, aspect);
	const hipL = pt(person, LM.leftHip, aspect);
	const hipR = pt(person, LM.rightHip, aspect);
	return {
		nose: pt(person, LM.nose, aspect),
		earMid: mid(pt(person, LM.leftEar, aspect), pt(person, LM.rightEar, aspect)),
		shoulderL,
		shoulderR,
		hipL,
		hipR,
		shoulderMid: shoulderL && shoulderR ? mid(shoulderL, shoulderR) : null,
		hipMid: hipL && hipR ? mid(hipL, hipR) : null
	};
}

/**
 * Torso centre: midpoint of shoulders and hips when all are seen; shoulder midpoint when the hips
 * are off-screen (desk webcam); otherwise the mean of whatever head/shoulder/hip points are seen.
 */
export function bodyCentre(person: PersonPose, aspect: number): Point2 | null {
	const b = bodyPoints(person, aspect);
	if (b.shoulderMid && b.hipMid) return mid(b.shoulderMid, b.hipMid);
	if (b.shoulderMid) return b.shoulderMid;
	const any = [b.shoulderL, b.shoulderR, b.hipL, b.hipR, b.nose, b.earMid].filter(
		(p): p is Point2 => p !== null
	);
	if (any.length === 0) return null;
	return {
		x: any.reduce((s, p) => s + p.x, 0) / any.length,
		y: any.reduce((s, p) => s + p.y, 0) / any.length
	};
}

/**
 * Body size in aspect-corrected units, robust to the view: the largest of
 * torso length, 1.3 x shoulder width, 2.5 x ear-to-shoulder height, 4 x nose-to-ear span.
 * The multipliers bring each measure to roughly torso length for an adult, so whichever is
 * least foreshortened wins. Null when nothing measurable is seen.
 */
export function bodyScale(person: PersonPose, aspect: number): number | null {
	const b = bodyPoints(person, aspect);
	const cands: number[] = [];
	if (b.shoulderMid && b.hipMid) cands.push(dist(b.shoulderMid, b.hipMid));
	else if (b.shoulderL && b.hipL) cands.push(dist(b.shoulderL, b.hipL));
	else if (b.shoulderR && b.hipR) cands.push(dist(b.shoulderR, b.hipR));
	if (b.shoulderL && b.shoulderR) cands.push(1.3 * dist(b.shoulderL, b.shoulderR));
	if (b.shoulderMid && b.earMid) cands.push(2.5 * dist(b.shoulderMid, b.earMid));
	const earL = pt(person, LM.leftEar, aspect);
	const earR = pt(person, LM.rightEar, aspect);
	if (earL && earR) cands.push(4 * dist(earL, earR));
	const s = cands.length ? Math.max(...cands) : 0;
	return s > 1e-6 ? s : null;
}

/** Segments whose length (over body scale) makes up the proportion signature. */
export const SIGNATURE_SEGMENTS: ReadonlyArray<readonly [number, number]> = [
	[LM.leftShoulder, LM.rightShoulder],
	[LM.leftEar, LM.rightEar],
	[LM.leftShoulder, LM.leftElbow],
	[LM.rightShoulder, LM.rightElbow],
	[LM.leftElbow, LM.leftWrist],
	[LM.rightElbow, LM.rightWrist],
	[LM.leftHip, LM.rightHip],
	[LM.leftHip, LM.leftKnee],
	[LM.rightHip, LM.rightKnee],
	[LM.leftKnee, LM.leftAnkle],
	[LM.rightKnee, LM.rightAnkle]
];

/**
 * Limb-proportion signature: each segment's length divided by body scale (NaN when not seen).
 * Proportions are 2D and so foreshortened by the view; the tracker weighs them lightly.
 */
export function limbSignature(person: PersonPose, aspect: number, scale?: number | null): number[] {
	const s = scale ?? bodyScale(person, aspect);
	return SIGNATURE_SEGMENTS.map(([a, b]) => {
		const pa = pt(person, a, aspect);
		const pb = pt(person, b, aspect);
		return s && pa && pb ? dist(pa, pb) / s : NaN;
	});
}

/**
 * Mean absolute log-ratio between two signatures over segments seen in both (ignoring tiny
 * segments, whose ratios are noise). NaN when fewer than two segments are comparable.
 */
export function signatureDistance(a: readonly number[], b: readonly number[]): number {
	let sum = 0;
	let n = 0;
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		const x = a[i];
		const y = b[i];
		if (!Number.isFinite(x) || !Number.isFinite(y) || x < 0.05 || y < 0.05) continue;
		sum += Math.abs(Math.log(x / y));
		n++;
	}
	return n >= 2 ? sum / n : NaN;
}

/** Number of landmarks seen (visible enough). */
export function seenCount(person: PersonPose): number {
	let n = 0;
	for (const lm of person.landmarks) if (seen(lm)) n++;
	return n;
}
