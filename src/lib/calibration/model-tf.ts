/**
 * The maths of model.ts with @tensorflow/tfjs-core tensors (cpu backend; tfjs-core 4.22 ships no
 * kernels of its own, hence @tensorflow/tfjs-backend-cpu). Same inputs, same outputs (float32), so
 * the bench can tell whether tensors pay off for a 9-dimensional per-person model. They do not per
 * frame (see bench.ts); calibrate/applyCalibration use the plain implementation.
 *
 * tfjs-core has no matrix inverse: the precision matrix comes from a Newton-Schulz iteration
 * (X <- X (2I - A X)), which converges for symmetric positive definite A from X0 = A / (|A|_1 |A|_inf).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {
	selectRows,
	type FitOptions,
	type GaussianFit,
	type LogisticFit,
	type LogisticOptions,
	DEFAULT_LOGISTIC
} from './model';

let ready = false;

/** Make sure a tfjs backend is up (the cpu one registered by the import); silences the Node banner. */
export function tfReady(): typeof tf {
	if (!ready) {
		// The cpu backend prints a "use tfjs-node" banner in Node; PROD mode silences tfjs warnings.
		if (tf.env().getBool('IS_NODE')) tf.env().set('PROD', true);
		if (!tf.findBackend('cpu')) throw new Error('tfjs cpu backend not registered');
		if (tf.getBackend() === undefined) void tf.setBackend('cpu');
		ready = true;
	}
	return tf;
}

/** Newton-Schulz inverse of a symmetric positive definite matrix. */
export function invertSpdTf(A: tf.Tensor2D, iterations = 60): tf.Tensor2D {
	return tf.tidy(() => {
		const n = A.shape[0];
		const norm1 = tf.max(tf.sum(tf.abs(A), 0));
		const normInf = tf.max(tf.sum(tf.abs(A), 1));
		let X = tf.div(tf.transpose(A), tf.mul(norm1, normInf)) as tf.Tensor2D;
		const twoI = tf.mul(tf.eye(n), 2);
		for (let i = 0; i < iterations; i++) {
			const prev = X;
			X = tf.tidy(() => tf.matMul(prev, tf.sub(twoI, tf.matMul(A, prev))));
			prev.dispose();
		}
		return X;
	});
}

/** fitGaussian with tensors (rows chosen by the shared selectRows). */
export function fitGaussianTf(X: ReadonlyArray<ArrayLike<number>>, o: FitOptions): GaussianFit {
	tfReady();
	const d = o.priorSd.length;
	const { rows, active } = selectRows(X, o.priorSd, o.outlierSd);
	const n = rows.length;
	if (n < 3) throw new Error(`calibration: only ${n} usable frames (need at least 3)`);
	const mask = active.map((a) => (a ? 1 : 0));
	const data = new Float32Array(n * d);
	rows.forEach((r, i) => {
		for (let k = 0; k < d; k++) data[i * d + k] = active[k] ? X[r][k] : 0;
	});
	const out = tf.tidy(() => {
		const M = tf.tensor2d(data, [n, d]);
		const mean = tf.mean(M, 0);
		const C = tf.sub(M, mean);
		const sample = tf.div(tf.matMul(C, C, true, false), n - 1);
		const m = tf.tensor1d(mask);
		const both = tf.outerProduct(m, m);
		const eye = tf.eye(d);
		const off = tf.mul(tf.mul(sample, tf.sub(1, eye)), 1 - o.shrink);
		const diag = tf.mul(eye, tf.add(tf.mul(sample, eye), tf.diag(tf.tensor1d(o.priorSd.map((s) => s * s)))));
		const inactiveDiag = tf.mul(eye, tf.sub(1, both));
		const cov = tf.add(tf.mul(tf.add(off, diag), both), inactiveDiag) as tf.Tensor2D;
		const precision = invertSpdTf(cov);
		return { mean: mean.arraySync() as number[], cov: cov.arraySync(), precision: precision.arraySync() };
	});
	return { ...out, mean: out.mean.map((v, k) => (active[k] ? v : 0)), active, used: n };
}

export interface GaussianTensors {
	mean: tf.Tensor1D;
	precision: tf.Tensor2D;
	direction: tf.Tensor1D;
	active: tf.Tensor1D;
	dispose(): void;
}

/** Upload a fitted Gaussian once, for repeated tensor scoring. */
export function gaussianTensors(g: Pick<GaussianFit, 'mean' | 'precision' | 'active'>, direction: readonly number[]): GaussianTensors {
	tfReady();
	const t = {
		mean: tf.tensor1d(g.mean),
		precision: tf.tensor2d(g.precision),
		direction: tf.tensor1d(direction as number[]),
		active: tf.tensor1d(g.active.map((a) => (a ? 1 : 0)))
	};
	return { ...t, dispose: () => Object.values(t).forEach((x) => x.dispose()) };
}

/** Directional Mahalanobis distances of rows of X (n x d, row-major; NaN = missing). */
export function directionalDistanceTf(g: GaussianTensors, X: Float32Array, n: number): Float32Array {
	const d = g.mean.shape[0];
	return tf.tidy(() => {
		const M = tf.tensor2d(X, [n, d]);
		const dev = tf.sub(M, g.mean);
		const keep = tf.logicalAnd(
			tf.logicalAnd(tf.logicalNot(tf.isNaN(dev)), tf.greaterEqual(tf.mul(dev, g.direction), 0)),
			tf.cast(g.active, 'bool')
		);
		const folded = tf.where(keep, dev, tf.zerosLike(dev));
		const q = tf.sum(tf.mul(tf.matMul(folded, g.precision), folded), 1);
		return tf.sqrt(tf.relu(q)).dataSync() as Float32Array;
	});
}

/** fitLogistic with tensors: same class-balanced L2 gradient descent from zero. */
export function fitLogisticTf(F: number[][], y: number[], o: LogisticOptions = DEFAULT_LOGISTIC): LogisticFit {
	tfReady();
	const n = F.length;
	const pos = y.filter((v) => v === 1).length;
	const neg = n - pos;
	if (pos === 0 || neg === 0) throw new Error('fitLogistic: need both classes');
	return tf.tidy(() => {
		const X = tf.tensor2d(F);
		const Y = tf.tensor1d(y);
		const sw = tf.tensor1d(y.map((v) => (v === 1 ? n / (2 * pos) : n / (2 * neg))));
		let w = tf.zeros([F[0].length]) as tf.Tensor1D;
		let b = tf.scalar(0);
		for (let it = 0; it < o.iterations; it++) {
			const [nw, nb] = tf.tidy(() => {
				const s = tf.add(tf.squeeze(tf.matMul(X, tf.expandDims(w, 1)), [1]), b);
				const r = tf.mul(tf.sub(tf.sigmoid(s), Y), sw);
				const gw = tf.add(tf.div(tf.squeeze(tf.matMul(X, tf.expandDims(r, 1), true, false), [1]), n), tf.mul(w, o.l2));
				const gb = tf.div(tf.sum(r), n);
				return [tf.sub(w, tf.mul(gw, o.learningRate)), tf.sub(b, tf.mul(gb, o.learningRate))];
			});
			w.dispose();
			b.dispose();
			w = nw as tf.Tensor1D;
			b = nb as tf.Scalar;
		}
		return { weights: Array.from(w.dataSync()), bias: b.dataSync()[0] };
	});
}
