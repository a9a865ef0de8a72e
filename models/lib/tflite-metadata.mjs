// Builds TFLite ModelMetadata (tflite-support metadata_schema.fbs, identifier
// "M001") and injects it into a .tflite model as the buffer named
// TFLITE_METADATA, which is where MediaPipe Tasks' ModelMetadataExtractor
// looks for it.
//
// Injection does not rewrite the model. FlatBuffers offsets only point forward,
// so a new head is placed in front of the untouched original bytes:
//
//   [root uoffset]["TFL3"][new Model table + vtable][new buffers vector]
//   [new metadata vector][Buffer table][Metadata table][ModelMetadata bytes]
//   [zero padding to a multiple of 64] [original .tflite, byte for byte]
//
// The new Model table copies `version` and points at the original's
// operator_codes, subgraphs, description, metadata_buffer and signature_defs.
// Its `buffers` vector lists the original Buffer tables plus one new Buffer
// holding the ModelMetadata; its `metadata` vector lists the original entries
// (min_runtime_version, ...) plus {name: "TFLITE_METADATA", buffer: <new>}.
// The original root table stays in the file, unreferenced. Because the head is
// a multiple of 64 bytes, every alignment inside the original (force_align 16
// for buffer data) still holds.

import { Builder, FlatReader } from './flatbuffers.mjs';
import { MODEL, MODEL_SLOT_COUNT, TFLITE_IDENTIFIER, bufferData, readModel } from './tflite-model.mjs';

export const METADATA_BUFFER_NAME = 'TFLITE_METADATA';
export const METADATA_IDENTIFIER = 'M001';
export const HEAD_ALIGNMENT = 64;

// Enum values from metadata_schema.fbs.
export const CONTENT_PROPERTIES = Object.freeze({ NONE: 0, FeatureProperties: 1, ImageProperties: 2, BoundingBoxProperties: 3 });
export const COLOR_SPACE = Object.freeze({ UNKNOWN: 0, RGB: 1, GRAYSCALE: 2 });
export const PROCESS_UNIT_OPTIONS = Object.freeze({ NONE: 0, NormalizationOptions: 1 });

/**
 * @typedef {{
 *   name: string,
 *   description?: string,
 *   version?: string,
 *   author?: string,
 *   license?: string,
 *   minParserVersion?: string,
 *   input: { name: string, description?: string, mean: number[], std: number[] },
 *   outputNames?: string[],
 * }} ImageModelMetadataSpec
 */

/**
 * Serializes a ModelMetadata flatbuffer for a model with one RGB image input.
 * @param {ImageModelMetadataSpec} spec
 * @returns {Uint8Array}
 */
export function buildImageModelMetadata(spec) {
	const { mean, std } = spec.input;
	if (mean.length !== std.length || (mean.length !== 1 && mean.length !== 3)) {
		throw new Error('NormalizationOptions need 1 or 3 mean values and as many std values');
	}
	const b = new Builder(512);

	/** @param {string | undefined} s */
	const str = (s) => (s === undefined ? 0 : b.createString(s));

	// NormalizationOptions { mean:[float]; std:[float]; }
	const meanVec = b.createF32Vector(mean);
	const stdVec = b.createF32Vector(std);
	b.startTable(2);
	b.fieldOffset(0, meanVec);
	b.fieldOffset(1, stdVec);
	const normalization = b.endTable();

	// ProcessUnit { options:ProcessUnitOptions; }  (slot 0: type, slot 1: value)
	b.startTable(2);
	b.fieldOffset(1, normalization);
	b.fieldU8(0, PROCESS_UNIT_OPTIONS.NormalizationOptions);
	const processUnit = b.endTable();
	const processUnits = b.createOffsetVector([processUnit]);

	// ImageProperties { color_space:ColorSpaceType; default_size:ImageSize; }
	b.startTable(2);
	b.fieldU8(0, COLOR_SPACE.RGB);
	const imageProperties = b.endTable();

	// Content { content_properties:ContentProperties; range:ValueRange; }
	b.startTable(3);
	b.fieldOffset(1, imageProperties);
	b.fieldU8(0, CONTENT_PROPERTIES.ImageProperties);
	const content = b.endTable();

	// TensorMetadata { name; description; dimension_names; content; process_units; stats; associated_files; }
	const inputName = str(spec.input.name);
	const inputDescription = str(spec.input.description);
	b.startTable(7);
	b.fieldOffset(0, inputName);
	if (inputDescription) b.fieldOffset(1, inputDescription);
	b.fieldOffset(3, content);
	b.fieldOffset(4, processUnits);
	const inputMeta = b.endTable();

	// Outputs carry only their names: SubGraphMetadata documents one entry per
	// SubGraph output, and MediaPipe's pose graphs read nothing else from them.
	const outputMetas = (spec.outputNames ?? []).map((name) => {
		const n = b.createString(name);
		b.startTable(7);
		b.fieldOffset(0, n);
		return b.endTable();
	});

	const inputs = b.createOffsetVector([inputMeta]);
	const outputs = outputMetas.length ? b.createOffsetVector(outputMetas) : 0;

	// SubGraphMetadata { name; description; input_tensor_metadata; output_tensor_metadata; ... }
	b.startTable(7);
	b.fieldOffset(2, inputs);
	if (outputs) b.fieldOffset(3, outputs);
	const subgraph = b.endTable();
	const subgraphs = b.createOffsetVector([subgraph]);

	// ModelMetadata { name; description; version; subgraph_metadata; author; license; associated_files; min_parser_version; }
	const name = str(spec.name);
	const description = str(spec.description);
	const version = str(spec.version);
	const author = str(spec.author);
	const license = str(spec.license);
	const minParser = str(spec.minParserVersion ?? '1.0.0');
	b.startTable(8);
	b.fieldOffset(0, name);
	if (description) b.fieldOffset(1, description);
	if (version) b.fieldOffset(2, version);
	b.fieldOffset(3, subgraphs);
	if (author) b.fieldOffset(4, author);
	if (license) b.fieldOffset(5, license);
	b.fieldOffset(7, minParser);
	const root = b.endTable();
	return b.finish(root, METADATA_IDENTIFIER);
}

/**
 * Returns a new .tflite whose Model carries `metadata` as the TFLITE_METADATA
 * buffer. An existing TFLITE_METADATA entry is replaced; other metadata
 * entries are kept. The original bytes follow the new head unchanged.
 * @param {Uint8Array} tflite
 * @param {Uint8Array} metadata a finished ModelMetadata flatbuffer
 * @returns {Uint8Array}
 */
export function injectMetadata(tflite, metadata) {
	const model = readModel(tflite);
	const r = model.reader;
	for (let slot = MODEL_SLOT_COUNT; slot < model.slotCount; slot++) {
		if (r.field(model.root, slot)) throw new Error(`Model field ${slot} is unknown to this build step; refusing to drop it`);
	}
	if (model.buffers.some((buf) => buf.externalOffset)) {
		throw new Error('models with buffers stored outside the flatbuffer (Buffer.offset) are not supported');
	}
	if (tflite.length % 16 !== 0) throw new Error('TFLite model size is not a multiple of 16');

	const b = new Builder(metadata.length + 8192);
	const tail = (/** @type {number} */ pos) => -pos; // objects in the original bytes

	const metadataData = b.createByteVector(metadata, 16); // Buffer.data is force_align 16
	b.startTable(3);
	b.fieldOffset(0, metadataData);
	const metadataBuffer = b.endTable();
	const metadataBufferIndex = model.buffers.length;

	const buffers = b.createOffsetVector([...model.buffers.map((buf) => tail(buf.pos)), metadataBuffer]);

	const entryName = b.createString(METADATA_BUFFER_NAME);
	b.startTable(2);
	b.fieldOffset(0, entryName);
	b.fieldU32(1, metadataBufferIndex);
	const entry = b.endTable();
	const kept = model.metadata.filter((m) => m.name !== METADATA_BUFFER_NAME).map((m) => tail(m.pos));
	const metadataVector = b.createOffsetVector([...kept, entry]);

	b.startTable(MODEL_SLOT_COUNT);
	for (let slot = MODEL_SLOT_COUNT - 1; slot >= 1; slot--) {
		if (slot === MODEL.buffers) b.fieldOffset(slot, buffers);
		else if (slot === MODEL.metadata) b.fieldOffset(slot, metadataVector);
		else {
			const target = r.ref(model.root, slot);
			if (target) b.fieldOffset(slot, tail(target));
		}
	}
	if (r.field(model.root, MODEL.version)) b.fieldU32(MODEL.version, model.version);
	const root = b.endTable();
	const head = b.finish(root, TFLITE_IDENTIFIER, HEAD_ALIGNMENT);
	if (head.length % HEAD_ALIGNMENT !== 0) throw new Error('internal: head not aligned');

	const out = new Uint8Array(head.length + tflite.length);
	out.set(head, 0);
	out.set(tflite, head.length);
	return out;
}

/**
 * @typedef {{ type: number, mean?: number[], std?: number[] }} ProcessUnitInfo
 * @typedef {{ name: string | null, contentType: number, colorSpace: number | null, processUnits: ProcessUnitInfo[] }} TensorMetadataInfo
 * @typedef {{
 *   identifier: string,
 *   name: string | null,
 *   description: string | null,
 *   minParserVersion: string | null,
 *   subgraphs: { inputs: TensorMetadataInfo[], outputs: TensorMetadataInfo[] }[],
 * }} ModelMetadataInfo
 */

/**
 * Parses a ModelMetadata flatbuffer.
 * @param {Uint8Array} bytes
 * @returns {ModelMetadataInfo}
 */
export function readModelMetadata(bytes) {
	const r = new FlatReader(bytes);
	const root = r.root();

	/** @param {number} t @returns {TensorMetadataInfo} */
	const tensor = (t) => {
		const content = r.ref(t, 3);
		const contentType = content ? r.fieldU8(content, 0) : 0;
		const props = content ? r.ref(content, 1) : 0;
		const puPos = r.ref(t, 4);
		return {
			name: r.fieldString(t, 0),
			contentType,
			colorSpace: props && contentType === CONTENT_PROPERTIES.ImageProperties ? r.fieldU8(props, 0) : null,
			processUnits: (puPos ? r.tableVector(puPos) : []).map((pu) => {
				const type = r.fieldU8(pu, 0);
				const opts = r.ref(pu, 1);
				if (type !== PROCESS_UNIT_OPTIONS.NormalizationOptions || !opts) return { type };
				const mean = r.ref(opts, 0);
				const std = r.ref(opts, 1);
				return { type, mean: mean ? r.f32Vector(mean) : [], std: std ? r.f32Vector(std) : [] };
			})
		};
	};

	const sgPos = r.ref(root, 3);
	return {
		identifier: r.identifier(),
		name: r.fieldString(root, 0),
		description: r.fieldString(root, 1),
		minParserVersion: r.fieldString(root, 7),
		subgraphs: (sgPos ? r.tableVector(sgPos) : []).map((sg) => {
			const ins = r.ref(sg, 2);
			const outs = r.ref(sg, 3);
			return {
				inputs: ins ? r.tableVector(ins).map(tensor) : [],
				outputs: outs ? r.tableVector(outs).map(tensor) : []
			};
		})
	};
}

/**
 * Finds the TFLITE_METADATA buffer of a model, or null.
 * @param {Uint8Array} tflite
 */
export function extractMetadataBuffer(tflite) {
	const model = readModel(tflite);
	const entry = model.metadata.find((m) => m.name === METADATA_BUFFER_NAME);
	return entry ? bufferData(model, entry.buffer) : null;
}

/**
 * Normalization specs for the pose models. The detector (BlazePose detection,
 * pose_detection.tflite) takes inputs in [-1, 1]; the landmark models take [0, 1].
 */
export const NORMALIZATION = Object.freeze({
	detector: Object.freeze({ mean: [127.5], std: [127.5] }),
	landmarks: Object.freeze({ mean: [0], std: [255] })
});
