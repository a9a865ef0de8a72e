// Reads the parts of a TFLite flatbuffer (tensorflow/lite/schema/schema.fbs)
// that the build needs, with bounds checks on everything it touches.
//
//   table Model { version:uint; operator_codes:[OperatorCode]; subgraphs:[SubGraph];
//                 description:string; buffers:[Buffer]; metadata_buffer:[int];
//                 metadata:[Metadata]; signature_defs:[SignatureDef]; }
//   table Buffer { data:[ubyte] (force_align: 16); offset:ulong; size:ulong; }
//   table Metadata { name:string; buffer:uint; }
//   table SubGraph { tensors:[Tensor]; inputs:[int]; outputs:[int]; operators:[Operator]; name:string; ... }
//   table Tensor { shape:[int]; type:TensorType; buffer:uint; name:string; ... }

import { FlatReader } from './flatbuffers.mjs';

export const TFLITE_IDENTIFIER = 'TFL3';

/** Field slots of the tflite `Model` table. */
export const MODEL = Object.freeze({
	version: 0,
	operator_codes: 1,
	subgraphs: 2,
	description: 3,
	buffers: 4,
	metadata_buffer: 5,
	metadata: 6,
	signature_defs: 7
});
export const MODEL_SLOT_COUNT = 8;

/** TensorType enum values used in reports. */
const TENSOR_TYPES = ['FLOAT32', 'FLOAT16', 'INT32', 'UINT8', 'INT64', 'STRING', 'BOOL', 'INT16', 'COMPLEX64', 'INT8'];

/**
 * @typedef {{ name: string | null, shape: number[], type: string, buffer: number }} TensorInfo
 * @typedef {{ tensors: TensorInfo[], inputs: number[], outputs: number[], operatorCount: number, name: string | null }} SubGraphInfo
 * @typedef {{ pos: number, dataPos: number, dataLength: number, externalOffset: number }} BufferInfo
 * @typedef {{ pos: number, name: string | null, buffer: number }} MetadataEntry
 * @typedef {{
 *   reader: FlatReader,
 *   root: number,
 *   slotCount: number,
 *   version: number,
 *   description: string | null,
 *   operatorCodeCount: number,
 *   subgraphs: SubGraphInfo[],
 *   buffers: BufferInfo[],
 *   metadata: MetadataEntry[],
 * }} ModelInfo
 */

/** @param {FlatReader} r @param {number} table @param {number} slot */
function readU64(r, table, slot) {
	const p = r.field(table, slot);
	if (!p) return 0;
	r.check(p, 8, 8);
	return Number(r.view.getBigUint64(p, true));
}

/**
 * Parses a .tflite model.
 * @param {Uint8Array} bytes
 * @returns {ModelInfo}
 */
export function readModel(bytes) {
	const r = new FlatReader(bytes);
	const id = r.identifier();
	if (id !== TFLITE_IDENTIFIER) throw new Error(`not a TFLite model (identifier ${JSON.stringify(id)})`);
	const root = r.root();
	const slotCount = r.slotCount(root);

	const subgraphsPos = r.ref(root, MODEL.subgraphs);
	const subgraphs = subgraphsPos
		? r.tableVector(subgraphsPos).map((sg) => {
				const tensorsPos = r.ref(sg, 0);
				const tensors = tensorsPos
					? r.tableVector(tensorsPos).map((t) => {
							const shapePos = r.ref(t, 0);
							return {
								shape: shapePos ? r.i32Vector(shapePos) : [],
								type: TENSOR_TYPES[r.fieldU8(t, 1)] ?? `type${r.fieldU8(t, 1)}`,
								buffer: r.fieldU32(t, 2),
								name: r.fieldString(t, 3)
							};
						})
					: [];
				const inputsPos = r.ref(sg, 1);
				const outputsPos = r.ref(sg, 2);
				const operatorsPos = r.ref(sg, 3);
				return {
					tensors,
					inputs: inputsPos ? r.i32Vector(inputsPos) : [],
					outputs: outputsPos ? r.i32Vector(outputsPos) : [],
					operatorCount: operatorsPos ? r.tableVector(operatorsPos).length : 0,
					name: r.fieldString(sg, 4)
				};
			})
		: [];

	const buffersPos = r.ref(root, MODEL.buffers);
	const buffers = buffersPos
		? r.tableVector(buffersPos).map((b) => {
				const dataPos = r.ref(b, 0);
				const dataLength = dataPos ? r.byteVector(dataPos).length : 0;
				return { pos: b, dataPos, dataLength, externalOffset: readU64(r, b, 1) };
			})
		: [];

	const metadataPos = r.ref(root, MODEL.metadata);
	const metadata = metadataPos
		? r.tableVector(metadataPos).map((m) => ({ pos: m, name: r.fieldString(m, 0), buffer: r.fieldU32(m, 1) }))
		: [];

	const operatorCodesPos = r.ref(root, MODEL.operator_codes);
	return {
		reader: r,
		root,
		slotCount,
		version: r.fieldU32(root, MODEL.version),
		description: r.fieldString(root, MODEL.description),
		operatorCodeCount: operatorCodesPos ? r.tableVector(operatorCodesPos).length : 0,
		subgraphs,
		buffers,
		metadata
	};
}

/**
 * Bytes of buffer `index` (a view into the model).
 * @param {ModelInfo} model @param {number} index
 */
export function bufferData(model, index) {
	const b = model.buffers[index];
	if (!b) throw new RangeError(`no buffer ${index}`);
	return b.dataPos ? model.reader.byteVector(b.dataPos, 16) : new Uint8Array(0);
}
