#!/usr/bin/env node
// Builds the MediaPipe Tasks pose bundles the app loads, from the npm package
// @mediapipe/pose, and copies the @mediapipe/tasks-vision wasm beside them.
// Runs as the postinstall step; see models/README.md.
//
//   node models/build.mjs                       all bundles + wasm into static/mediapipe/
//   node models/build.mjs --only lite,full      some variants
//   node models/build.mjs --out DIR             bundles into DIR (no wasm unless --wasm-out)
//   node models/build.mjs --swap-normalization --only lite --out DIR
//                                               negative control: pose_landmarker_lite_swapped.task
//   node models/build.mjs --force               rebuild even when the stamp matches
//   node models/build.mjs --no-wasm             skip the wasm copy (--wasm-out DIR: copy it there)

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { POSE_VARIANTS, loadDetector, poseInputPaths } from './lib/pose-sources.mjs';
import { buildPoseLandmarkerTask } from './lib/pose-task.mjs';

/** Bump to force a rebuild when the output format changes in a way the source hash would miss. */
const STAMP_FORMAT = 1;
const EXPECTED_VERSIONS = { '@mediapipe/pose': '0.5.1675469404', '@mediapipe/tasks-vision': '1.1.0' };
const STAMP_FILE = '.build-stamp.json';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const require = createRequire(import.meta.url);

/** @param {string} msg */
const log = (msg) => console.log(`models: ${msg}`);

/** @param {Uint8Array | string} data */
const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** @param {string} path */
const fileSha256 = (path) => sha256(readFileSync(path));

/** @param {number} n */
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

/** Hash of this script and its modules: any code change invalidates the stamp. */
function scriptHash() {
	const lib = join(here, 'lib');
	const files = [join(here, 'build.mjs'), ...readdirSync(lib).filter((f) => f.endsWith('.mjs')).sort().map((f) => join(lib, f))];
	return sha256(files.map((f) => `${relative(here, f)}\0${fileSha256(f)}\n`).join(''));
}

/** @param {string} name */
function packageDir(name) {
	try {
		return dirname(require.resolve(name === '@mediapipe/pose' ? `${name}/package.json` : name));
	} catch {
		return null;
	}
}

/** @param {string} dir */
function packageVersion(dir) {
	return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

/**
 * @param {string} path
 * @returns {Record<string, any>}
 */
function readStamp(path) {
	try {
		const s = JSON.parse(readFileSync(path, 'utf8'));
		return s && s.format === STAMP_FORMAT ? s : { format: STAMP_FORMAT, outputs: {} };
	} catch {
		return { format: STAMP_FORMAT, outputs: {} };
	}
}

/** Writes via a temporary file so an interrupted build never leaves a partial output. @param {string} path @param {Uint8Array | string} data */
function writeAtomic(path, data) {
	const tmp = `${path}.tmp-${process.pid}`;
	writeFileSync(tmp, data);
	renameSync(tmp, path);
}

/**
 * Copies the tasks-vision wasm loader + binaries, skipping identical files.
 * @param {string} tasksVisionDir @param {string} outDir
 */
function copyWasm(tasksVisionDir, outDir) {
	const src = join(tasksVisionDir, 'wasm');
	mkdirSync(outDir, { recursive: true });
	const files = readdirSync(src).filter((f) => /\.(js|wasm)$/.test(f)).sort();
	let copied = 0;
	for (const f of files) {
		const from = join(src, f);
		const to = join(outDir, f);
		if (existsSync(to) && statSync(to).size === statSync(from).size && fileSha256(to) === fileSha256(from)) continue;
		copyFileSync(from, `${to}.tmp-${process.pid}`);
		renameSync(`${to}.tmp-${process.pid}`, to);
		copied++;
	}
	const where = relative(repoRoot, outDir) || outDir;
	log(copied ? `copied ${copied}/${files.length} wasm files to ${where}` : `wasm up to date (${files.length} files in ${where})`);
}

function parseCli() {
	return parseArgs({
		options: {
			only: { type: 'string' },
			out: { type: 'string' },
			'wasm-out': { type: 'string' },
			'no-wasm': { type: 'boolean', default: false },
			'swap-normalization': { type: 'boolean', default: false },
			force: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	}).values;
}

function main() {
	/** @type {ReturnType<typeof parseCli>} */
	let values;
	try {
		values = parseCli();
	} catch (err) {
		console.error(`models: ${err instanceof Error ? err.message : err} (see --help)`);
		return 2;
	}
	if (values.help) {
		console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 13).join('\n').replace(/^\/\/ ?/gm, ''));
		return 0;
	}

	const variants = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [...POSE_VARIANTS];
	for (const v of variants) {
		if (!(/** @type {readonly string[]} */ (POSE_VARIANTS).includes(v))) {
			console.error(`models: unknown variant "${v}" (expected ${POSE_VARIANTS.join(', ')})`);
			return 2;
		}
	}
	const swap = values['swap-normalization'];
	const defaultOut = values.out === undefined;
	const outDir = resolve(values.out ?? join(repoRoot, 'static/mediapipe/models'));
	const wasmOut = values['no-wasm'] ? null : values['wasm-out'] ? resolve(values['wasm-out']) : defaultOut ? join(repoRoot, 'static/mediapipe/wasm') : null;

	const poseDir = packageDir('@mediapipe/pose');
	const visionDir = packageDir('@mediapipe/tasks-vision');
	if (!poseDir) {
		console.error('models: @mediapipe/pose is not installed (it is a devDependency); cannot build the pose models');
		return 1;
	}
	for (const [name, dir] of [['@mediapipe/pose', poseDir], ['@mediapipe/tasks-vision', visionDir]]) {
		const want = EXPECTED_VERSIONS[/** @type {keyof typeof EXPECTED_VERSIONS} */ (name)];
		const have = dir && packageVersion(dir);
		if (dir && have !== want) log(`warning: ${name} is ${have}, this build step was verified with ${want}`);
	}

	mkdirSync(outDir, { recursive: true });
	const stampPath = join(outDir, STAMP_FILE);
	const stamp = readStamp(stampPath);
	const inputs = poseInputPaths(poseDir);
	const code = scriptHash();
	const detectorInputs = `${fileSha256(inputs.packedAssets)}:${fileSha256(inputs.loader)}`;
	/** @type {Uint8Array | null} */
	let detector = null;

	for (const variant of variants) {
		const file = `pose_landmarker_${variant}${swap ? '_swapped' : ''}.task`;
		const outPath = join(outDir, file);
		const key = sha256([`format${STAMP_FORMAT}`, code, variant, swap, detectorInputs, fileSha256(inputs.landmarks[variant])].join('|'));
		const prev = stamp.outputs[file];
		if (!values.force && prev && prev.key === key && existsSync(outPath) && fileSha256(outPath) === prev.sha256) {
			log(`up to date ${file}`);
			continue;
		}
		const t0 = performance.now();
		detector ??= loadDetector(poseDir);
		const landmarks = new Uint8Array(readFileSync(inputs.landmarks[variant]));
		const task = buildPoseLandmarkerTask({ detector, landmarks, variant, swapNormalization: swap });
		writeAtomic(outPath, task);
		stamp.outputs[file] = { key, sha256: sha256(task), size: task.length };
		writeAtomic(stampPath, `${JSON.stringify(stamp, null, '\t')}\n`);
		log(`built ${file} (${mb(task.length)}, ${Math.round(performance.now() - t0)} ms)${swap ? ' [negative control]' : ''}`);
	}

	if (wasmOut) {
		if (!visionDir) {
			console.error('models: @mediapipe/tasks-vision is not installed; cannot copy its wasm');
			return 1;
		}
		copyWasm(visionDir, wasmOut);
	}
	return 0;
}

try {
	process.exitCode = main();
} catch (err) {
	console.error(`models: build failed: ${err instanceof Error ? err.stack : err}`);
	process.exitCode = 1;
}
