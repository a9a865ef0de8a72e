/** The shipped personal slouch model (weights rebuilt by `npm run train`, see personal-slouch.ts). */
import weights from './personal-model.json' with { type: 'json' };
import { PERSONAL_INPUT_DIM, type PersonalLogistic } from './personal-slouch';

function parsePersonalModel(raw: unknown): PersonalLogistic {
	const m = raw as PersonalLogistic;
	const ok =
		m &&
		[m.mean, m.sd, m.weights].every((v) => Array.isArray(v) && v.length === PERSONAL_INPUT_DIM && v.every(Number.isFinite)) &&
		Number.isFinite(m.bias);
	if (!ok) throw new Error('personal slouch model: weights do not fit its inputs (run npm run train)');
	return m;
}

export const PERSONAL_MODEL: PersonalLogistic = parsePersonalModel(weights);
