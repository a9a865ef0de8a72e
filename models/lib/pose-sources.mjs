// Locates the model files shipped by the npm package @mediapipe/pose (the
// legacy "solution" build) and extracts the pose detector from its packed
// Emscripten asset file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readModel } from './tflite-model.mjs';

export const POSE_VARIANTS = /** @type {const} */ (['lite', 'full', 'heavy']);
/** @typedef {(typeof POSE_VARIANTS)[number]} PoseVariant */

export const PACKED_ASSETS = 'pose_solution_packed_assets.data';
export const PACKED_ASSETS_LOADER = 'pose_solution_packed_assets_loader.js';
export const DETECTOR_ASSET = 'pose_detection.tflite';

/** @param {PoseVariant} variant */
export const landmarkModelFile = (variant) => `pose_landmark_${variant}.tflite`;

/**
 * Reads the Emscripten file table of the packed assets from the loader script:
 * `loadPackage({"files": [{"filename": ..., "start": ..., "end": ...}], ...})`.
 * @param {string} loaderSource
 * @returns {{ filename: string, start: number, end: number }[]}
 */
export function parsePackedFileTable(loaderSource) {
	const m = /loadPackage\((\{"files":.*?\})\)/s.exec(loaderSource);
	if (!m) throw new Error(`${PACKED_ASSETS_LOADER}: file table not found`);
	const table = JSON.parse(m[1]);
	if (!Array.isArray(table.files)) throw new Error(`${PACKED_ASSETS_LOADER}: file table has no files`);
	return table.files;
}

/**
 * Cuts pose_detection.tflite out of the packed assets.
 * @param {Uint8Array} packed contents of pose_solution_packed_assets.data
 * @param {string} loaderSource contents of pose_solution_packed_assets_loader.js
 */
export function extractDetector(packed, loaderSource) {
	const files = parsePackedFileTable(loaderSource);
	const entry = files.find((f) => f.filename.endsWith(`/${DETECTOR_ASSET}`));
	if (!entry) throw new Error(`${PACKED_ASSETS}: no ${DETECTOR_ASSET} in ${files.map((f) => f.filename).join(', ')}`);
	if (!(entry.start >= 0 && entry.end <= packed.length && entry.start < entry.end)) {
		throw new Error(`${PACKED_ASSETS}: ${DETECTOR_ASSET} range ${entry.start}..${entry.end} outside ${packed.length} bytes`);
	}
	const detector = packed.subarray(entry.start, entry.end);
	readModel(detector); // throws unless it is a TFLite model
	return detector;
}

/**
 * Paths of every input file in the installed package.
 * @param {string} poseDir directory of the installed @mediapipe/pose package
 */
export function poseInputPaths(poseDir) {
	return {
		packedAssets: join(poseDir, PACKED_ASSETS),
		loader: join(poseDir, PACKED_ASSETS_LOADER),
		landmarks: Object.fromEntries(POSE_VARIANTS.map((v) => [v, join(poseDir, landmarkModelFile(v))]))
	};
}

/**
 * Loads the detector from an installed @mediapipe/pose.
 * @param {string} poseDir
 */
export function loadDetector(poseDir) {
	const p = poseInputPaths(poseDir);
	return extractDetector(new Uint8Array(readFileSync(p.packedAssets)), readFileSync(p.loader, 'utf8'));
}
