/**
 * `npm run train`: rebuilds src/lib/posture/slouch-model.json, the desk slouch network, from generated
 * people only (src/lib/synth/desk.ts), and src/lib/calibration/personal-model.json, the personal slouch
 * model, from generated desk sessions (src/lib/synth/desk-session.ts; it reads the committed network's
 * score, so after changing the network run it twice): no recording of a real person trains a weight that ships.
 * The personal model is fitted in float64 by Newton's method from a fixed start: bit for bit on the same Node version.
 * Seeded throughout (people, initial weights, full-batch Adam in a fixed order on the tfjs cpu backend), so
 * a rebuild on the same versions gives the same file bit for bit; on another CPU or tfjs version the
 * weights may differ in the last digits (float32 sums), which moves no verdict (see README).
 *
 * Usage: npm run train [-- --check]   (--check: rebuild in memory and compare with the committed file)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deskSamples } from '../src/lib/synth/desk';
import { prepareBody } from '../src/lib/features/body';
import { upperBodyEmbedding } from '../src/lib/features/upper-body';
import { DEFAULT_TRAIN, trainSlouchModel } from '../src/lib/posture/slouch-model-tf';
import { deskSessions } from '../src/lib/synth/desk-session';
import { fitPersonalLogistic } from '../src/lib/calibration/personal-slouch';
import { personalExamples } from '../src/lib/calibration/personal-examples';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'src', 'lib', 'posture', 'slouch-model.json');
export const TRAIN_SAMPLES = 12000;
export const TRAIN_SEED = 20260512;
const PERSONAL_OUT = join(REPO, 'src', 'lib', 'calibration', 'personal-model.json');
export const PERSONAL_SESSIONS = 1500;
export const PERSONAL_SEED = 7;
export const PERSONAL_L2 = 1e-2;

/** The training set: embeddings and labels of generated desk frames. */
export function trainingSet(n = TRAIN_SAMPLES, seed = TRAIN_SEED): { X: Float64Array[]; y: number[] } {
	const X: Float64Array[] = [];
	const y: number[] = [];
	for (const s of deskSamples(n, seed)) {
		const e = upperBodyEmbedding(prepareBody(s.person, s.width / s.height));
		if (!e) continue;
		X.push(e);
		y.push(s.slouched);
	}
	return { X, y };
}

/**
 * The personal model's training set: generated sessions (one sitter at one camera), each frame against the
 * sitter's own calibration (20 recorded upright frames, or upright frames pooled over minutes).
 */
export function personalTrainingSet(n = PERSONAL_SESSIONS, seed = PERSONAL_SEED): { X: Float64Array[]; y: number[] } {
	return personalExamples(deskSessions(n, seed, { frames: 16 }));
}

/** Writes `text` to `path`, or with --check compares it with the committed file (false when it differs). */
function emit(path: string, text: string, ms: number, what: string): boolean {
	if (process.argv.includes('--check')) {
		const same = readFileSync(path, 'utf8') === text;
		console.log(`train --check: ${what} rebuilt in ${(ms / 1000).toFixed(1)} s; ${same ? 'identical to' : 'DIFFERS from'} ${path}`);
		return same;
	}
	writeFileSync(path, text);
	console.log(`train: ${what}, ${(ms / 1000).toFixed(1)} s -> ${path}`);
	return true;
}

function main() {
	let t0 = performance.now();
	const { X, y } = trainingSet();
	const model = trainSlouchModel(X, y, DEFAULT_TRAIN);
	model.training = { ...model.training, data: `synth/desk.ts deskSamples(${TRAIN_SAMPLES}, ${TRAIN_SEED})` };
	let ok = emit(OUT, JSON.stringify(model, null, '\t') + '\n', performance.now() - t0, `desk network: ${X.length} generated desk frames (${y.filter((v) => v).length} slouched)`);

	t0 = performance.now();
	const P = personalTrainingSet();
	const personal = {
		...fitPersonalLogistic(P.X, P.y, { l2: PERSONAL_L2 }),
		training: { data: `synth/desk-session.ts deskSessions(${PERSONAL_SESSIONS}, ${PERSONAL_SEED}, { frames: 16 })`, frames: P.X.length, l2: PERSONAL_L2, fit: 'Newton (IRLS), float64' }
	};
	ok = emit(PERSONAL_OUT, JSON.stringify(personal, null, '\t') + '\n', performance.now() - t0, `personal model: ${P.X.length} generated frames against their sitter's upright`) && ok;
	if (!ok) process.exit(1);
}

main();
