/**
 * The personal slouch model: how far a frame has moved from the person's own upright, in the normalised
 * upper-body pose (features/upper-body-pose.ts: heights and spans over shoulder width, head offset,
 * shoulder tilt, framing), read by a logistic regression learnt on generated desk sessions
 * (synth/desk-session.ts: one sitter, one camera, a calibration of their upright, then upright drift and
 * slouches away from it). The desk network's own score, moved by the person's offset, is one more input.
 *
 * Why: across people, uprights differ more than a slouch moves one person (a long neck, a camera above
 * the eyes); against the same person at the same camera, a slouch is a move down and nearer.
 */
import { UPPER_BODY_POSE_DIM, UPPER_BODY_POSE_FEATURES, upperBodyPose } from '../features/upper-body-pose';
import { upperBodyEmbedding } from '../features/upper-body';
import { prepareBody } from '../features/body';
import type { PersonPose } from '../pose/types';
import { slouchProbability } from '../posture/slouch-net';
import { SLOUCH_MODEL } from '../posture/slouch-model';

const SHOULDER_Y = UPPER_BODY_POSE_FEATURES.indexOf('shoulderY');
const LOG_WIDTH = UPPER_BODY_POSE_FEATURES.indexOf('logShoulderWidth');
/**
 * Framing (shoulder width and height in the picture) sits out: a laptop moved or a photo taken from a
 * little higher moves it as much as a slouch does (on the desk photo folds the shoulders' height in the frame
 * moved by up to 0.2 of it between runs of one person's upright photos); the calibration's own distance
 * (calibrate.ts) still weighs it with its priors.
 */
const FRAMING = new Set([SHOULDER_Y, LOG_WIDTH]);

/** The person's upright: per-feature medians of the upper-body pose, and the desk network's median logit. */
export interface UprightReference {
	/** NaN (null in JSON) where no calibration frame showed it. */
	pose: number[];
	netLogit: number;
	frames: number;
}

export interface PersonalLogistic {
	/** Input standardisation (from the training data). */
	mean: number[];
	sd: number[];
	weights: number[];
	bias: number;
}

/** Per feature: signed move, its size, and a "not comparable" flag; then the network's moved and own logits. */
export const PERSONAL_INPUT_DIM = 3 * UPPER_BODY_POSE_DIM + 2;

export function logit(p: number): number {
	const q = Math.max(1e-4, Math.min(1 - 1e-4, p));
	return Math.log(q / (1 - q));
}

function median(xs: number[]): number {
	if (!xs.length) return NaN;
	const s = xs.slice().sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** What the personal model reads of one person: the upper-body pose and the desk network's score (null when unmeasurable). */
export interface PersonalObservation {
	pose: Float64Array;
	net: number;
}

export function personalObservation(person: PersonPose, aspect: number): PersonalObservation | null {
	const body = prepareBody(person, aspect);
	const e = upperBodyEmbedding(body);
	const pose = e ? upperBodyPose(body) : null;
	return e && pose ? { pose, net: slouchProbability(SLOUCH_MODEL, e) } : null;
}

/** The reference from calibration frames' upper-body poses and network scores (null under 3 frames). */
export function uprightReference(frames: ReadonlyArray<{ pose: ArrayLike<number> | null; net: number }>): UprightReference | null {
	const ok = frames.filter((f) => f.pose !== null);
	if (ok.length < 3) return null;
	const pose: number[] = [];
	for (let k = 0; k < UPPER_BODY_POSE_DIM; k++) pose.push(median(ok.map((f) => f.pose![k]).filter(Number.isFinite)));
	return { pose, netLogit: median(ok.map((f) => logit(f.net))), frames: ok.length };
}

/** The model's input for one frame against the reference. */
export function personalInput(ref: UprightReference, pose: ArrayLike<number>, net: number, out = new Float64Array(PERSONAL_INPUT_DIM)): Float64Array {
	const D = UPPER_BODY_POSE_DIM;
	for (let k = 0; k < D; k++) {
		const r = ref.pose[k] ?? NaN;
		const d = pose[k] - r;
		const ok = Number.isFinite(d) && !FRAMING.has(k);
		out[k] = ok ? d : 0;
		out[D + k] = ok ? Math.abs(d) : 0;
		out[2 * D + k] = ok ? 0 : 1;
	}
	const l = logit(net);
	out[3 * D] = l - (Number.isFinite(ref.netLogit) ? ref.netLogit : l);
	out[3 * D + 1] = l;
	return out;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function personalProbability(m: PersonalLogistic, x: ArrayLike<number>): number {
	let z = m.bias;
	for (let i = 0; i < m.weights.length; i++) z += (m.weights[i] * (x[i] - m.mean[i])) / m.sd[i];
	return sigmoid(z);
}

/**
 * Fit by Newton's method (iteratively reweighted least squares) with an L2 penalty on the standardised
 * weights: deterministic, a few iterations on a few dozen inputs.
 */
export function fitPersonalLogistic(X: ReadonlyArray<ArrayLike<number>>, y: readonly number[], o: { l2: number; iterations?: number }): PersonalLogistic {
	const n = X.length;
	const d = X[0].length;
	const mean = new Array<number>(d).fill(0);
	const sd = new Array<number>(d).fill(0);
	for (const x of X) for (let i = 0; i < d; i++) mean[i] += x[i] / n;
	for (const x of X) for (let i = 0; i < d; i++) sd[i] += (x[i] - mean[i]) ** 2 / n;
	for (let i = 0; i < d; i++) sd[i] = Math.sqrt(sd[i]) || 1;
	const Z = X.map((x) => {
		const z = new Float64Array(d + 1);
		for (let i = 0; i < d; i++) z[i] = (x[i] - mean[i]) / sd[i];
		z[d] = 1;
		return z;
	});
	const D = d + 1;
	const w = new Float64Array(D);
	for (let it = 0; it < (o.iterations ?? 25); it++) {
		const H = Array.from({ length: D }, () => new Float64Array(D));
		const g = new Float64Array(D);
		for (let j = 0; j < n; j++) {
			const z = Z[j];
			let s = 0;
			for (let i = 0; i < D; i++) s += w[i] * z[i];
			const p = sigmoid(s);
			const r = p - y[j];
			const q = Math.max(p * (1 - p), 1e-9);
			for (let a = 0; a < D; a++) {
				g[a] += r * z[a];
				const qa = q * z[a];
				if (qa === 0) continue;
				const Ha = H[a];
				for (let b = a; b < D; b++) Ha[b] += qa * z[b];
			}
		}
		for (let a = 0; a < D; a++) for (let b = 0; b < a; b++) H[a][b] = H[b][a];
		// the penalty spares the intercept
		for (let a = 0; a < d; a++) {
			H[a][a] += o.l2 * n;
			g[a] += o.l2 * n * w[a];
		}
		const step = solve(H, g);
		let moved = 0;
		for (let i = 0; i < D; i++) {
			w[i] -= step[i];
			moved = Math.max(moved, Math.abs(step[i]));
		}
		if (moved < 1e-8) break;
	}
	return { mean, sd, weights: Array.from(w.subarray(0, d)), bias: w[d] };
}

/** Solves A x = b (A symmetric positive definite) by Gaussian elimination with partial pivoting. */
function solve(A: Float64Array[], b: Float64Array): Float64Array {
	const n = b.length;
	const M = A.map((r, i) => {
		const row = new Float64Array(n + 1);
		row.set(r);
		row[n] = b[i];
		return row;
	});
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
		[M[c], M[p]] = [M[p], M[c]];
		const piv = M[c][c] || 1e-12;
		for (let r = c + 1; r < n; r++) {
			const f = M[r][c] / piv;
			if (f === 0) continue;
			for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
		}
	}
	const x = new Float64Array(n);
	for (let r = n - 1; r >= 0; r--) {
		let s = M[r][n];
		for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
		x[r] = s / (M[r][r] || 1e-12);
	}
	return x;
}
