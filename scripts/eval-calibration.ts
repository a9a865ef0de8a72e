/**
 * Personal calibration on real desk-webcam data: slouched vs upright F1 for
 *   - a single-feature head-height rule, calibrated (the baseline to beat),
 *   - the personal calibration model (calibrate / calibratedScore), on 20 upright frames,
 *   - the still classifier uncalibrated and with applyCalibration (when classify.ts exists),
 * on ../shared/datasets/sitting-webcam-good-bad (one person at a front laptop webcam, 640x480,
 * ~10 frames/s, nose/eyes/ears/shoulders x,y,z minus that person's calibration baseline).
 *
 * The data only checks the model; nothing is fitted to it. Its rows are offsets from an unknown
 * baseline, so frames are rebuilt on a generic upright head-and-shoulders pose (GENERIC_BASELINE,
 * anthropometric, not from the data). The last 48 rows of the file (upright) carry absolute
 * coordinates (no baseline subtracted: shoulders ~0.3 of the frame apart); they are used as they are.
 *
 * Run: npx tsx scripts/eval-calibration.ts [datasetsDir]   (exits 0 with a message if absent)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Landmark, PersonPose, PoseFrame } from '../src/lib/pose/types';
import type { PostureVerdict } from '../src/lib/posture/types';
import { LM, LANDMARK_COUNT } from '../src/lib/pose/landmarks';
import { applyCalibration, calibrate, calibratedScore, type Calibration } from '../src/lib/calibration/calibrate';
import type { createPosturePipeline as CreatePipeline } from '../src/lib/posture/pipeline';

export const DESK_WEBCAM_DIR = 'sitting-webcam-good-bad';
const FILE = 'baseline-subtracted.csv';
const WIDTH = 640;
const HEIGHT = 480;
const FRAME_MS = 100;

/** The dataset's columns (each with _x, _y, _z) and the landmark each one is. */
export const DESK_WEBCAM_COLUMNS: Array<[string, number]> = [
	['nose', LM.nose],
	['left_eye', LM.leftEye],
	['right_eye', LM.rightEye],
	['left_ear', LM.leftEar],
	['right_ear', LM.rightEar],
	['left_shoulder', LM.leftShoulder],
	['right_shoulder', LM.rightShoulder]
];

/**
 * A generic upright head-and-shoulders pose at a 640x480 laptop webcam, from anthropometry: shoulder
 * landmarks ~0.36 of the frame width apart, ear-to-shoulder height ~0.55 shoulder widths, ear span
 * ~0.4, eye span ~0.17 shoulder widths; MediaPipe-like z (head nearer the camera than the shoulders).
 */
export const GENERIC_BASELINE: Record<number, Landmark> = {
	[LM.nose]: { x: 0.5, y: 0.47, z: -0.9 },
	[LM.leftEye]: { x: 0.531, y: 0.43, z: -0.85 },
	[LM.rightEye]: { x: 0.469, y: 0.43, z: -0.85 },
	[LM.leftEar]: { x: 0.572, y: 0.46, z: -0.5 },
	[LM.rightEar]: { x: 0.428, y: 0.46, z: -0.5 },
	[LM.leftShoulder]: { x: 0.68, y: 0.72, z: -0.3 },
	[LM.rightShoulder]: { x: 0.32, y: 0.72, z: -0.3 }
};

export interface DeskRow {
	frame: PoseFrame;
	/** 1 = slouched (bad), 0 = upright (good). */
	label: 0 | 1;
	/** The row carried absolute coordinates (no baseline subtracted). */
	absolute: boolean;
}

/** Read the desk-webcam recording as PoseFrames (rebuilt on GENERIC_BASELINE), or null if absent. */
export function deskWebcamRows(datasetsDir: string): DeskRow[] | null {
	const path = join(datasetsDir, DESK_WEBCAM_DIR, FILE);
	if (!existsSync(path)) return null;
	const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
	const header = lines[0].split(',');
	const col = (name: string) => header.indexOf(name);
	return lines.slice(1).map((line, i) => {
		const v = line.split(',').map(Number);
		// Absolute rows: shoulders ~0.3 of the frame apart, nose and shoulders where a webcam puts them
		// (offsets from a baseline are near 0 and never all of these at once).
		const absolute =
			v[col('left_shoulder_x')] - v[col('right_shoulder_x')] > 0.15 &&
			v[col('nose_y')] > 0.25 &&
			Math.min(v[col('left_shoulder_y')], v[col('right_shoulder_y')]) > 0.4;
		const landmarks: Array<Landmark | null> = new Array(LANDMARK_COUNT).fill(null);
		for (const [name, idx] of DESK_WEBCAM_COLUMNS) {
			const b = absolute ? { x: 0, y: 0, z: 0 } : GENERIC_BASELINE[idx];
			landmarks[idx] = {
				x: b.x + v[col(`${name}_x`)],
				y: b.y + v[col(`${name}_y`)],
				z: (b.z ?? 0) + v[col(`${name}_z`)],
				visibility: 0.99
			};
		}
		return {
			frame: { t: i * FRAME_MS, people: [{ landmarks }], width: WIDTH, height: HEIGHT },
			label: v[col('label')] === 1 ? 1 : 0,
			absolute
		};
	});
}

export interface Metrics {
	f1: number;
	precision: number;
	recall: number;
	n: number;
}

export function metrics(pred: boolean[], truth: boolean[]): Metrics {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (let i = 0; i < pred.length; i++) {
		if (pred[i] && truth[i]) tp++;
		else if (pred[i] && !truth[i]) fp++;
		else if (!pred[i] && truth[i]) fn++;
	}
	const precision = tp + fp ? tp / (tp + fp) : 0;
	const recall = tp + fn ? tp / (tp + fn) : 0;
	const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
	return { f1, precision, recall, n: pred.length };
}

/** Nose height above the shoulder line over shoulder width (the single-feature baseline). */
export function headHeight(person: PersonPose, aspect: number): number | null {
	const n = person.landmarks[LM.nose];
	const l = person.landmarks[LM.leftShoulder];
	const r = person.landmarks[LM.rightShoulder];
	if (!n || !l || !r) return null;
	const w = Math.hypot((l.x - r.x) * aspect, l.y - r.y);
	return w > 0 ? ((l.y + r.y) / 2 - n.y) / w : null;
}

type Classify = (person: PersonPose, ctx: { aspect: number }) => PostureVerdict;

async function loadClassifier(): Promise<{ classify: Classify; createPipeline: typeof CreatePipeline } | null> {
	try {
		const mod = (await import('../src/lib/posture/classify')) as { classifyPosture?: Classify };
		const pipe = await import('../src/lib/posture/pipeline');
		return typeof mod.classifyPosture === 'function'
			? { classify: mod.classifyPosture, createPipeline: pipe.createPosturePipeline }
			: null;
	} catch {
		return null;
	}
}

export interface DeskWebcamEval {
	rows: number;
	slouched: number;
	/** Upright frames used to calibrate (excluded from scoring). */
	calibrationFrames: number;
	/** Head-height rule calibrated on the same frames, for several drop thresholds (shoulder widths). */
	headHeightRule: Array<{ drop: number } & Metrics>;
	/** Personal model alone (slouch probability > 0.5), calibrated on the first 20 upright frames. */
	calibrated: Metrics;
	/** Same, on the rows that were baseline-subtracted only (the absolute rows are another framing). */
	calibratedRelative: Metrics;
	/** Same, calibrated on 20 consecutive upright frames taken at other points of the recording. */
	calibratedSpread: { windows: number; mean: number; min: number; max: number };
	/** Personal model with 20 upright + 20 deliberate-slouch frames (logistic part on; slouch frames from 3 s into the first slouched stretch). */
	calibratedWithSlouch: Metrics;
	/** Still classifier alone and with applyCalibration; null until classify.ts exists. */
	uncalibrated: Metrics | null;
	classifierCalibrated: Metrics | null;
	/**
	 * The whole calibrated pipeline over the recording in order (10 frames/s): its state label per
	 * frame (smoothing, hysteresis, 4 s slouch dwell), frames without a posture state yet excluded.
	 */
	pipelineCalibrated: Metrics | null;
}

/** Evaluate calibration on the desk-webcam recording; null when the data set is absent. */
export async function evalDeskWebcam(datasetsDir: string, calibrationCount = 20): Promise<DeskWebcamEval | null> {
	const rows = deskWebcamRows(datasetsDir);
	if (!rows) return null;
	const aspect = WIDTH / HEIGHT;
	const goodIdx = rows.map((r, i) => (r.label === 0 ? i : -1)).filter((i) => i >= 0);
	const badIdx = rows.map((r, i) => (r.label === 1 ? i : -1)).filter((i) => i >= 0);

	const scoreWith = (calIdx: number[], cal: Calibration, relativeOnly = false) => {
		const skip = new Set(calIdx);
		const pred: boolean[] = [];
		const truth: boolean[] = [];
		rows.forEach((r, i) => {
			if (skip.has(i) || (relativeOnly && r.absolute)) return;
			const s = calibratedScore(cal, r.frame.people[0], aspect);
			pred.push(s ? s.slouch > 0.5 : false);
			truth.push(r.label === 1);
		});
		return metrics(pred, truth);
	};

	const calIdx = goodIdx.slice(0, calibrationCount);
	const calFrames = calIdx.map((i) => rows[i].frame);
	const cal = calibrate(calFrames, { setupKey: 'eval@640x480' });
	const calibrated = scoreWith(calIdx, cal);
	const calibratedRelative = scoreWith(calIdx, cal, true);

	const spread: number[] = [];
	for (let s = 0; s + calibrationCount <= goodIdx.length; s += 100) {
		const idx = goodIdx.slice(s, s + calibrationCount);
		// the rows with absolute coordinates are a different framing: not a calibration window
		if (idx.some((i) => rows[i].absolute)) continue;
		spread.push(scoreWith(idx, calibrate(idx.map((i) => rows[i].frame))).f1);
	}

	// deliberate slouch as the app records it: after a 3 s get-ready countdown (30 frames at 10/s)
	const slouchIdx = badIdx.slice(30, 30 + calibrationCount);
	const calS = calibrate(calFrames, { slouchFrames: slouchIdx.map((i) => rows[i].frame) });
	const calibratedWithSlouch = scoreWith([...calIdx, ...slouchIdx], calS);

	const h0s = calIdx.map((i) => headHeight(rows[i].frame.people[0], aspect)!);
	const h0 = h0s.reduce((a, b) => a + b, 0) / h0s.length;
	const testIdx = rows.map((_, i) => i).filter((i) => !calIdx.includes(i));
	const truth = testIdx.map((i) => rows[i].label === 1);
	const headHeightRule = [0.05, 0.1, 0.15, 0.2].map((drop) => ({
		drop,
		...metrics(
			testIdx.map((i) => h0 - (headHeight(rows[i].frame.people[0], aspect) ?? h0) > drop),
			truth
		)
	}));

	let uncalibrated: Metrics | null = null;
	let classifierCalibrated: Metrics | null = null;
	let pipelineCalibrated: Metrics | null = null;
	const loaded = await loadClassifier();
	if (loaded) {
		const { classify, createPipeline } = loaded;
		const un: boolean[] = [];
		const ca: boolean[] = [];
		for (const i of testIdx) {
			const person = rows[i].frame.people[0];
			const v = classify(person, { aspect });
			un.push(v.label === 'slouched');
			ca.push(applyCalibration(cal, person, v, { aspect }).label === 'slouched');
		}
		uncalibrated = metrics(un, truth);
		classifierCalibrated = metrics(ca, truth);
		const pipe = createPipeline({ calibration: cal });
		const pp: boolean[] = [];
		const pt: boolean[] = [];
		for (const i of testIdx) {
			const st = pipe.update(rows[i].frame);
			if (st.label === 'unknown' || st.label === 'away') continue;
			pp.push(st.label === 'slouched');
			pt.push(rows[i].label === 1);
		}
		pipelineCalibrated = metrics(pp, pt);
	}

	return {
		rows: rows.length,
		slouched: badIdx.length,
		calibrationFrames: calIdx.length,
		headHeightRule,
		calibrated,
		calibratedRelative,
		calibratedSpread: {
			windows: spread.length,
			mean: spread.reduce((a, b) => a + b, 0) / Math.max(1, spread.length),
			min: Math.min(...spread),
			max: Math.max(...spread)
		},
		calibratedWithSlouch,
		uncalibrated,
		classifierCalibrated,
		pipelineCalibrated
	};
}

const fmt = (m: Metrics) => `F1 ${m.f1.toFixed(3)}  (P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}, n=${m.n})`;

async function main(): Promise<void> {
	const dir = resolve(process.argv[2] ?? join(process.cwd(), '..', 'shared', 'datasets'));
	const r = await evalDeskWebcam(dir);
	if (!r) {
		console.log(`eval-calibration: ${join(dir, DESK_WEBCAM_DIR, FILE)} not found; nothing to evaluate.`);
		return;
	}
	console.log(`desk webcam (${DESK_WEBCAM_DIR}): ${r.rows} frames, ${r.slouched} slouched; calibrated on ${r.calibrationFrames} upright frames`);
	for (const h of r.headHeightRule) console.log(`  head-height rule, drop > ${h.drop.toFixed(2)} sw : ${fmt(h)}`);
	console.log(`  personal model (20 upright)        : ${fmt(r.calibrated)}`);
	console.log(`    baseline-subtracted rows only    : ${fmt(r.calibratedRelative)}`);
	const s = r.calibratedSpread;
	console.log(`    other 20-frame windows (${s.windows})     : F1 mean ${s.mean.toFixed(3)}  min ${s.min.toFixed(3)}  max ${s.max.toFixed(3)}`);
	console.log(`  personal model (+20 slouch frames) : ${fmt(r.calibratedWithSlouch)}`);
	if (r.uncalibrated && r.classifierCalibrated) {
		console.log(`  classifier uncalibrated            : ${fmt(r.uncalibrated)}`);
		console.log(`  classifier + calibration           : ${fmt(r.classifierCalibrated)}`);
		if (r.pipelineCalibrated) console.log(`  pipeline (temporal) + calibration  : ${fmt(r.pipelineCalibrated)}`);
	} else {
		console.log('  classifier: src/lib/posture/classify.ts not available yet (uncalibrated not measured)');
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main().catch((e) => {
		console.error(e);
		process.exit(1);
	});
}
