import { describe, expect, it } from 'vitest';
import {
	directionalDistance,
	fitGaussian,
	fitLogistic,
	invertSpd,
	logisticInputs,
	predictLogistic,
	selectRows
} from './model';
import { directionalDistanceTf, fitGaussianTf, fitLogisticTf, gaussianTensors, tfReady } from './model-tf';

function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}
function gauss(r: () => number) {
	return Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
}

const PRIOR = [0.05, 0.05, 0.1];
const DIR = [-1, 0, 1];

function sample(n: number, seed: number, mean = [0.5, 0, 0.4], sd = [0.02, 0.03, 0.01]): number[][] {
	const r = rng(seed);
	return Array.from({ length: n }, () => {
		const common = gauss(r);
		return mean.map((m, k) => m + sd[k] * (0.6 * gauss(r) + 0.4 * common * (k === 1 ? 0 : 1)));
	});
}

describe('calibration model (plain)', () => {
	it('invertSpd inverts', () => {
		const A = [
			[4, 1, 0.5],
			[1, 3, 0.2],
			[0.5, 0.2, 2]
		];
		const inv = invertSpd(A);
		for (let i = 0; i < 3; i++)
			for (let j = 0; j < 3; j++) {
				const v = A[i].reduce((s, a, k) => s + a * inv[k][j], 0);
				expect(v).toBeCloseTo(i === j ? 1 : 0, 10);
			}
		expect(() => invertSpd([[0]])).toThrow();
	});

	it('selectRows drops outliers and features most frames lack', () => {
		const X = sample(20, 1).map((x) => [...x, NaN]);
		X[5] = [5, 0, 0.4, NaN];
		const { rows, active } = selectRows(X, [...PRIOR, 0.1], 4);
		expect(rows).not.toContain(5);
		expect(rows.length).toBe(19);
		expect(active).toEqual([true, true, true, false]);
	});

	it('fitGaussian adds the prior and ignores inactive features', () => {
		const X = sample(30, 2).map((x) => [x[0], x[1], NaN]);
		const g = fitGaussian(X, { priorSd: PRIOR, shrink: 0.5, outlierSd: 4 });
		expect(g.active).toEqual([true, true, false]);
		expect(g.cov[0][0]).toBeGreaterThan(PRIOR[0] ** 2);
		expect(g.cov[2][2]).toBe(1);
		expect(g.mean[0]).toBeCloseTo(0.5, 1);
		expect(() => fitGaussian(X.slice(0, 2), { priorSd: PRIOR, shrink: 0.5, outlierSd: 4 })).toThrow();
	});

	it('directional distance counts only the worse direction of one-sided features', () => {
		const g = fitGaussian(sample(30, 3), { priorSd: PRIOR, shrink: 0.5, outlierSd: 4 });
		const base = g.mean.slice();
		expect(directionalDistance(g, DIR, base)).toBeCloseTo(0, 10);
		const better = [base[0] + 0.3, base[1], base[2] - 0.3]; // head higher, feature 2 lower: both "better"
		expect(directionalDistance(g, DIR, better)).toBeCloseTo(0, 10);
		const worse = [base[0] - 0.15, base[1], base[2]];
		expect(directionalDistance(g, DIR, worse)).toBeGreaterThan(2);
		const sideways = [base[0], base[1] - 0.2, base[2]];
		const sideways2 = [base[0], base[1] + 0.2, base[2]];
		expect(directionalDistance(g, DIR, sideways)).toBeCloseTo(directionalDistance(g, DIR, sideways2), 6);
		expect(directionalDistance(g, DIR, [NaN, NaN, NaN])).toBe(0);
	});

	it('logistic regression separates a deliberate slouch', () => {
		const good = sample(40, 4);
		const bad = sample(40, 5, [0.35, 0, 0.45]);
		const g = fitGaussian(good, { priorSd: PRIOR, shrink: 0.5, outlierSd: 4 });
		const F = [...good, ...bad].map((x) => logisticInputs(g, DIR, x));
		expect(F[0].length).toBe(4); // 3 z + |z| of the one two-sided feature
		const m = fitLogistic(F, [...good.map(() => 0), ...bad.map(() => 1)]);
		expect(predictLogistic(m, logisticInputs(g, DIR, [0.5, 0, 0.4]))).toBeLessThan(0.2);
		expect(predictLogistic(m, logisticInputs(g, DIR, [0.33, 0, 0.45]))).toBeGreaterThan(0.8);
		expect(() => fitLogistic(F.slice(0, 3), [0, 0, 0])).toThrow();
	});
});

describe('calibration model (tfjs) matches plain', () => {
	it('fitGaussianTf ~ fitGaussian', () => {
		tfReady();
		const X = sample(25, 6);
		const o = { priorSd: PRIOR, shrink: 0.5, outlierSd: 4 };
		const a = fitGaussian(X, o);
		const b = fitGaussianTf(X, o);
		for (let i = 0; i < 3; i++) {
			expect(b.mean[i]).toBeCloseTo(a.mean[i], 5);
			for (let j = 0; j < 3; j++) {
				expect(b.cov[i][j]).toBeCloseTo(a.cov[i][j], 6);
				expect(Math.abs(b.precision[i][j] - a.precision[i][j])).toBeLessThan(1e-3 * Math.abs(a.precision[i][i]));
			}
		}
	});

	it('directionalDistanceTf ~ directionalDistance, NaN included', () => {
		const g = fitGaussian(sample(25, 7), { priorSd: PRIOR, shrink: 0.5, outlierSd: 4 });
		const pts = [...sample(10, 8, [0.4, 0.05, 0.45], [0.05, 0.05, 0.05]), [NaN, 0.1, 0.5]];
		const gt = gaussianTensors(g, DIR);
		const d = directionalDistanceTf(gt, Float32Array.from(pts.flat()), pts.length);
		gt.dispose();
		pts.forEach((p, i) => expect(d[i]).toBeCloseTo(directionalDistance(g, DIR, p), 3));
	});

	it('fitLogisticTf ~ fitLogistic', () => {
		const good = sample(30, 9);
		const bad = sample(30, 10, [0.35, 0.05, 0.45]);
		const g = fitGaussian(good, { priorSd: PRIOR, shrink: 0.5, outlierSd: 4 });
		const F = [...good, ...bad].map((x) => logisticInputs(g, DIR, x));
		const y = [...good.map(() => 0), ...bad.map(() => 1)];
		const o = { l2: 0.05, iterations: 100, learningRate: 0.5 };
		const a = fitLogistic(F, y, o);
		const b = fitLogisticTf(F, y, o);
		expect(b.bias).toBeCloseTo(a.bias, 3);
		b.weights.forEach((w, k) => expect(w).toBeCloseTo(a.weights[k], 3));
	});

	it('does not leak tensors', () => {
		const tf = tfReady();
		const before = tf.memory().numTensors;
		const X = sample(25, 11);
		fitGaussianTf(X, { priorSd: PRIOR, shrink: 0.5, outlierSd: 4 });
		const F = X.map((x) => [x[0], x[1]]);
		fitLogisticTf(F, X.map((_, i) => i % 2), { l2: 0.1, iterations: 20, learningRate: 0.5 });
		expect(tf.memory().numTensors).toBe(before);
	});
});
