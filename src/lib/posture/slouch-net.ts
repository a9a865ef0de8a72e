/**
 * The desk slouch network: a small neural network (inputs -> tanh hidden layer -> sigmoid) on the
 * upper-body embedding (features/upper-body.ts), giving the probability that a person seen from the
 * head and shoulders is slouched. Trained by `npm run train` (scripts/train.ts, tfjs-core) on generated
 * people only (src/lib/synth/desk.ts); the weights ship as slouch-model.json. Inference here is plain
 * TypeScript (a few hundred multiply-adds, well under a microsecond); slouch-model-tf.ts is the same
 * network in tensors for training and batch evaluation, and a test holds the two to the same outputs.
 */
import { UPPER_BODY_DIM, UPPER_BODY_FEATURES } from '../features/upper-body';

export interface SlouchModel {
	version: number;
	features: string[];
	/** Per-feature standardisation (from the training data). */
	mean: number[];
	sd: number[];
	/** Hidden layer: w1[h][i], b1[h]; output: w2[h], b2. */
	w1: number[][];
	b1: number[];
	w2: number[];
	b2: number;
	/** How it was trained (for the record: seed, samples, epochs...). */
	training: Record<string, unknown>;
}

/** Inputs: the standardised features (0 where missing) and a "missing" flag for each feature. */
export const SLOUCH_INPUT_DIM = 2 * UPPER_BODY_DIM;

/** The network's input vector for one embedding. */
export function slouchInput(m: Pick<SlouchModel, 'mean' | 'sd'>, emb: ArrayLike<number>, out = new Float64Array(SLOUCH_INPUT_DIM)): Float64Array {
	for (let k = 0; k < UPPER_BODY_DIM; k++) {
		const v = emb[k];
		const ok = Number.isFinite(v);
		out[k] = ok ? (v - m.mean[k]) / m.sd[k] : 0;
		out[UPPER_BODY_DIM + k] = ok ? 0 : 1;
	}
	return out;
}

const scratch = new Float64Array(SLOUCH_INPUT_DIM);

/** Probability of a slouch for an upper-body embedding. */
export function slouchProbability(m: SlouchModel, emb: ArrayLike<number>): number {
	const x = slouchInput(m, emb, scratch);
	let z = m.b2;
	for (let h = 0; h < m.b1.length; h++) {
		const row = m.w1[h];
		let a = m.b1[h];
		for (let i = 0; i < SLOUCH_INPUT_DIM; i++) a += row[i] * x[i];
		z += m.w2[h] * Math.tanh(a);
	}
	return 1 / (1 + Math.exp(-z));
}

/** Checks a model file's shape against the embedding it reads. */
export function parseSlouchModel(raw: unknown): SlouchModel {
	const m = raw as SlouchModel;
	const ok =
		m &&
		Array.isArray(m.features) &&
		m.features.join() === UPPER_BODY_FEATURES.join() &&
		m.mean?.length === UPPER_BODY_DIM &&
		m.sd?.length === UPPER_BODY_DIM &&
		Array.isArray(m.w1) &&
		m.w1.every((r) => r.length === SLOUCH_INPUT_DIM) &&
		m.b1?.length === m.w1.length &&
		m.w2?.length === m.w1.length &&
		Number.isFinite(m.b2);
	if (!ok) throw new Error('slouch model: weights do not fit the upper-body embedding (run npm run train)');
	return m;
}
