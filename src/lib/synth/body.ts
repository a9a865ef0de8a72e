/**
 * Body dimensions as fractions of stature H, varied per person. The trunk (0.29 H, hip to shoulder
 * joint height in Drillis & Contini / Winter's tables) anchors the scale; the other segments are
 * MediaPipe's landmark-to-landmark lengths relative to it, measured on the PosePilot recordings of
 * people standing still (upper arm 0.51, forearm 0.445, thigh 0.79, shank 0.72, shoulder width 0.68
 * and hip width 0.4 trunk lengths): the pose model's landmarks are not anatomical joint centres.
 */
import type { Rng } from './math';

export interface BodyDims {
	/** Stature in metres. */
	height: number;
	/** Distance between the hip landmarks. */
	hipWidth: number;
	/** Distance between the shoulder landmarks. */
	shoulderWidth: number;
	/** Mid-hip to the mid-back bend point, and mid-back to mid-shoulders. */
	lumbar: number;
	thoracic: number;
	/** Mid-shoulders to the ears' midpoint (neck plus lower head). */
	neck: number;
	/** Scale of the face landmark offsets (1 = an average adult head). */
	head: number;
	upperArm: number;
	forearm: number;
	/** Wrist to the knuckle landmarks. */
	hand: number;
	thigh: number;
	shank: number;
	/** Ankle height above the sole, and foot length. */
	ankleHeight: number;
	foot: number;
}

/** Segment fractions of stature for an average adult. */
export const RATIOS = {
	hipWidth: 0.116,
	shoulderWidth: 0.197,
	lumbar: 0.115,
	thoracic: 0.175,
	neck: 0.118,
	upperArm: 0.148,
	forearm: 0.129,
	hand: 0.05,
	thigh: 0.229,
	shank: 0.209,
	ankleHeight: 0.039,
	foot: 0.152
} as const;

/** The average adult (1.72 m), e.g. for a canonical reference pose. */
export function averageBody(height = 1.72): BodyDims {
	const d = { height, head: height / 1.72 } as BodyDims;
	for (const [k, r] of Object.entries(RATIOS)) (d as unknown as Record<string, number>)[k] = r * height;
	return d;
}

/**
 * A random adult: stature 1.50-1.95 m, each segment ratio varied by a few percent (widths more,
 * as shoulders and hips vary most between people).
 */
export function randomBody(r: Rng): BodyDims {
	const height = Math.min(1.95, Math.max(1.5, r.normal(1.71, 0.1)));
	const d = averageBody(height);
	const vary = (k: keyof typeof RATIOS, sd: number) => {
		d[k] = RATIOS[k] * height * Math.min(1 + 2.5 * sd, Math.max(1 - 2.5 * sd, r.normal(1, sd)));
	};
	vary('hipWidth', 0.08);
	vary('shoulderWidth', 0.07);
	vary('lumbar', 0.05);
	vary('thoracic', 0.04);
	vary('neck', 0.08);
	vary('upperArm', 0.04);
	vary('forearm', 0.04);
	vary('hand', 0.05);
	vary('thigh', 0.04);
	vary('shank', 0.04);
	vary('ankleHeight', 0.05);
	vary('foot', 0.05);
	d.head = (height / 1.72) * r.normal(1, 0.04);
	return d;
}
