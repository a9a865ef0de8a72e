/**
 * `npm run eval`: the still posture classifier on real people it has never seen.
 *
 * Reads ../shared/datasets relative to the repository (never copies anything into the repo; says
 * so and exits 0 when the folder is absent). Per source: a confusion matrix (the source's own
 * classes x predicted labels) and per-label precision / recall / F1 against each source's classes
 * mapped to our labels (the mapping is printed). Then the issue's targets in one summary.
 *
 * Landmark files are classified as they are. Photos need the pose engine in a browser:
 * landmarksForImages from scripts/lib/media-landmarks.ts (imported dynamically; when missing or
 * failing, "photo sources skipped: <reason>"), run with the engine settings of `analyze` and classified
 * by the same stills pipeline, so a photo's verdict here is what `analyze --stills` prints for it. Photo
 * landmarks are cached under .cache/eval/ by file hash and engine settings, so re-runs are fast.
 *
 * Usage: npm run eval [-- --no-photos] [-- --datasets DIR]
 */
import { DESK_WEBCAM_COLUMNS } from './eval-calibration';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseLandmarkLines, type LandmarkRecord } from '../src/lib/io/landmark-formats';
import { classifyPosture } from '../src/lib/posture/classify';
import { createPosturePipeline } from '../src/lib/posture/pipeline';
import { DEFAULT_DWELL_MS } from '../src/lib/temporal/filter';
import { CLI_ENGINE } from './lib/cli-engine';
import { POSTURE_LABELS, type PostureLabel, type PostureVerdict } from '../src/lib/posture/types';
import type { Landmark, PersonPose } from '../src/lib/pose/types';
import { LM, LANDMARK_COUNT } from '../src/lib/pose/landmarks';
import { averageBody } from '../src/lib/synth/body';
import { makePose } from '../src/lib/synth/pose';
import { forwardKinematics, ground } from '../src/lib/synth/kinematics';
import { makeCamera, project } from '../src/lib/synth/camera';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const argValue = (name: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};
const DATA = resolve(argValue('--datasets') ?? join(REPO, '..', 'shared', 'datasets'));
const NO_PHOTOS = args.includes('--no-photos');
const CACHE = join(REPO, '.cache', 'eval');

type Label = PostureLabel;

// ---------------------------------------------------------------------------------------------
// Tallies

class Tally {
	/** raw class -> predicted label -> count */
	readonly matrix = new Map<string, Map<Label, number>>();
	/** (truth, predicted) pairs in our label space, for precision / recall / F1 */
	readonly pairs: Array<[Label, Label]> = [];
	constructor(
		readonly name: string,
		readonly mapping: Record<string, Label>
	) {}
	add(raw: string, pred: Label) {
		let row = this.matrix.get(raw);
		if (!row) this.matrix.set(raw, (row = new Map()));
		row.set(pred, (row.get(pred) ?? 0) + 1);
		const truth = this.mapping[raw];
		if (truth) this.pairs.push([truth, pred]);
	}
	get n() {
		return this.pairs.length;
	}
}

interface Prf {
	p: number;
	r: number;
	f1: number;
	support: number;
	predicted: number;
}

function prf(pairs: ReadonlyArray<[Label, Label]>, label: Label): Prf {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (const [t, p] of pairs) {
		if (p === label && t === label) tp++;
		else if (p === label) fp++;
		else if (t === label) fn++;
	}
	const p = tp + fp ? tp / (tp + fp) : NaN;
	const r = tp + fn ? tp / (tp + fn) : NaN;
	const f1 = p + r > 0 ? (2 * p * r) / (p + r) : tp + fp + fn ? 0 : NaN;
	return { p, r, f1, support: tp + fn, predicted: tp + fp };
}

const fmt = (v: number) => (Number.isNaN(v) ? '   -' : v.toFixed(2).padStart(4));
const SHORT: Record<Label, string> = {
	hands_on_knees: 'hok',
	slouched: 'slch',
	forward_fold: 'fold',
	upright: 'upr',
	cobra: 'cobr',
	sphinx: 'sphx',
	back_extension: 'bext',
	hanging: 'hang',
	other: 'oth',
	unknown: 'unk'
};

function printTally(t: Tally, note = '') {
	console.log(`\n## ${t.name}${note ? `  (${note})` : ''}`);
	const mapping = Object.entries(t.mapping)
		.map(([k, v]) => `${k}->${v}`)
		.join(', ');
	console.log(`truth mapping: ${mapping}`);
	const rows = [...t.matrix.keys()];
	const w = Math.max(14, ...rows.map((r) => r.length)) + 1;
	console.log('confusion (rows: source class, columns: predicted)');
	console.log(' '.repeat(w) + POSTURE_LABELS.map((l) => SHORT[l].padStart(5)).join('') + '     n');
	for (const r of rows) {
		const row = t.matrix.get(r)!;
		const n = [...row.values()].reduce((a, b) => a + b, 0);
		console.log(r.padEnd(w) + POSTURE_LABELS.map((l) => String(row.get(l) ?? 0).padStart(5)).join('') + String(n).padStart(6));
	}
	const labels = POSTURE_LABELS.filter((l) => t.pairs.some(([a, b]) => a === l || b === l));
	console.log('per label:      P     R    F1  support predicted');
	for (const l of labels) {
		const m = prf(t.pairs, l);
		console.log(`  ${l.padEnd(14)}${fmt(m.p)}  ${fmt(m.r)}  ${fmt(m.f1)}  ${String(m.support).padStart(6)}  ${String(m.predicted).padStart(6)}`);
	}
}

// ---------------------------------------------------------------------------------------------
// Reading landmark files

function readLines(path: string): string[] {
	const buf = readFileSync(path);
	const text = path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
	return text.split('\n');
}

function records(path: string): LandmarkRecord[] {
	return [...parseLandmarkLines(readLines(path), 'csv')];
}

const verdict = (person: PersonPose, aspect: number): PostureVerdict => classifyPosture(person, { aspect });

// ---------------------------------------------------------------------------------------------
// Sources with landmarks

/** yoga-stills: MediaPipe landmarks (x, y, z, visibility) of stills of 8 yoga poses. */
function yogaStills(): Tally | null {
	const dir = join(DATA, 'yoga-stills', 'results_csv');
	if (!existsSync(dir)) return null;
	// Which of our labels each asana is: all are poses to leave alone (negatives for the flexed
	// labels): lunges, squats, side bends, one-legged balances, a seated bound angle and down dog.
	const mapping: Record<string, Label> = {
		ArdhaChandrasana: 'other',
		BaddhaKonasana: 'other',
		Downward_Dog: 'other',
		Natarajasana: 'other',
		Triangle: 'other',
		UtkataKonasana: 'other',
		Veerabhadrasana: 'other',
		Vrukshasana: 'other'
	};
	const t = new Tally('yoga-stills (landmark CSV, stills of 8 asanas; aspect unknown: 1)', mapping);
	for (const f of readdirSync(dir).sort()) {
		const raw = f.replace(/^Dataset_/, '').replace(/\.csv$/, '');
		for (const r of records(join(dir, f))) t.add(raw, verdict({ landmarks: r.landmarks }, 1).label);
	}
	return t;
}

/** sitting-posture-stills: x, y only, many people sitting. */
function sittingStills(): Tally | null {
	const path = join(DATA, 'sitting-posture-stills', 'full_mediapipe_keypoints.csv');
	if (!existsSync(path)) return null;
	// Reclining on a backrest with a straight back is an ergonomic recommendation, not a slump;
	// crossed legs say nothing about the back: both count as upright.
	const mapping: Record<string, Label> = {
		proper: 'upright',
		slouching: 'slouched',
		reclining: 'upright',
		crossed_legs: 'upright'
	};
	const t = new Tally('sitting-posture-stills (x,y only; aspect unknown: 1)', mapping);
	for (const r of records(path)) t.add(String(r.extra?.class ?? '?'), verdict({ landmarks: r.landmarks }, 1).label);
	return t;
}

/**
 * exercise-states: 33 x (x, y, z) centred on the pelvis. The values are image coordinates x100
 * (y spans ~1 frame height, z is the pose model's image depth, which straight standing legs show
 * to be unusable), so they are used as image landmarks: x, y shifted back into the frame, z dropped.
 */
function exerciseStates(): Tally | null {
	const path = join(DATA, 'exercise-states', 'train.csv');
	if (!existsSync(path)) return null;
	// Hanging from the bar is pullups_down; at the top of a pull-up the elbows are bent (still on the
	// bar, but not the straight-armed hang the coach asks for). Standing frames are upright.
	const mapping: Record<string, Label> = {
		pullups_down: 'hanging',
		pullups_up: 'other',
		squats_up: 'upright',
		squats_down: 'other',
		jumping_jacks_down: 'upright',
		jumping_jacks_up: 'upright',
		pushups_up: 'other',
		pushups_down: 'other',
		situp_up: 'other',
		situp_down: 'other'
	};
	const t = new Tally('exercise-states (pelvis-centred image x,y x100; aspect unknown: 1)', mapping);
	for (const r of records(path)) {
		const lm = r.landmarks.map((l) => (l ? { x: 0.5 + l.x / 250, y: 0.5 + l.y / 250 } : null));
		t.add(String(r.extra?.pose ?? '?'), verdict({ landmarks: lm }, 1).label);
	}
	return t;
}

// ---- Desk webcam ----------------------------------------------------------------------------


/**
 * A canonical upright person at a front laptop webcam, from the skeleton model (average adult,
 * 1.72 m, sitting tall; camera 0.7 m away, a little below the eyes looking up 8 degrees, 65 degree
 * field of view, 640x480): where the desk-webcam recording's offsets are added.
 */
function canonicalDeskPose(): Landmark[] {
	const body = averageBody();
	const pose = ground(
		body,
		makePose({
			lHipFlex: 90,
			rHipFlex: 90,
			lKneeFlex: 90,
			rKneeFlex: 90,
			lShoulderFlex: 35,
			rShoulderFlex: 35,
			lShoulderAbd: 10,
			rShoulderAbd: 10,
			lElbowFlex: 80,
			rElbowFlex: 80
		})
	);
	const sk = forwardKinematics(body, pose);
	const m = (a: number, b: number) => sk.points[a].map((v, i) => (v + sk.points[b][i]) / 2);
	const ears = m(LM.leftEar, LM.rightEar);
	const sh = m(LM.leftShoulder, LM.rightShoulder);
	const target = ears.map((v, i) => 0.45 * v + 0.55 * sh[i]) as [number, number, number];
	const cam = makeCamera(sk, 0, { view: 0, pitch: -8, distance: 0.7, target, fovDeg: 65, width: 640, height: 480 });
	return project(sk, cam).landmarks;
}

/**
 * sitting-webcam-good-bad: offsets from one person's calibration baseline, rebuilt on the canonical
 * pose; rows that carry absolute coordinates (shoulders ~0.3 of the frame apart; the last rows of
 * the file) are used as they are.
 */
function deskWebcam(): { tally: Tally; note: string } | null {
	const path = join(DATA, 'sitting-webcam-good-bad', 'baseline-subtracted.csv');
	if (!existsSync(path)) return null;
	const canon = canonicalDeskPose();
	const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
	const header = lines[0].split(',');
	const col = (n: string) => header.indexOf(n);
	const t = new Tally('sitting-webcam-good-bad (front laptop webcam, upper body, uncalibrated)', {
		good: 'upright',
		bad: 'slouched'
	});
	let absolute = 0;
	for (const line of lines.slice(1)) {
		const v = line.split(',').map(Number);
		const isAbs =
			v[col('left_shoulder_x')] - v[col('right_shoulder_x')] > 0.15 &&
			v[col('nose_y')] > 0.25 &&
			Math.min(v[col('left_shoulder_y')], v[col('right_shoulder_y')]) > 0.4;
		if (isAbs) absolute++;
		const lm: Array<Landmark | null> = new Array(LANDMARK_COUNT).fill(null);
		for (const [name, idx] of DESK_WEBCAM_COLUMNS) {
			const b = isAbs ? { x: 0, y: 0 } : canon[idx];
			lm[idx] = { x: b.x + v[col(`${name}_x`)], y: b.y + v[col(`${name}_y`)], visibility: 0.99 };
		}
		t.add(v[col('label')] === 1 ? 'bad' : 'good', verdict({ landmarks: lm }, 640 / 480).label);
	}
	return { tally: t, note: `${absolute} rows with absolute coordinates used as they are` };
}

async function deskWebcamCalibrated(): Promise<string[] | null> {
	// The calibration engineer's evaluation (scripts/eval-calibration.ts) calibrates on 20 of the
	// person's upright frames and applies their calibration to this classifier.
	if (!existsSync(join(REPO, 'src', 'lib', 'calibration', 'calibrate.ts'))) return null;
	try {
		const mod = (await import('./eval-calibration')) as {
			evalDeskWebcam?: (dir: string, n?: number) => Promise<Record<string, unknown> | null>;
		};
		if (typeof mod.evalDeskWebcam !== 'function') return ['calibrated: scripts/eval-calibration.ts has no evalDeskWebcam'];
		const r = await mod.evalDeskWebcam(DATA, 20);
		if (!r) return null;
		const m = (x: unknown) => {
			const o = x as { f1: number; precision: number; recall: number; n: number } | null;
			return o ? `F1 ${o.f1.toFixed(3)}  P ${o.precision.toFixed(3)}  R ${o.recall.toFixed(3)}  (n ${o.n})` : 'n/a';
		};
		const out = [
			`still classifier uncalibrated (their generic baseline pose): ${m(r.uncalibrated)}`,
			`still classifier + calibration (20 upright frames):          ${m(r.classifierCalibrated)}`,
			`personal calibration model alone:                            ${m(r.calibrated)}`,
			`whole calibrated pipeline (temporal layer):                  ${m(r.pipelineCalibrated)}`
		];
		const hh = r.headHeightRule as Array<{ drop: number; f1: number }> | undefined;
		if (hh) out.push(`single-feature head-height rule, calibrated (baseline):      ${hh.map((h) => `drop ${h.drop}: F1 ${h.f1.toFixed(3)}`).join(', ')}`);
		return out;
	} catch (e) {
		return [`calibrated section failed: ${(e as Error).message}`];
	}
}

// ---- PosePilot sequences ---------------------------------------------------------------------

/** Frame time in ms from img_path ".../<frame>_<unix seconds>.jpg", or null. */
function timeOf(rec: LandmarkRecord): number | null {
	const p = String(rec.extra?.img_path ?? '');
	const m = /_(\d+(?:\.\d+)?)\.(?:jpg|png|jpeg)$/i.exec(p);
	return m ? Number(m[1]) * 1000 : null;
}

interface SequenceReport {
	lines: string[];
	cobraHold: { hit: number; n: number };
	cobraAll: { hit: number; n: number };
	flexedFrames: number;
	frames: number;
	longestFlexedMs: number;
	flexedPastDwell: number;
	pipelineFlexedStates: number;
	pipelineCobraStates: number;
}

/**
 * posepilot-yoga-sequences: whole movements (stand, get down, hold, back up) from 4 cameras. No
 * per-frame labels: label histograms per asana, frames and longest still-frame runs of
 * hands_on_knees / slouched, cobra recall on the cobra recordings (all frames, and the last third
 * of each recording, where these recordings hold the pose), and whether the temporal pipeline enters a
 * flexed state.
 * The cameras' resolution is unknown; 4:3 is assumed (shoulder widths of people facing the camera
 * then match their usual ~0.68 trunk lengths).
 */
async function posepilot(): Promise<SequenceReport | null> {
	const root = join(DATA, 'posepilot-yoga-sequences');
	if (!existsSync(root)) return null;
	const ASPECT = 4 / 3;
	const rep: SequenceReport = {
		lines: [],
		cobraHold: { hit: 0, n: 0 },
		cobraAll: { hit: 0, n: 0 },
		flexedFrames: 0,
		frames: 0,
		longestFlexedMs: 0,
		flexedPastDwell: 0,
		pipelineFlexedStates: 0,
		pipelineCobraStates: 0
	};
	const header = `  ${'asana'.padEnd(10)}${POSTURE_LABELS.map((l) => SHORT[l].padStart(6)).join('')}   frames  longest hok/slch run`;
	rep.lines.push(header);
	const asanas = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory());
	for (const asana of asanas.sort()) {
		const hist = new Map<Label, number>();
		let frames = 0;
		let longest = 0;
		let longestAt = '';
		const files: string[] = [];
		const dir = join(root, asana);
		for (const e of readdirSync(dir).sort()) {
			const p = join(dir, e);
			if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) files.push(join(p, f));
			else if (/\.csv(\.gz)?$/.test(e)) files.push(p);
		}
		for (const file of files) {
			let recs: LandmarkRecord[];
			try {
				recs = records(file);
			} catch (e) {
				rep.lines.push(`  ${relative(root, file)}: ${(e as Error).message}`);
				continue;
			}
			const pipe = createPosturePipeline();
			let run: { label: Label; start: number; end: number } | null = null;
			const closeRun = () => {
				if (!run) return;
				const len = run.end - run.start;
				if (len > longest) {
					longest = len;
					longestAt = `${basename(dirname(file))}/${basename(file)} ${run.label}`;
				}
				if (len >= DEFAULT_DWELL_MS[run.label]) rep.flexedPastDwell++;
				run = null;
			};
			// The recordings end in the hold (stand, get down, lie, lift into the pose): its last third.
			const hold0 = Math.floor(recs.length * (2 / 3));
			const hold1 = recs.length;
			let lastT = -Infinity;
			let sawFlexedState = false;
			let sawCobraState = false;
			recs.forEach((r, i) => {
				let t = timeOf(r) ?? i * (1000 / 18);
				if (t <= lastT) t = lastT + 1;
				lastT = t;
				const v = verdict({ landmarks: r.landmarks }, ASPECT);
				hist.set(v.label, (hist.get(v.label) ?? 0) + 1);
				frames++;
				const flexed = v.label === 'hands_on_knees' || v.label === 'slouched';
				if (flexed) rep.flexedFrames++;
				if (flexed && run && run.label === v.label) run.end = t;
				else {
					closeRun();
					if (flexed) run = { label: v.label, start: t, end: t };
				}
				if (asana === 'cobra') {
					rep.cobraAll.n++;
					if (v.label === 'cobra') rep.cobraAll.hit++;
					if (i >= hold0 && i < hold1) {
						rep.cobraHold.n++;
						if (v.label === 'cobra') rep.cobraHold.hit++;
					}
				}
				const st = pipe.update({ t, people: [{ landmarks: r.landmarks }], width: 640, height: 480 });
				if (st.label === 'hands_on_knees' || st.label === 'slouched') sawFlexedState = true;
				if (st.label === 'cobra') sawCobraState = true;
			});
			closeRun();
			if (sawFlexedState) rep.pipelineFlexedStates++;
			if (asana === 'cobra' && sawCobraState) rep.pipelineCobraStates++;
		}
		rep.frames += frames;
		rep.longestFlexedMs = Math.max(rep.longestFlexedMs, longest);
		rep.lines.push(
			`  ${asana.padEnd(10)}${POSTURE_LABELS.map((l) => String(hist.get(l) ?? 0).padStart(6)).join('')}  ${String(frames).padStart(7)}  ${(longest / 1000).toFixed(1)} s${longestAt ? ` (${longestAt})` : ''}`
		);
	}
	return rep;
}

// ---------------------------------------------------------------------------------------------
// Photos

interface PhotoLandmarks {
	file: string;
	/** Everyone the engine found, most prominent first. */
	people: PersonPose[];
	width: number;
	height: number;
	error?: string;
}

interface PhotoSet {
	name: string;
	files: Array<{ file: string; raw: string }>;
	mapping: Record<string, Label>;
}

function photoSets(): PhotoSet[] {
	const sets: PhotoSet[] = [];
	const img = /\.(jpe?g|png|webp)$/i;
	const bow = join(DATA, 'bowing-hands-on-knees');
	if (existsSync(bow)) {
		const files: PhotoSet['files'] = [];
		for (const cls of ['ruku', 'sujud']) {
			const d = join(bow, cls);
			if (existsSync(d)) for (const f of readdirSync(d).sort()) if (img.test(f)) files.push({ file: join(d, f), raw: cls });
		}
		sets.push({
			name: 'bowing-hands-on-knees (photos)',
			files,
			mapping: { ruku: 'hands_on_knees', sujud: 'other' }
		});
	}
	const salat = join(DATA, 'salat-riotu-samples');
	if (existsSync(salat)) {
		const files: PhotoSet['files'] = [];
		for (const cls of ['qiyam', 'ruku', 'sujud', 'sitting']) {
			const d = join(salat, cls);
			if (existsSync(d)) for (const f of readdirSync(d).sort()) if (img.test(f)) files.push({ file: join(d, f), raw: cls });
		}
		// Kneel-sitting on the heels with a tall back is upright.
		sets.push({
			name: 'salat-riotu-samples (photos)',
			files,
			mapping: { qiyam: 'upright', ruku: 'hands_on_knees', sujud: 'other', sitting: 'upright' }
		});
	}
	const sit = join(DATA, 'sitting-posture-stills', 'photos');
	if (existsSync(sit)) {
		const files: PhotoSet['files'] = [];
		for (const f of readdirSync(sit).sort()) {
			if (!img.test(f)) continue;
			const n = f.toLowerCase();
			// Photos of crowds and the ambiguous "proper_or_reclining" carry no single label.
			const raw = n.startsWith('crowded') || n.startsWith('proper_or')
				? null
				: n.includes('slouch')
					? 'slouching'
					: n.includes('recline') || n.includes('reclining')
						? 'reclining'
						: n.includes('crossed')
							? 'crossed_legs'
							: n.includes('proper') || n.includes('good-posture')
								? 'proper'
								: null;
			if (raw) files.push({ file: join(sit, f), raw });
		}
		sets.push({
			name: 'sitting-posture-stills (photos)',
			files,
			mapping: { proper: 'upright', slouching: 'slouched', reclining: 'upright', crossed_legs: 'upright' }
		});
	}
	return sets;
}

type LandmarksForImages = (
	paths: string[],
	opts: { model: 'lite' | 'full' | 'heavy'; numPoses: number; imageMinDetectionConfidence: number }
) => Promise<PhotoLandmarks[]>;

/** The photos go through the engine as `analyze` runs it (lite, its default model). Part of the cache key. */
const PHOTO_ENGINE = { model: 'lite', ...CLI_ENGINE } as const;

/** A photo's verdict as `analyze --stills` gives it: the stills pipeline picks the person and classifies them. */
function photoLabel(r: PhotoLandmarks): Label {
	const state = createPosturePipeline({ stills: true }).update({ t: 0, people: r.people, width: r.width, height: r.height });
	return state.label === 'away' ? 'unknown' : state.label;
}

async function photoLandmarks(paths: string[]): Promise<Map<string, PhotoLandmarks>> {
	mkdirSync(CACHE, { recursive: true });
	const out = new Map<string, PhotoLandmarks>();
	// The file's content and the engine settings: landmarks from another model or detector confidence are not reused.
	const setting = `${PHOTO_ENGINE.model}-det${PHOTO_ENGINE.imageMinDetectionConfidence}-n${PHOTO_ENGINE.numPoses}-people`;
	const key = (p: string) => `${createHash('sha1').update(readFileSync(p)).digest('hex')}-${setting}`;
	const todo: string[] = [];
	for (const p of paths) {
		const c = join(CACHE, `${key(p)}.json`);
		if (existsSync(c)) out.set(p, { ...(JSON.parse(readFileSync(c, 'utf8')) as PhotoLandmarks), file: p });
		else todo.push(p);
	}
	if (todo.length) {
		const modPath = './lib/media-landmarks';
		const mod = (await import(modPath)) as { landmarksForImages?: LandmarksForImages };
		if (typeof mod.landmarksForImages !== 'function') throw new Error('scripts/lib/media-landmarks.ts exports no landmarksForImages');
		process.stderr.write(`eval: finding landmarks in ${todo.length} photos with the pose engine (cached in .cache/eval/)...\n`);
		const res = await mod.landmarksForImages(todo, { ...PHOTO_ENGINE });
		for (const r of res) {
			const entry: PhotoLandmarks = {
				file: r.file,
				people: r.people,
				width: r.width,
				height: r.height,
				...(r.error ? { error: r.error } : {})
			};
			if (!r.error) writeFileSync(join(CACHE, `${key(r.file)}.json`), JSON.stringify(entry));
			out.set(r.file, entry);
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------

async function main() {
	if (!existsSync(DATA)) {
		console.log(`eval: no datasets at ${DATA} (expected ../shared/datasets next to the repository); nothing to evaluate.`);
		return;
	}
	console.log(`# Still posture classifier on real people (datasets: ${DATA})`);
	console.log('Each frame or photo is classified on its own (no temporal layer, no calibration unless said).');

	/** Pairs across sources for the hands_on_knees target. */
	const hokPairs: Array<[Label, Label]> = [];
	const addHok = (t: Tally) => {
		for (const [truth, pred] of t.pairs) hokPairs.push([truth === 'hands_on_knees' ? truth : 'other', pred === 'hands_on_knees' ? pred : 'other']);
	};

	const yoga = yogaStills();
	if (yoga) {
		printTally(yoga);
		addHok(yoga);
	}
	const sitting = sittingStills();
	if (sitting) {
		printTally(sitting);
		addHok(sitting);
	}
	const ex = exerciseStates();
	if (ex) printTally(ex);

	const desk = deskWebcam();
	let deskSlouch: Prf | null = null;
	if (desk) {
		printTally(desk.tally, desk.note);
		const pairs = desk.tally.pairs.map(([t, p]): [Label, Label] => [t, p === 'slouched' ? 'slouched' : 'upright']);
		deskSlouch = prf(pairs, 'slouched');
		console.log(`slouched vs not (uncalibrated): F1 ${fmt(deskSlouch.f1)}  P ${fmt(deskSlouch.p)}  R ${fmt(deskSlouch.r)}`);
		console.log('\n### calibrated (20 of the person\'s upright frames; calibration by src/lib/calibration)');
		const cal = await deskWebcamCalibrated();
		if (!cal) console.log('  [CALIBRATED SECTION] src/lib/calibration not present yet: skipped (runs once it exists).');
		else for (const l of cal) console.log(`  ${l}`);
	}

	const seq = await posepilot();
	if (seq) {
		console.log('\n## posepilot-yoga-sequences (whole recordings, 4 cameras, still labels per frame; aspect 4:3 assumed)');
		for (const l of seq.lines) console.log(l);
		console.log(
			`hands_on_knees/slouched still frames: ${seq.flexedFrames} of ${seq.frames}; longest run ${(seq.longestFlexedMs / 1000).toFixed(1)} s; runs past the temporal dwell: ${seq.flexedPastDwell}`
		);
		console.log(`temporal pipeline: recordings that entered a hands_on_knees/slouched state: ${seq.pipelineFlexedStates}; cobra recordings reaching a cobra state: ${seq.pipelineCobraStates}`);
		console.log(
			`cobra recall on cobra recordings: all frames ${(seq.cobraAll.hit / Math.max(1, seq.cobraAll.n)).toFixed(2)} (${seq.cobraAll.hit}/${seq.cobraAll.n}); last third (the hold) ${(seq.cobraHold.hit / Math.max(1, seq.cobraHold.n)).toFixed(2)} (${seq.cobraHold.hit}/${seq.cobraHold.n})`
		);
	}

	// Photos through the pose engine.
	const sets = photoSets();
	const photoTallies: Tally[] = [];
	if (NO_PHOTOS) console.log('\nphoto sources skipped: --no-photos');
	else if (sets.length) {
		let lm: Map<string, PhotoLandmarks> | null = null;
		try {
			lm = await photoLandmarks(sets.flatMap((s) => s.files.map((f) => f.file)));
		} catch (e) {
			console.log(`\nphoto sources skipped: ${(e as Error).message.split('\n')[0]}`);
		}
		if (lm) {
			for (const s of sets) {
				const t = new Tally(s.name, s.mapping);
				let none = 0;
				for (const { file, raw } of s.files) {
					const r = lm.get(file);
					if (!r || !r.people.length) {
						none++;
						t.add(raw, 'unknown');
						continue;
					}
					t.add(raw, photoLabel(r));
				}
				printTally(t, `engine and stills pipeline as 'analyze --stills' runs them; ${none} photos where the engine found nobody ('analyze' says away) count as unknown`);
				const found = new Tally(s.name, s.mapping);
				for (const [truth, pred] of t.pairs) if (pred !== 'unknown') found.pairs.push([truth, pred]);
				const hok = prf(found.pairs, 'hands_on_knees');
				if (hok.support) console.log(`  on photos where a person was found: hands_on_knees P ${fmt(hok.p)} R ${fmt(hok.r)} (${hok.support} positives)`);
				photoTallies.push(t);
				addHok(t);
			}
		}
	}

	// Summary against the issue's targets.
	console.log('\n## Targets');
	const hok = prf(hokPairs, 'hands_on_knees');
	const hokSources = ['yoga-stills', 'sitting-posture-stills', ...photoTallies.map((t) => t.name)].join(', ');
	console.log(
		`hands_on_knees vs kneeling/standing/sitting/yoga (${hokSources}): P ${fmt(hok.p)} R ${fmt(hok.r)} F1 ${fmt(hok.f1)} (positives ${hok.support}, predicted ${hok.predicted}; target >= 0.90 both)`
	);
	if (deskSlouch) console.log(`slouched vs upright, desk webcam, uncalibrated: F1 ${fmt(deskSlouch.f1)} (target >= 0.80)`);
	if (seq)
		console.log(
			`whole yoga sequences: ${seq.flexedPastDwell} still-frame hands_on_knees/slouched runs past the dwell; ${seq.pipelineFlexedStates} recordings with such a pipeline state (target 0)`
		);
}

main().catch((e) => {
	console.error(`eval failed: ${(e as Error).stack ?? e}`);
	process.exit(1);
});
