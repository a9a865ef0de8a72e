/**
 * Does tfjs pay off for personal calibration? Times the same maths (model.ts vs model-tf.ts) on
 * synthetic head-and-shoulders frames:
 *   - per-frame scoring (embedding + directional Mahalanobis + sigmoid), plain vs one tensor call per frame,
 *   - tensor scoring in batches (an offline re-score of a recording),
 *   - fitting (Gaussian + logistic regression on 20 upright + 20 slouch frames).
 * Synchronous; `npm run bench` prints the result.
 */
import type { PersonPose } from '../pose/types';
import { fixturePerson } from '../tracking/fixture';
import { EMBEDDING_DIM, PRIOR_SD, SLOUCH_DIRECTION, embed } from './embedding';
import {
	DEFAULT_FIT,
	DEFAULT_LOGISTIC,
	directionalDistance,
	fitGaussian,
	fitLogistic,
	logisticInputs,
	sigmoid
} from './model';
import { directionalDistanceTf, fitGaussianTf, fitLogisticTf, gaussianTensors, tfReady } from './model-tf';

export interface CalibrationBench {
	/** Frames timed per measurement. */
	frames: number;
	/** µs per frame, plain TypeScript. */
	plainUsPerFrame: number;
	/** µs per frame, tfjs, one tensor call per frame (the live case). */
	tfjsUsPerFrame: number;
	/** µs per frame, tfjs scoring `batch` frames per call (offline re-scoring). */
	tfjsBatchUsPerFrame: number;
	batch: number;
	/** ms to fit a calibration (Gaussian + logistic on 20 + 20 frames). */
	plainFitMs: number;
	tfjsFitMs: number;
	backend: string;
}

function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32 - 0.5;
	};
}

function deskPeople(n: number, seed: number, slouch = 0): PersonPose[] {
	const r = rng(seed);
	const aspect = 4 / 3;
	return Array.from({ length: n }, () => {
		const p = fixturePerson({
			cx: 0.67 + r() * 0.05,
			cy: 0.95 + 0.06 * slouch,
			scale: 0.42,
			aspect,
			upperBodyOnly: true,
			headDrop: 0.2 * slouch
		});
		return { landmarks: p.landmarks.map((l) => (l ? { ...l, x: l.x + r() * 0.004, y: l.y + r() * 0.004, z: -0.5 + r() * 0.05 } : null)) };
	});
}

const now = () => performance.now();

export function benchCalibration(opts: { frames?: number; batch?: number } = {}): CalibrationBench {
	const tf = tfReady();
	const n = opts.frames ?? 2000;
	const batch = opts.batch ?? 256;
	const aspect = 4 / 3;
	const upright = deskPeople(20, 1).map((p) => embed(p, aspect)!);
	const slouched = deskPeople(20, 2, 1).map((p) => embed(p, aspect)!);
	const live = deskPeople(n, 3, 0.5);
	const fitOpts = { priorSd: PRIOR_SD, ...DEFAULT_FIT };

	// fitting
	const fitPlain = () => {
		const g = fitGaussian(upright, fitOpts);
		const F = [...upright, ...slouched].map((x) => logisticInputs(g, SLOUCH_DIRECTION, x));
		fitLogistic(F, [...upright.map(() => 0), ...slouched.map(() => 1)], DEFAULT_LOGISTIC);
		return g;
	};
	const fitTf = () => {
		const g = fitGaussianTf(upright, fitOpts);
		const F = [...upright, ...slouched].map((x) => logisticInputs(g, SLOUCH_DIRECTION, x));
		fitLogisticTf(F, [...upright.map(() => 0), ...slouched.map(() => 1)], DEFAULT_LOGISTIC);
		return g;
	};
	let g = fitPlain();
	for (let i = 0; i < 5; i++) g = fitPlain();
	fitTf();
	let t0 = now();
	const fitRuns = 20;
	for (let i = 0; i < fitRuns; i++) fitPlain();
	const plainFitMs = (now() - t0) / fitRuns;
	t0 = now();
	const tfFitRuns = 3;
	for (let i = 0; i < tfFitRuns; i++) fitTf();
	const tfjsFitMs = (now() - t0) / tfFitRuns;

	// per-frame scoring, plain
	const x = new Float64Array(EMBEDDING_DIM);
	const scratch = new Float64Array(EMBEDDING_DIM);
	let sink = 0;
	const plainOnce = (p: PersonPose) => {
		const e = embed(p, aspect, x);
		if (e) sink += sigmoid((directionalDistance(g, SLOUCH_DIRECTION, e, scratch) - 2.5) / 0.5);
	};
	for (let i = 0; i < Math.min(n, 500); i++) plainOnce(live[i]);
	t0 = now();
	for (let i = 0; i < n; i++) plainOnce(live[i]);
	const plainUsPerFrame = ((now() - t0) * 1000) / n;

	// per-frame scoring, tfjs
	const gt = gaussianTensors(g, SLOUCH_DIRECTION);
	const row = new Float32Array(EMBEDDING_DIM);
	const tfOnce = (p: PersonPose) => {
		const e = embed(p, aspect, x);
		if (!e) return;
		row.set(e);
		sink += sigmoid((directionalDistanceTf(gt, row, 1)[0] - 2.5) / 0.5);
	};
	const tfFrames = Math.min(n, 1000);
	for (let i = 0; i < 50; i++) tfOnce(live[i]);
	t0 = now();
	for (let i = 0; i < tfFrames; i++) tfOnce(live[i]);
	const tfjsUsPerFrame = ((now() - t0) * 1000) / tfFrames;

	// batched tfjs scoring
	const all = new Float32Array(n * EMBEDDING_DIM);
	const batchRun = () => {
		for (let s = 0; s < n; s += batch) {
			const m = Math.min(batch, n - s);
			for (let i = 0; i < m; i++) {
				const e = embed(live[s + i], aspect, x);
				if (e) all.set(e, i * EMBEDDING_DIM);
			}
			const d = directionalDistanceTf(gt, all.subarray(0, m * EMBEDDING_DIM), m);
			for (let i = 0; i < m; i++) sink += sigmoid((d[i] - 2.5) / 0.5);
		}
	};
	batchRun();
	t0 = now();
	batchRun();
	const tfjsBatchUsPerFrame = ((now() - t0) * 1000) / n;
	gt.dispose();
	if (!Number.isFinite(sink)) throw new Error('bench: non-finite result');

	return {
		frames: n,
		plainUsPerFrame,
		tfjsUsPerFrame,
		tfjsBatchUsPerFrame,
		batch,
		plainFitMs,
		tfjsFitMs,
		backend: tf.getBackend()
	};
}
