/**
 * How far one delegate's landmarks are from another's on the same frames: the GPU delegate is only used where
 * it finds what the CPU finds. Distances are in pixels of the frame, over the landmarks the reference (the CPU)
 * sees (visibility >= 0.5), for the most prominent person of the reference matched to the nearest person of the
 * candidate. The tolerance is a share of the frame's diagonal, so it means the same at any resolution.
 */
import type { PersonPose, PoseFrame } from '$lib/pose/types';

export interface Agreement {
	/** Frames compared. */
	frames: number;
	/** Frames where one found a person and the other did not. */
	peopleMismatch: number;
	/** Landmarks compared over all frames. */
	landmarks: number;
	meanPx: number;
	p95Px: number;
	maxPx: number;
	/** The frames' diagonal, px (the tolerance is a share of it). */
	diagonalPx: number;
}

/**
 * Within tolerance: the mean distance at most 1 % of the diagonal (8 px at 640x480), 95 % of landmarks within
 * 3 % (24 px), and a person found in the same frames (at most 1 frame in 8 differing). For scale: GPU vs CPU on
 * this machine's software GL is 2-4 px apart; the same model with its input normalisation swapped is ~45 px off.
 */
export const AGREEMENT_TOLERANCE = Object.freeze({ meanOfDiagonal: 0.01, p95OfDiagonal: 0.03, mismatchShare: 0.125 });

function distances(a: PersonPose, b: PersonPose, width: number, height: number, minVisibility: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < a.landmarks.length; i++) {
		const p = a.landmarks[i];
		const q = b.landmarks[i];
		if (!p || !q || (p.visibility ?? 1) < minVisibility) continue;
		out.push(Math.hypot((p.x - q.x) * width, (p.y - q.y) * height));
	}
	return out;
}

const mean = (v: number[]) => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : Number.POSITIVE_INFINITY);

export function landmarkAgreement(reference: readonly PoseFrame[], candidate: readonly PoseFrame[], minVisibility = 0.5): Agreement {
	if (reference.length !== candidate.length) throw new Error(`${reference.length} reference frames against ${candidate.length}`);
	const all: number[] = [];
	let peopleMismatch = 0;
	let diagonalPx = 0;
	for (let f = 0; f < reference.length; f++) {
		const ref = reference[f];
		const cand = candidate[f];
		const width = ref.width ?? 1;
		const height = ref.height ?? 1;
		diagonalPx = Math.hypot(width, height);
		if ((ref.people.length > 0) !== (cand.people.length > 0)) {
			peopleMismatch++;
			continue;
		}
		if (!ref.people.length) continue;
		// With two people in view the delegates may list them in another order: take the nearest.
		const best = cand.people.map((p) => distances(ref.people[0], p, width, height, minVisibility)).sort((a, b) => mean(a) - mean(b))[0];
		all.push(...best);
	}
	const sorted = [...all].sort((a, b) => a - b);
	return {
		frames: reference.length,
		peopleMismatch,
		landmarks: all.length,
		meanPx: mean(all),
		p95Px: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] : Number.POSITIVE_INFINITY,
		maxPx: sorted.length ? sorted[sorted.length - 1] : Number.POSITIVE_INFINITY,
		diagonalPx
	};
}

/** The candidate finds what the reference finds, within AGREEMENT_TOLERANCE. Nothing to compare is no agreement. */
export function agrees(a: Agreement, tolerance = AGREEMENT_TOLERANCE): boolean {
	if (a.frames === 0 || a.landmarks === 0) return false;
	return a.meanPx <= tolerance.meanOfDiagonal * a.diagonalPx && a.p95Px <= tolerance.p95OfDiagonal * a.diagonalPx && a.peopleMismatch <= tolerance.mismatchShare * a.frames;
}
