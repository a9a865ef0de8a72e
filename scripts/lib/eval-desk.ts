/**
 * The desk sources of `npm run eval`: front-webcam recordings and photos of people sitting at a desk,
 * each labelled good / bad by whoever recorded them, converted faithfully from each source's layout
 * (src/lib/io/layouts) into PoseFrames. Nothing here is fitted to the data.
 *
 * Each item knows its fold (the source, or source/person where the source says who), whether it belongs
 * to the frozen final-check part (eval-split.ts), its recording and its order in it (for learning a
 * person's upright from a sequence).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PoseFrame } from '../../src/lib/pose/types';
import { moveNetToLandmarks } from '../../src/lib/io/layouts/movenet';
import { dontSlouchRowToLandmarks, VIRTUAL_FRAME_PX } from '../../src/lib/io/layouts/relative-pixels';
import { xyzRowToLandmarks } from '../../src/lib/io/layouts/xyz-rows';
import { deskWebcamRows } from '../eval-calibration';
import { isFrozen, rowBlock } from './eval-split';
import { imagesIn, type PhotoLandmarks } from './eval-photos';

export type SlouchTruth = 'slouched' | 'upright' | null;

export interface DeskItem {
	source: string;
	/** Leave-one-out unit: the source, or `source/person`. */
	fold: string;
	recording: string;
	/** Position in the recording (sequences), for learning the upright over time. */
	order: number;
	frame: PoseFrame;
	/** The source's own class. */
	raw: string;
	truth: SlouchTruth;
	frozen: boolean;
}

export interface DeskSource {
	name: string;
	/** What the source is and how it was read (printed with its table). */
	note: string;
	/** Assumed recording rate, frames per second (for minutes of watching); null for photos. */
	fps: number | null;
	items: DeskItem[];
}

function csvRows(path: string): string[][] {
	return readFileSync(path, 'utf8')
		.split(/\r?\n/)
		.filter((l) => l.trim())
		.map((l) => l.split(','));
}

/** sitting-webcam-good-bad: one person, offsets from their calibration baseline (eval-calibration.ts). */
function sittingWebcam(data: string): DeskSource | null {
	const rows = deskWebcamRows(data);
	if (!rows) return null;
	const name = 'sitting-webcam-good-bad';
	return {
		name,
		note: 'one person, front laptop webcam ~10 frames/s; offsets from their own baseline rebuilt on a generic upright pose (so "uncalibrated" here is partly calibrated)',
		fps: 10,
		items: rows.map((r, i) => ({
			source: name,
			fold: name,
			recording: name,
			order: i,
			frame: r.frame,
			raw: r.label === 1 ? 'bad' : 'good',
			truth: r.label === 1 ? 'slouched' : 'upright',
			frozen: isFrozen(name, rowBlock(name, i))
		}))
	};
}

/** NoahLi0620/EE250_Project: 33 x (x, y, z), no visibility, label 1 good / 0 bad. */
function noahLi(data: string): DeskSource | null {
	const path = join(data, 'desk-webcam-more', 'NoahLi0620__EE250_Project', 'posture_data.csv');
	if (!existsSync(path)) return null;
	const name = 'noahli-laptop';
	const items: DeskItem[] = csvRows(path).map((cells, i) => {
		const v = cells.map(Number);
		const good = v[99] === 1;
		return {
			source: name,
			fold: name,
			recording: name,
			order: i,
			frame: { t: i * 100, people: [{ landmarks: xyzRowToLandmarks(v.slice(0, 99)) }], width: 640, height: 480 },
			raw: good ? 'good' : 'bad',
			truth: good ? 'upright' : 'slouched',
			frozen: isFrozen(name, rowBlock(name, i))
		};
	});
	return {
		name,
		note: 'laptop webcam, probably one person; 33 x (x,y,z) without visibility (4:3 assumed); "bad" rows also lean or turn',
		fps: 10,
		items
	};
}

/**
 * vuhamthieu/smart-posture-assistant: MoveNet 17 points (y first), 4 people, good / hunch / lean / tilt.
 * Exact duplicate rows are read once. Slouched = hunch; lean and tilt are shown in the confusion but not
 * scored as slouch or upright (a sideways lean or a tilted head is not the flexion the app watches for).
 */
function vuhamthieu(data: string): DeskSource | null {
	const path = join(data, 'desk-webcam-more', 'vuhamthieu__smart-posture-assistant', 'posture_dataset_v2.csv');
	if (!existsSync(path)) return null;
	const name = 'vuhamthieu-usb';
	const [header, ...rows] = csvRows(path);
	const seen = new Set<string>();
	const items: DeskItem[] = [];
	const order = new Map<string, number>();
	for (const cells of rows) {
		const key = cells.join(',');
		if (seen.has(key)) continue;
		seen.add(key);
		const row: Record<string, string> = {};
		header.forEach((h, k) => (row[h] = cells[k]));
		const person = row.person_id;
		const i = order.get(person) ?? 0;
		order.set(person, i + 1);
		const rec = `${name}/p${person}`;
		items.push({
			source: name,
			fold: rec,
			recording: rec,
			order: i,
			frame: { t: i * 100, people: [{ landmarks: moveNetToLandmarks(row) }], width: 640, height: 480 },
			raw: row.label,
			truth: row.label === 'good' ? 'upright' : row.label === 'hunch' ? 'slouched' : null,
			frozen: isFrozen(name, rowBlock(rec, i))
		});
	}
	return {
		name,
		note: `4 people (person_id, each a fold), front USB camera, MoveNet points mapped to MediaPipe (4:3 assumed); ${rows.length - seen.size} exact duplicate rows read once; truth hunch = slouched, good = upright, lean/tilt not scored`,
		fps: 10,
		items
	};
}

/**
 * RahulVadhyar/dontSlouch (GPL-3.0): nose, eyes, mouth corners, left shoulder in pixels relative to the
 * right shoulder. good = fingood*, bad = finbadtrb + finbadvalb; finbadtrg / finbadvalg sit close to good
 * and may be mislabelled: shown, not scored.
 */
function dontSlouch(data: string): DeskSource | null {
	const dir = join(data, 'desk-webcam-more', 'RahulVadhyar__dontSlouch');
	if (!existsSync(dir)) return null;
	const name = 'dontslouch';
	const files: Array<[string, SlouchTruth]> = [
		['fingoodtrg', 'upright'],
		['fingoodvalg', 'upright'],
		['finbadtrb', 'slouched'],
		['finbadvalb', 'slouched'],
		['finbadtrg', null],
		['finbadvalg', null]
	];
	const items: DeskItem[] = [];
	for (const [f, truth] of files) {
		const path = join(dir, `${f}.csv`);
		if (!existsSync(path)) continue;
		const [header, ...rows] = csvRows(path);
		rows.forEach((cells, i) => {
			const row: Record<string, string> = {};
			header.forEach((h, k) => (row[h.trim()] = cells[k]));
			items.push({
				source: name,
				fold: name,
				recording: `${name}/${f}`,
				order: i,
				frame: { t: i * 100, people: [{ landmarks: dontSlouchRowToLandmarks(row) }], width: VIRTUAL_FRAME_PX, height: VIRTUAL_FRAME_PX },
				raw: f,
				truth,
				frozen: isFrozen(name, rowBlock(f, i))
			});
		});
	}
	return {
		name,
		note: 'one webcam; nose, eyes, mouth, shoulders as pixels relative to the right shoulder (no ears); good = fingood*, bad = finbad*b; finbad*g (possibly mislabelled) not scored',
		fps: 10,
		items
	};
}

/** SnowSuno/posture-detection-model: 224x224 head-and-shoulders webcam photos, ~3 people, good / bad folders. */
export function snowSunoPhotos(data: string): { name: string; files: Array<{ file: string; raw: string }> } | null {
	const dir = join(data, 'desk-webcam-more', 'SnowSuno__posture-detection-model', 'photos');
	if (!existsSync(dir)) return null;
	return {
		name: 'snowsuno-photos',
		files: ['good', 'bad'].flatMap((raw) => imagesIn(join(dir, raw)).map((file) => ({ file, raw })))
	};
}

/**
 * Who is in each SnowSuno photo. The source gives no ids, but its photos come in runs of one person: three
 * people (A glasses and a blue cardigan, B long hair and a "CMU" shirt, C a grey sweater), told apart by
 * looking at contact sheets of every photo (their identity only, not their posture). Numbers are the file names.
 */
export const SNOWSUNO_PEOPLE: Record<string, Array<[from: number, to: number, person: string]>> = {
	good: [
		[0, 180, 'A'],
		[181, 464, 'B'],
		[465, 720, 'C']
	],
	bad: [
		[0, 34, 'A'],
		[35, 82, 'C'],
		[83, 349, 'A'],
		[350, 587, 'B'],
		[588, 669, 'C']
	]
};

/** The person in a SnowSuno photo (see SNOWSUNO_PEOPLE), or '?' outside the table. */
export function snowSunoPerson(raw: string, file: string): string {
	const n = Number(/(\d+)\.\w+$/.exec(file)?.[1]);
	return SNOWSUNO_PEOPLE[raw]?.find(([a, b]) => n >= a && n <= b)?.[2] ?? '?';
}

/** The photo source as desk items, once the engine has found its landmarks; each person a fold. */
export function snowSunoItems(data: string, lm: Map<string, PhotoLandmarks>): DeskSource | null {
	const s = snowSunoPhotos(data);
	if (!s) return null;
	const items: DeskItem[] = s.files.map(({ file, raw }, i) => {
		const r = lm.get(file);
		const who = snowSunoPerson(raw, file);
		return {
			source: s.name,
			fold: `${s.name}/${who}`,
			recording: `${s.name}/${who}/${raw}`,
			order: i,
			frame: { t: 0, people: r?.people ?? [], width: r?.width ?? 224, height: r?.height ?? 224 },
			raw,
			truth: raw === 'bad' ? 'slouched' : 'upright',
			frozen: isFrozen(s.name, file.slice(file.lastIndexOf('/photos/')))
		};
	});
	return {
		name: s.name,
		note: 'head-and-shoulders webcam photos of 3 people in one office (no ids in the source: each photo\'s person A/B/C read off contact sheets, eval-desk.ts SNOWSUNO_PEOPLE), through the engine as analyze --stills runs it',
		fps: null,
		items
	};
}

/** Every desk landmark source present under `data`. */
export function deskLandmarkSources(data: string): DeskSource[] {
	return [sittingWebcam(data), noahLi(data), vuhamthieu(data), dontSlouch(data)].filter((s): s is DeskSource => s !== null);
}
