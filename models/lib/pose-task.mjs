// Assembles a MediaPipe Tasks PoseLandmarker bundle (.task) from the legacy
// pose detector and landmark models.

import { readModel } from './tflite-model.mjs';
import {
	NORMALIZATION,
	buildImageModelMetadata,
	extractMetadataBuffer,
	injectMetadata,
	readModelMetadata
} from './tflite-metadata.mjs';
import { writeStoredZip } from './zip-stored.mjs';

/** Entry names the PoseLandmarker graph looks up inside the bundle. */
export const TASK_ENTRIES = Object.freeze({
	detector: 'pose_detector.tflite',
	landmarks: 'pose_landmarks_detector.tflite'
});

const LICENSE = 'Apache-2.0 (model files from the npm package @mediapipe/pose)';

/**
 * @param {Uint8Array} tflite
 * @param {{ name: string, description: string, mean: readonly number[], std: readonly number[] }} spec
 */
export function withImageMetadata(tflite, spec) {
	const model = readModel(tflite);
	if (model.subgraphs.length !== 1) throw new Error(`${spec.name}: expected 1 subgraph, got ${model.subgraphs.length}`);
	const sg = model.subgraphs[0];
	if (sg.inputs.length !== 1) throw new Error(`${spec.name}: expected 1 input, got ${sg.inputs.length}`);
	const input = sg.tensors[sg.inputs[0]];
	if (input.shape.length !== 4 || input.shape[0] !== 1 || input.shape[3] !== 3) {
		throw new Error(`${spec.name}: input shape ${JSON.stringify(input.shape)} is not [1,H,W,3]`);
	}
	const metadata = buildImageModelMetadata({
		name: spec.name,
		description: spec.description,
		license: LICENSE,
		minParserVersion: '1.0.0',
		input: {
			name: input.name ?? 'image',
			description: `RGB image ${input.shape[2]}x${input.shape[1]}, normalized as (x - mean) / std`,
			mean: [...spec.mean],
			std: [...spec.std]
		},
		outputNames: sg.outputs.map((i, n) => sg.tensors[i].name ?? `output_${n}`)
	});
	const out = injectMetadata(tflite, metadata);

	// Self-check: the result parses, keeps the graph, and carries what we wrote.
	const check = readModel(out);
	const csg = check.subgraphs[0];
	if (
		check.subgraphs.length !== 1 ||
		csg.tensors.length !== sg.tensors.length ||
		csg.operatorCount !== sg.operatorCount ||
		check.buffers.length !== model.buffers.length + 1 ||
		check.operatorCodeCount !== model.operatorCodeCount
	) {
		throw new Error(`${spec.name}: injected model does not match the original graph`);
	}
	const meta = extractMetadataBuffer(out);
	const parsed = meta && readModelMetadata(meta);
	const norm = parsed?.subgraphs[0]?.inputs[0]?.processUnits[0];
	if (!norm || norm.mean?.[0] !== spec.mean[0] || norm.std?.[0] !== spec.std[0]) {
		throw new Error(`${spec.name}: metadata round trip failed`);
	}
	return out;
}

/**
 * Builds a pose_landmarker_*.task.
 * @param {{ detector: Uint8Array, landmarks: Uint8Array, variant: string, swapNormalization?: boolean }} args
 * `swapNormalization` exchanges the detector's and the landmark model's
 * normalization: a deliberately wrong bundle, used as a negative control.
 */
export function buildPoseLandmarkerTask({ detector, landmarks, variant, swapNormalization = false }) {
	const detNorm = swapNormalization ? NORMALIZATION.landmarks : NORMALIZATION.detector;
	const lmNorm = swapNormalization ? NORMALIZATION.detector : NORMALIZATION.landmarks;
	const tag = swapNormalization ? ' [NEGATIVE CONTROL: normalizations swapped]' : '';
	const det = withImageMetadata(detector, {
		name: 'pose_detector',
		description: `BlazePose person detector (pose_detection.tflite from @mediapipe/pose)${tag}`,
		...detNorm
	});
	const lm = withImageMetadata(landmarks, {
		name: 'pose_landmarks_detector',
		description: `BlazePose GHUM 3D landmarks, ${variant} (pose_landmark_${variant}.tflite from @mediapipe/pose)${tag}`,
		...lmNorm
	});
	return writeStoredZip([
		{ name: TASK_ENTRIES.detector, data: det },
		{ name: TASK_ENTRIES.landmarks, data: lm }
	]);
}
