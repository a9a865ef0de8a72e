/**
 * `npm run train`: rebuilds src/lib/posture/slouch-model.json, the desk slouch network, from generated
 * people only (src/lib/synth/desk.ts): no recording of a real person trains a weight that ships.
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

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'src', 'lib', 'posture', 'slouch-model.json');
export const TRAIN_SAMPLES = 12000;
export const TRAIN_SEED = 20260512;

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

function main() {
	const t0 = performance.now();
	const { X, y } = trainingSet();
	const model = trainSlouchModel(X, y, DEFAULT_TRAIN);
	model.training = { ...model.training, data: `synth/desk.ts deskSamples(${TRAIN_SAMPLES}, ${TRAIN_SEED})` };
	const text = JSON.stringify(model, null, '\t') + '\n';
	const ms = performance.now() - t0;
	if (process.argv.includes('--check')) {
		const same = readFileSync(OUT, 'utf8') === text;
		console.log(`train --check: rebuilt in ${(ms / 1000).toFixed(1)} s; ${same ? 'identical to' : 'DIFFERS from'} ${OUT}`);
		if (!same) process.exit(1);
		return;
	}
	writeFileSync(OUT, text);
	console.log(`train: ${X.length} generated desk frames (${y.filter((v) => v).length} slouched), ${(ms / 1000).toFixed(1)} s -> ${OUT}`);
}

main();
