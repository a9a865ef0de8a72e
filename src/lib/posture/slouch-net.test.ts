import { describe, expect, it } from 'vitest';
import { rng } from '../synth/math';
import { UPPER_BODY_DIM } from '../features/upper-body';
import { SLOUCH_MODEL } from './slouch-model';
import { parseSlouchModel, slouchProbability } from './slouch-net';
import { predictSlouchBatch, trainSlouchModel } from './slouch-model-tf';

const randomEmbeddings = (n: number, seed: number) => {
	const r = rng(seed);
	return Array.from({ length: n }, () => {
		const e = new Float64Array(UPPER_BODY_DIM);
		for (let k = 0; k < UPPER_BODY_DIM; k++) e[k] = r.chance(0.15) ? NaN : SLOUCH_MODEL.mean[k] + r.normal(0, 2) * SLOUCH_MODEL.sd[k];
		return e;
	});
};

describe('desk slouch network', () => {
	it('plain TypeScript gives the tfjs model its outputs (missing features included)', () => {
		const X = randomEmbeddings(400, 3);
		const tf = predictSlouchBatch(SLOUCH_MODEL, X);
		let maxDiff = 0;
		X.forEach((x, i) => (maxDiff = Math.max(maxDiff, Math.abs(slouchProbability(SLOUCH_MODEL, x) - tf[i]))));
		expect(maxDiff).toBeLessThan(1e-5);
		// not a constant: the outputs spread over the range
		const ps = [...tf].sort((a, b) => a - b);
		expect(ps[20]).toBeLessThan(0.3);
		expect(ps[380]).toBeGreaterThan(0.7);
	});
	it('training is deterministic and learns a separable rule', () => {
		const r = rng(5);
		const X: Float64Array[] = [];
		const y: number[] = [];
		for (let i = 0; i < 300; i++) {
			const slouched = i % 2;
			const e = new Float64Array(UPPER_BODY_DIM).map(() => r.normal(0, 1));
			e[0] = (slouched ? 0.45 : 0.65) + r.normal(0, 0.04);
			if (i % 7 === 0) e[3] = NaN;
			X.push(e);
			y.push(slouched);
		}
		const o = { hidden: 4, epochs: 150, learningRate: 0.05, l2: 1e-3, seed: 7 };
		const a = trainSlouchModel(X, y, o);
		const b = trainSlouchModel(X, y, o);
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		parseSlouchModel(a);
		let right = 0;
		X.forEach((x, i) => (right += Number(slouchProbability(a, x) > 0.5) === y[i] ? 1 : 0));
		expect(right / X.length).toBeGreaterThan(0.95);
	});
	it('refuses weights that do not fit the embedding', () => {
		expect(() => parseSlouchModel({ ...SLOUCH_MODEL, mean: [0] })).toThrow(/npm run train/);
	});
});
