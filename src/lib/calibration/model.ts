/**
 * Per-person posture model, plain TypeScript (model-tf.ts does the same maths with tensors).
 *
 * 1. Upright Gaussian: robust mean of the person's upright embeddings; covariance = the sample
 *    covariance (shrunk half-way to its diagonal: few frames) + a prior for how much an upright
 *    person drifts over a session (PRIOR_SD). Its inverse is the precision matrix.
 * 2. Directional Mahalanobis distance: deviations in the "better" direction of one-sided
 *    features (e.g. head higher than calibrated) are set to zero before measuring, so only
 *    slouch-like deviations count. Missing features count as no deviation.
 * 3. Optional logistic regression when deliberate-slouch frames were recorded too: inputs are the
 *    standardised deviations z and, for two-sided features, |z|; L2-regularised, class-balanced,
 *    full-batch gradient descent from zero (deterministic).
 */

export interface GaussianFit {
	mean: number[];
	/** Covariance including the prior, d x d (row-major nested arrays: JSON-friendly). */
	cov: number[][];
	precision: number[][];
	/** Features present in the calibration frames; others are ignored. */
	active: boolean[];
	/** Frames kept after outlier rejection. */
	used: number;
}

export interface LogisticFit {
	weights: number[];
	bias: number;
}

export interface FitOptions {
	priorSd: readonly number[];
	/** Shrinkage of the sample covariance toward its diagonal, 0..1. */
	shrink: number;
	/** Frames deviating more than this many robust SDs (plus the prior) in any feature are dropped. */
	outlierSd: number;
}

export const DEFAULT_FIT: Omit<FitOptions, 'priorSd'> = { shrink: 0.5, outlierSd: 4 };

function median(xs: number[]): number {
	const s = xs.slice().sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Rows kept for fitting: finite in every active feature and within `outlierSd` robust SDs of the
 * median (robust SD = 1.4826 MAD, floored by a fifth of the prior so a very still recording does
 * not reject everything). Shared by the plain and tensor fits so they see the same rows.
 */
export function selectRows(
	X: ReadonlyArray<ArrayLike<number>>,
	priorSd: readonly number[],
	outlierSd: number
): { rows: number[]; active: boolean[]; centre: number[] } {
	const d = priorSd.length;
	const active: boolean[] = [];
	const centre: number[] = [];
	const spread: number[] = [];
	for (let k = 0; k < d; k++) {
		const col = X.map((x) => x[k]).filter(Number.isFinite);
		// a feature counts when most frames have it
		active[k] = col.length >= Math.max(2, 0.5 * X.length);
		const med = active[k] ? median(col) : 0;
		centre[k] = med;
		spread[k] = active[k] ? Math.max(1.4826 * median(col.map((v) => Math.abs(v - med))), priorSd[k] / 5) : 1;
	}
	const rows: number[] = [];
	X.forEach((x, i) => {
		for (let k = 0; k < d; k++) {
			if (!active[k]) continue;
			if (!Number.isFinite(x[k]) || Math.abs(x[k] - centre[k]) > outlierSd * spread[k]) return;
		}
		rows.push(i);
	});
	return { rows, active, centre };
}

/** Cholesky-based inverse of a symmetric positive definite matrix. */
export function invertSpd(A: number[][]): number[][] {
	const n = A.length;
	const L: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let s = A[i][j];
			for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
			if (i === j) {
				if (!(s > 0)) throw new Error('invertSpd: matrix is not positive definite');
				L[i][i] = Math.sqrt(s);
			} else L[i][j] = s / L[j][j];
		}
	}
	// inverse of L (lower triangular)
	const Li: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
	for (let i = 0; i < n; i++) {
		Li[i][i] = 1 / L[i][i];
		for (let j = 0; j < i; j++) {
			let s = 0;
			for (let k = j; k < i; k++) s -= L[i][k] * Li[k][j];
			Li[i][j] = s / L[i][i];
		}
	}
	// A^-1 = L^-T L^-1
	const inv: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
	for (let i = 0; i < n; i++)
		for (let j = 0; j <= i; j++) {
			let s = 0;
			for (let k = i; k < n; k++) s += Li[k][i] * Li[k][j];
			inv[i][j] = s;
			inv[j][i] = s;
		}
	return inv;
}

/** Fit the upright Gaussian (see file comment). Throws with fewer than 3 usable frames. */
export function fitGaussian(X: ReadonlyArray<ArrayLike<number>>, o: FitOptions): GaussianFit {
	const d = o.priorSd.length;
	const { rows, active } = selectRows(X, o.priorSd, o.outlierSd);
	const n = rows.length;
	if (n < 3) throw new Error(`calibration: only ${n} usable frames (need at least 3)`);
	const mean = new Array(d).fill(0);
	for (const i of rows) for (let k = 0; k < d; k++) if (active[k]) mean[k] += X[i][k] / n;
	const cov: number[][] = Array.from({ length: d }, () => new Array(d).fill(0));
	for (const i of rows)
		for (let a = 0; a < d; a++) {
			if (!active[a]) continue;
			const da = X[i][a] - mean[a];
			for (let b = 0; b < d; b++) if (active[b]) cov[a][b] += (da * (X[i][b] - mean[b])) / (n - 1);
		}
	for (let a = 0; a < d; a++)
		for (let b = 0; b < d; b++) {
			if (!active[a] || !active[b]) cov[a][b] = a === b ? 1 : 0;
			else if (a !== b) cov[a][b] *= 1 - o.shrink;
			else cov[a][b] += o.priorSd[a] ** 2;
		}
	return { mean, cov, precision: invertSpd(cov), active, used: n };
}

/** Deviation from the upright mean with better-than-calibrated one-sided deviations and missing features zeroed. */
export function foldedDeviation(
	g: Pick<GaussianFit, 'mean' | 'active'>,
	direction: readonly number[],
	x: ArrayLike<number>,
	out: Float64Array
): Float64Array {
	for (let k = 0; k < g.mean.length; k++) {
		const dk = x[k] - g.mean[k];
		out[k] = !g.active[k] || !Number.isFinite(dk) || dk * direction[k] < 0 ? 0 : dk;
	}
	return out;
}

/** Directional Mahalanobis distance of x from the upright Gaussian. */
export function directionalDistance(
	g: Pick<GaussianFit, 'mean' | 'active' | 'precision'>,
	direction: readonly number[],
	x: ArrayLike<number>,
	scratch: Float64Array = new Float64Array(g.mean.length)
): number {
	const dv = foldedDeviation(g, direction, x, scratch);
	const d = dv.length;
	let q = 0;
	for (let a = 0; a < d; a++) {
		const da = dv[a];
		if (da === 0) continue;
		const row = g.precision[a];
		let s = 0;
		for (let b = 0; b < d; b++) s += row[b] * dv[b];
		q += da * s;
	}
	return Math.sqrt(Math.max(0, q));
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Logistic inputs: standardised deviations z (0 when missing), then |z| of the two-sided features. */
export function logisticInputs(
	g: Pick<GaussianFit, 'mean' | 'active' | 'cov'>,
	direction: readonly number[],
	x: ArrayLike<number>
): number[] {
	const z: number[] = [];
	const abs: number[] = [];
	for (let k = 0; k < g.mean.length; k++) {
		const dk = x[k] - g.mean[k];
		const zk = g.active[k] && Number.isFinite(dk) ? dk / Math.sqrt(g.cov[k][k]) : 0;
		z.push(zk);
		if (direction[k] === 0) abs.push(Math.abs(zk));
	}
	return z.concat(abs);
}

export interface LogisticOptions {
	l2: number;
	iterations: number;
	learningRate: number;
}

export const DEFAULT_LOGISTIC: LogisticOptions = { l2: 0.05, iterations: 400, learningRate: 0.5 };

/** Class-balanced L2 logistic regression by full-batch gradient descent from zero. */
export function fitLogistic(F: number[][], y: number[], o: LogisticOptions = DEFAULT_LOGISTIC): LogisticFit {
	const n = F.length;
	const p = F[0]?.length ?? 0;
	const pos = y.filter((v) => v === 1).length;
	const neg = n - pos;
	if (pos === 0 || neg === 0) throw new Error('fitLogistic: need both classes');
	const sw = y.map((v) => (v === 1 ? n / (2 * pos) : n / (2 * neg)));
	const w = new Array(p).fill(0);
	let b = 0;
	const g = new Array(p);
	for (let it = 0; it < o.iterations; it++) {
		g.fill(0);
		let gb = 0;
		for (let i = 0; i < n; i++) {
			let s = b;
			const f = F[i];
			for (let k = 0; k < p; k++) s += w[k] * f[k];
			const r = (sigmoid(s) - y[i]) * sw[i];
			gb += r;
			for (let k = 0; k < p; k++) g[k] += r * f[k];
		}
		for (let k = 0; k < p; k++) w[k] -= o.learningRate * (g[k] / n + o.l2 * w[k]);
		b -= o.learningRate * (gb / n);
	}
	return { weights: w, bias: b };
}

export function predictLogistic(m: LogisticFit, f: readonly number[]): number {
	let s = m.bias;
	for (let k = 0; k < m.weights.length; k++) s += m.weights[k] * f[k];
	return sigmoid(s);
}
