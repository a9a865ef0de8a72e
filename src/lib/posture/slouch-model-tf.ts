/**
 * The desk slouch network in @tensorflow/tfjs-core tensors: training (full-batch Adam with L2, from a
 * seeded initialisation, so `npm run train` rebuilds the same weights) and batch evaluation. The app
 * runs the plain TypeScript twin in slouch-model.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { tfReady } from '../calibration/model-tf';
import { rng } from '../synth/math';
import { UPPER_BODY_DIM, UPPER_BODY_FEATURES } from '../features/upper-body';
import { SLOUCH_INPUT_DIM, slouchInput, type SlouchModel } from './slouch-net';

export interface TrainOptions {
	hidden: number;
	epochs: number;
	learningRate: number;
	l2: number;
	seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = { hidden: 12, epochs: 600, learningRate: 0.02, l2: 1e-3, seed: 12 };

/** Standardisation of each feature over the rows where it is measured. */
export function featureStats(X: ReadonlyArray<ArrayLike<number>>): { mean: number[]; sd: number[] } {
	const mean: number[] = [];
	const sd: number[] = [];
	for (let k = 0; k < UPPER_BODY_DIM; k++) {
		let n = 0;
		let s = 0;
		let s2 = 0;
		for (const x of X) {
			const v = x[k];
			if (!Number.isFinite(v)) continue;
			n++;
			s += v;
			s2 += v * v;
		}
		const m = n ? s / n : 0;
		mean.push(round(m));
		sd.push(round(n > 1 ? Math.max(1e-3, Math.sqrt(Math.max(0, s2 / n - m * m))) : 1));
	}
	return { mean, sd };
}

const round = (v: number) => Number(v.toPrecision(7));

/** Trains the network on embeddings X (NaN = missing) with labels y (1 slouched), sample weights optional. */
export function trainSlouchModel(X: ReadonlyArray<ArrayLike<number>>, y: readonly number[], o: TrainOptions = DEFAULT_TRAIN, sampleWeight?: readonly number[]): SlouchModel {
	tfReady();
	const { mean, sd } = featureStats(X);
	const n = X.length;
	const data = new Float32Array(n * SLOUCH_INPUT_DIM);
	const buf = new Float64Array(SLOUCH_INPUT_DIM);
	X.forEach((x, i) => data.set(slouchInput({ mean, sd }, x, buf), i * SLOUCH_INPUT_DIM));
	const r = rng(o.seed);
	const init = (rows: number, cols: number, scale: number) => {
		const a = new Float32Array(rows * cols);
		for (let i = 0; i < a.length; i++) a[i] = r.normal(0, scale);
		return a;
	};
	const H = o.hidden;
	// tfjs-core's Node bundle registers no gradients: the backward pass of this two-layer network is
	// written out (cross-entropy on a sigmoid output, tanh hidden layer, L2 on the weights), and Adam too.
	let w1 = tf.tensor2d(init(SLOUCH_INPUT_DIM, H, 1 / Math.sqrt(SLOUCH_INPUT_DIM)), [SLOUCH_INPUT_DIM, H]);
	let b1: tf.Tensor = tf.zeros([H]);
	let w2 = tf.tensor2d(init(H, 1, 1 / Math.sqrt(H)), [H, 1]);
	let b2: tf.Tensor = tf.zeros([1]);
	const xs = tf.tensor2d(data, [n, SLOUCH_INPUT_DIM]);
	const ys = tf.tensor2d(Float32Array.from(y), [n, 1]);
	const sw0 = Float32Array.from(sampleWeight ?? y.map(() => 1));
	const swSum = sw0.reduce((a, b) => a + b, 0);
	const sw = tf.tensor2d(sw0.map((v) => v / swSum), [n, 1]);
	const params = [w1, b1, w2, b2];
	let m = params.map((p) => tf.zerosLike(p));
	let v = params.map((p) => tf.zerosLike(p));
	const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
	for (let e = 1; e <= o.epochs; e++) {
		const next = tf.tidy(() => {
			const hid = tf.tanh(tf.add(tf.matMul(xs, w1), b1));
			const p = tf.sigmoid(tf.add(tf.matMul(hid, w2), b2));
			const dz = tf.mul(tf.sub(p, ys), sw);
			const gw2 = tf.add(tf.matMul(hid, dz, true, false), tf.mul(2 * o.l2, w2));
			const gb2 = tf.sum(dz, 0);
			const dA = tf.mul(tf.matMul(dz, w2, false, true), tf.sub(1, tf.square(hid)));
			const gw1 = tf.add(tf.matMul(xs, dA, true, false), tf.mul(2 * o.l2, w1));
			const gb1 = tf.sum(dA, 0);
			const grads = [gw1, gb1, gw2, gb2];
			const ps = [w1, b1, w2, b2];
			const c1 = 1 - Math.pow(beta1, e);
			const c2 = 1 - Math.pow(beta2, e);
			const nm = grads.map((g, i) => tf.add(tf.mul(beta1, m[i]), tf.mul(1 - beta1, g)));
			const nv = grads.map((g, i) => tf.add(tf.mul(beta2, v[i]), tf.mul(1 - beta2, tf.square(g))));
			const np = ps.map((q, i) => tf.sub(q, tf.div(tf.mul(o.learningRate / c1, nm[i]), tf.add(tf.sqrt(tf.div(nv[i], c2)), eps))));
			return { np, nm, nv };
		});
		for (const t of [w1, b1, w2, b2, ...m, ...v]) t.dispose();
		[w1, b1, w2, b2] = next.np as [tf.Tensor2D, tf.Tensor, tf.Tensor2D, tf.Tensor];
		m = next.nm;
		v = next.nv;
	}
	const W1 = w1.arraySync() as number[][];
	const model: SlouchModel = {
		version: 1,
		features: [...UPPER_BODY_FEATURES],
		mean,
		sd,
		// stored as w1[h][i] (hidden unit by input) for the plain forward pass
		w1: Array.from({ length: H }, (_, h) => Array.from({ length: SLOUCH_INPUT_DIM }, (_, i) => round(W1[i][h]))),
		b1: (b1.arraySync() as number[]).map(round),
		w2: (w2.arraySync() as number[][]).map((row) => round(row[0])),
		b2: round((b2.arraySync() as number[])[0]),
		training: { ...o, samples: n }
	};
	for (const t of [w1, b1, w2, b2, xs, ys, sw, ...m, ...v]) t.dispose();
	return model;
}

/** The network's probabilities for many embeddings at once (tensors). */
export function predictSlouchBatch(m: SlouchModel, X: ReadonlyArray<ArrayLike<number>>): Float32Array {
	tfReady();
	return tf.tidy(() => {
		const n = X.length;
		const data = new Float32Array(n * SLOUCH_INPUT_DIM);
		const buf = new Float64Array(SLOUCH_INPUT_DIM);
		X.forEach((x, i) => data.set(slouchInput(m, x, buf), i * SLOUCH_INPUT_DIM));
		const w1 = tf.transpose(tf.tensor2d(m.w1));
		const h = tf.tanh(tf.add(tf.matMul(tf.tensor2d(data, [n, SLOUCH_INPUT_DIM]), w1), tf.tensor1d(m.b1)));
		const z = tf.add(tf.matMul(h, tf.tensor2d(m.w2, [m.w2.length, 1])), m.b2);
		return tf.sigmoid(z).dataSync() as Float32Array;
	});
}
