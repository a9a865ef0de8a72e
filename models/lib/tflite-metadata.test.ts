import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Builder, FlatReader } from './flatbuffers.mjs';
import { loadDetector, poseInputPaths } from './pose-sources.mjs';
import { bufferData, readModel } from './tflite-model.mjs';
import {
	COLOR_SPACE,
	CONTENT_PROPERTIES,
	HEAD_ALIGNMENT,
	PROCESS_UNIT_OPTIONS,
	buildImageModelMetadata,
	extractMetadataBuffer,
	injectMetadata,
	readModelMetadata
} from './tflite-metadata.mjs';

const poseDir = dirname(createRequire(import.meta.url).resolve('@mediapipe/pose/package.json'));

describe('flatbuffers builder', () => {
	it('round-trips a small table through the reader', () => {
		const b = new Builder(16); // forces growth
		const s = b.createString('héllo');
		const v = b.createF32Vector([1.5, -2, 3]);
		b.startTable(4);
		b.fieldOffset(0, s);
		b.fieldU32(1, 42);
		b.fieldOffset(3, v);
		b.fieldU8(2, 7);
		const root = b.endTable();
		const bytes = b.finish(root, 'TEST');
		const r = new FlatReader(bytes);
		const t = r.root();
		expect(r.identifier()).toBe('TEST');
		expect(r.fieldString(t, 0)).toBe('héllo');
		expect(r.fieldU32(t, 1)).toBe(42);
		expect(r.fieldU8(t, 2)).toBe(7);
		expect(r.f32Vector(r.ref(t, 3))).toEqual([1.5, -2, 3]);
		expect(r.field(t, 9)).toBe(0);
	});
});

describe('buildImageModelMetadata', () => {
	it('serializes the input image spec MediaPipe reads', () => {
		const bytes = buildImageModelMetadata({
			name: 'm',
			input: { name: 'in', mean: [127.5], std: [127.5] },
			outputNames: ['a', 'b']
		});
		const md = readModelMetadata(bytes);
		expect(md.identifier).toBe('M001');
		expect(md.minParserVersion).toBe('1.0.0');
		expect(md.subgraphs).toHaveLength(1);
		const [input] = md.subgraphs[0].inputs;
		expect(input.contentType).toBe(CONTENT_PROPERTIES.ImageProperties);
		expect(input.colorSpace).toBe(COLOR_SPACE.RGB);
		expect(input.processUnits).toEqual([{ type: PROCESS_UNIT_OPTIONS.NormalizationOptions, mean: [127.5], std: [127.5] }]);
		expect(md.subgraphs[0].outputs.map((o) => o.name)).toEqual(['a', 'b']);
	});

	it('rejects mismatched mean/std', () => {
		expect(() => buildImageModelMetadata({ name: 'm', input: { name: 'in', mean: [1, 2], std: [1, 2] } })).toThrow();
		expect(() => buildImageModelMetadata({ name: 'm', input: { name: 'in', mean: [1], std: [1, 2, 3] } })).toThrow();
	});
});

describe('injectMetadata on the real models', () => {
	const cases = [
		{ label: 'detector', shape: [1, 224, 224, 3], mean: 127.5, std: 127.5, load: () => loadDetector(poseDir) },
		...(['lite', 'full', 'heavy'] as const).map((v) => ({
			label: `landmarks ${v}`,
			shape: [1, 256, 256, 3],
			mean: 0,
			std: 255,
			load: () => new Uint8Array(readFileSync(poseInputPaths(poseDir).landmarks[v]))
		}))
	];

	for (const c of cases) {
		describe(c.label, () => {
			let original: Uint8Array;
			let injected: Uint8Array;
			beforeAll(() => {
				original = c.load();
				const sg = readModel(original).subgraphs[0];
				const metadata = buildImageModelMetadata({
					name: c.label,
					input: { name: 'image', mean: [c.mean], std: [c.std] },
					outputNames: sg.outputs.map((i) => sg.tensors[i].name ?? '')
				});
				injected = injectMetadata(original, metadata);
			});

			it('prepends a 64-byte-multiple head and keeps the original bytes', () => {
				const head = injected.length - original.length;
				expect(head % HEAD_ALIGNMENT).toBe(0);
				expect(head).toBeLessThan(16 * 1024);
				expect(Buffer.from(injected.subarray(head)).equals(Buffer.from(original))).toBe(true);
				expect(new FlatReader(injected).identifier()).toBe('TFL3');
			});

			it('keeps the graph reachable through the new root', () => {
				const before = readModel(original);
				const after = readModel(injected);
				expect(after.root).toBeLessThan(injected.length - original.length);
				expect(after.version).toBe(before.version);
				expect(after.description).toBe(before.description);
				expect(after.operatorCodeCount).toBe(before.operatorCodeCount);
				expect(after.subgraphs).toEqual(before.subgraphs);
				const sg = after.subgraphs[0];
				expect(sg.tensors[sg.inputs[0]].shape).toEqual(c.shape);
				expect(sg.tensors[sg.inputs[0]].type).toBe('FLOAT32');
				expect(after.buffers).toHaveLength(before.buffers.length + 1);
				for (let i = 0; i < before.buffers.length; i++) {
					expect(Buffer.from(bufferData(after, i)).equals(Buffer.from(bufferData(before, i)))).toBe(true);
				}
				// Buffer.data is force_align 16: bufferData() checks it for every buffer.
				for (let i = 0; i < after.buffers.length; i++) expect(() => bufferData(after, i)).not.toThrow();
			});

			it('adds TFLITE_METADATA after the original metadata entries', () => {
				const before = readModel(original).metadata.map((m) => [m.name, m.buffer]);
				const after = readModel(injected);
				expect(before.map(([n]) => n)).toContain('min_runtime_version');
				expect(after.metadata.slice(0, -1).map((m) => [m.name, m.buffer])).toEqual(before);
				const last = after.metadata.at(-1)!;
				expect(last.name).toBe('TFLITE_METADATA');
				expect(last.buffer).toBe(after.buffers.length - 1);
			});

			it('carries the normalization and RGB image properties', () => {
				const meta = extractMetadataBuffer(injected)!;
				expect(String.fromCharCode(...meta.subarray(4, 8))).toBe('M001');
				const md = readModelMetadata(meta);
				expect(md.minParserVersion).toBe('1.0.0');
				const input = md.subgraphs[0].inputs[0];
				expect(input.contentType).toBe(CONTENT_PROPERTIES.ImageProperties);
				expect(input.colorSpace).toBe(COLOR_SPACE.RGB);
				expect(input.processUnits).toEqual([{ type: PROCESS_UNIT_OPTIONS.NormalizationOptions, mean: [c.mean], std: [c.std] }]);
				expect(md.subgraphs[0].outputs).toHaveLength(readModel(original).subgraphs[0].outputs.length);
			});

			it('replaces an existing TFLITE_METADATA entry when injected again', () => {
				const other = buildImageModelMetadata({ name: 'again', input: { name: 'image', mean: [1], std: [2] } });
				const twice = readModel(injectMetadata(injected, other));
				expect(twice.metadata.filter((m) => m.name === 'TFLITE_METADATA')).toHaveLength(1);
				expect(twice.metadata).toHaveLength(readModel(injected).metadata.length);
				const md = readModelMetadata(bufferData(twice, twice.metadata.at(-1)!.buffer));
				expect(md.name).toBe('again');
			});
		});
	}

	it('is deterministic', () => {
		const det = loadDetector(poseDir);
		const md = () => buildImageModelMetadata({ name: 'x', input: { name: 'image', mean: [127.5], std: [127.5] } });
		expect(Buffer.from(injectMetadata(det, md())).equals(Buffer.from(injectMetadata(det, md())))).toBe(true);
	});

	it('rejects non-TFLite input', () => {
		expect(() => injectMetadata(new Uint8Array(64), new Uint8Array(8))).toThrow(/not a TFLite model/);
	});
});
