import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDetector, poseInputPaths } from './lib/pose-sources.mjs';
import { readModel } from './lib/tflite-model.mjs';
import { COLOR_SPACE, CONTENT_PROPERTIES, extractMetadataBuffer, readModelMetadata } from './lib/tflite-metadata.mjs';
import { readZip } from './lib/zip-stored.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'build.mjs');
const require = createRequire(import.meta.url);
const poseDir = dirname(require.resolve('@mediapipe/pose/package.json'));
const visionWasmDir = join(dirname(require.resolve('@mediapipe/tasks-vision')), 'wasm');
const VARIANTS = ['lite', 'full', 'heavy'] as const;

function build(...args: string[]) {
	const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

function inspectTask(path: string) {
	const zip = new Uint8Array(readFileSync(path));
	const entries = readZip(zip);
	const models = Object.fromEntries(
		entries.map((e) => {
			const model = readModel(e.data);
			const md = readModelMetadata(extractMetadataBuffer(e.data)!);
			const input = md.subgraphs[0].inputs[0];
			const norm = input.processUnits[0];
			const sg = model.subgraphs[0];
			return [
				e.name,
				{
					tensors: sg.tensors.length,
					operators: sg.operatorCount,
					buffers: model.buffers.length,
					inputShape: sg.tensors[sg.inputs[0]].shape,
					identifier: String.fromCharCode(...extractMetadataBuffer(e.data)!.subarray(4, 8)),
					contentType: input.contentType,
					colorSpace: input.colorSpace,
					mean: norm.mean,
					std: norm.std
				}
			];
		})
	);
	return { zip, entries, models };
}

describe('models/build.mjs', () => {
	let dir: string;
	const original: Record<string, { tensors: number; operators: number; buffers: number }> = {};

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'backcheck-models-'));
		const summary = (bytes: Uint8Array) => {
			const m = readModel(bytes);
			return { tensors: m.subgraphs[0].tensors.length, operators: m.subgraphs[0].operatorCount, buffers: m.buffers.length };
		};
		original.detector = summary(loadDetector(poseDir));
		for (const v of VARIANTS) original[v] = summary(new Uint8Array(readFileSync(poseInputPaths(poseDir).landmarks[v])));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('builds all three bundles and prints one line per model', () => {
		const r = build('--out', dir);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		const lines = r.out.trim().split('\n');
		expect(lines).toHaveLength(3);
		for (const v of VARIANTS) expect(r.out).toContain(`built pose_landmarker_${v}.task`);
		expect(readdirSync(dir).filter((f) => f.endsWith('.task')).sort()).toEqual(
			VARIANTS.map((v) => `pose_landmarker_${v}.task`).sort()
		);
	});

	for (const v of VARIANTS) {
		it(`pose_landmarker_${v}.task is a STORED zip of the two models with their metadata`, () => {
			const { entries, models } = inspectTask(join(dir, `pose_landmarker_${v}.task`));
			expect(entries.map((e) => e.name)).toEqual(['pose_detector.tflite', 'pose_landmarks_detector.tflite']);
			for (const e of entries) {
				expect(e.method).toBe(0);
				expect(e.compressedSize).toBe(e.size);
				expect(e.crc32).toBe(zlibCrc32(e.data));
				expect(e.dataOffset % 64).toBe(0);
			}
			const det = models['pose_detector.tflite'];
			const lm = models['pose_landmarks_detector.tflite'];
			for (const m of [det, lm]) {
				expect(m.identifier).toBe('M001');
				expect(m.contentType).toBe(CONTENT_PROPERTIES.ImageProperties);
				expect(m.colorSpace).toBe(COLOR_SPACE.RGB);
			}
			expect(det.mean).toEqual([127.5]);
			expect(det.std).toEqual([127.5]);
			expect(lm.mean).toEqual([0]);
			expect(lm.std).toEqual([255]);
			expect(det.inputShape).toEqual([1, 224, 224, 3]);
			expect(lm.inputShape).toEqual([1, 256, 256, 3]);
			expect({ tensors: det.tensors, operators: det.operators, buffers: det.buffers - 1 }).toEqual(original.detector);
			expect({ tensors: lm.tensors, operators: lm.operators, buffers: lm.buffers - 1 }).toEqual(original[v]);
		});
	}

	it('skips up-to-date outputs, and rebuilds to identical bytes', () => {
		const before = Object.fromEntries(VARIANTS.map((v) => [v, readFileSync(join(dir, `pose_landmarker_${v}.task`))]));
		const again = build('--out', dir);
		expect(again.code).toBe(0);
		for (const v of VARIANTS) expect(again.out).toContain(`up to date pose_landmarker_${v}.task`);

		const forced = build('--out', dir, '--force', '--only', 'lite,heavy');
		expect(forced.code).toBe(0);
		expect(forced.out).toContain('built pose_landmarker_lite.task');
		expect(forced.out).toContain('built pose_landmarker_heavy.task');
		expect(forced.out).not.toContain('full');
		for (const v of VARIANTS) expect(readFileSync(join(dir, `pose_landmarker_${v}.task`)).equals(before[v])).toBe(true);
	});

	it('rebuilds an output that was changed after the stamp', () => {
		const path = join(dir, 'pose_landmarker_lite.task');
		const good = readFileSync(path);
		const tampered = Buffer.from(good);
		tampered[tampered.length - 30] ^= 0xff;
		writeFileSync(path, tampered);
		const r = build('--out', dir, '--only', 'lite');
		expect(r.out).toContain('built pose_landmarker_lite.task');
		expect(readFileSync(path).equals(good)).toBe(true);
	});

	it('--swap-normalization builds the negative control with swapped mean/std', () => {
		const r = build('--swap-normalization', '--only', 'lite', '--out', dir);
		expect(r.code).toBe(0);
		expect(r.out).toContain('built pose_landmarker_lite_swapped.task');
		const { models } = inspectTask(join(dir, 'pose_landmarker_lite_swapped.task'));
		expect(models['pose_detector.tflite']).toMatchObject({ mean: [0], std: [255] });
		expect(models['pose_landmarks_detector.tflite']).toMatchObject({ mean: [127.5], std: [127.5] });
		// The normal bundle is left alone.
		expect(inspectTask(join(dir, 'pose_landmarker_lite.task')).models['pose_detector.tflite'].mean).toEqual([127.5]);
	});

	it('copies the tasks-vision wasm files with --wasm-out', () => {
		const wasm = join(dir, 'wasm');
		const r = build('--out', dir, '--only', 'lite', '--wasm-out', wasm);
		expect(r.code).toBe(0);
		const files = readdirSync(visionWasmDir).sort();
		expect(readdirSync(wasm).sort()).toEqual(files);
		for (const f of files) expect(readFileSync(join(wasm, f)).equals(readFileSync(join(visionWasmDir, f)))).toBe(true);
		expect(build('--out', dir, '--only', 'lite', '--wasm-out', wasm).out).toContain('wasm up to date');
	});

	it('rejects an unknown variant or option', () => {
		const r = build('--only', 'tiny', '--out', dir);
		expect(r.code).toBe(2);
		expect(r.err).toContain('unknown variant');
		const o = build('--fast', '--out', dir);
		expect(o.code).toBe(2);
		expect(o.err).toContain("Unknown option '--fast'");
	});
});
