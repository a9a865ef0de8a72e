/**
 * Landmark file formats: the stable contract for landmark files read by the CLI and the evaluation.
 *
 * ## Canonical JSONL (one frame per line)
 *
 *     {"t": 1234.5, "landmarks": [{"x": 0.51, "y": 0.22, "z": -0.1, "visibility": 0.98}, null, ...],
 *      "worldLandmarks": [...], "width": 1280, "height": 720}
 *
 * - `t`: milliseconds (finite number, required).
 * - `landmarks`: exactly 33 entries in MediaPipe pose order (0 nose ... 32 right foot index); each
 *   is `null` (not available) or an object with finite `x` and `y` (0..1 of the frame, origin
 *   top-left, y down), optional finite `z` and optional finite `visibility` (0..1).
 * - Optional `worldLandmarks`: 33 entries of `null` or `{x, y, z, visibility?}` in metres.
 * - Optional `width` and `height`: frame size in pixels (positive), so x and y share one scale.
 * - Also accepted: a PoseFrame line `{"t", "people": [{"landmarks", "worldLandmarks"?}], ...}`
 *   (the first person is used; an empty `people` gives a frame with no landmarks).
 * - Blank lines are skipped. Any other field is kept in `extra` and otherwise ignored.
 *
 * ## CSV (one frame per row)
 *
 * - Without a header: exactly 132 numbers (33 x (x, y, z, visibility)), 99 (33 x (x, y, z)) or 66
 *   (33 x (x, y)) per row, landmark-major.
 * - With a header (detected when the first row names landmark coordinates), columns are found by
 *   name, case-insensitively, in any of these styles:
 *   - `x1, y1, z1, v1, ..., x33, y33, z33, v33` (1-based) or `x0, y0, ... v32` (0-based; 0-based
 *     whenever an index 0 appears);
 *   - `nose_x, left_eye_inner_y, ...` or `NOSE_x, LEFT_EYE_INNER_vis, ...` (name then coordinate)
 *     and `x_nose, y_left_eye_inner, ...` (coordinate then name), with MediaPipe's landmark names
 *     (also its legacy `left_pinky_1`, `left_index_1`, `left_thumb_2`);
 *   - bare column numbers `0, 1, ..., 131` meaning 33 x (x, y, z, visibility) in order (99 numbers:
 *     33 x (x, y, z); 66: 33 x (x, y));
 *   - coordinates: `x`, `y`, `z`, and `v` / `vis` / `visibility` (also `presence` is ignored).
 *   Other columns (e.g. `img_path`, `label`, `class`, a leading unnamed index) are kept as strings
 *   in `extra`. A `t` / `time` / `timestamp` / `time_ms` / `timestamp_ms` column gives the time in
 *   ms, `width` / `height` columns the frame size. Without a time column, an `img_path` column
 *   whose file name ends in `<frame>_<unix seconds>.jpg` (PosePilot) gives the time: ms since the
 *   first row's stamp (a row whose path carries no stamp follows the previous one by `frameMs`).
 *   Otherwise `t` is the 0-based data row number times `frameMs` (default 1000 / 30).
 * - Landmarks missing from the layout (e.g. a face-and-shoulders file) are `null`; a landmark whose
 *   x or y cell is empty is `null`; missing z or visibility is left out.
 * - Cells may be double-quoted (RFC 4180, "" for a quote); one row per line.
 *
 * ## Errors
 *
 * Every problem raises a `LandmarkParseError` naming the 1-based line number and what is wrong
 * (malformed JSON, a non-number or NaN cell, a wrong landmark or column count, ...). Parsing is
 * line by line, so a reader can hand on every good line before the first bad one.
 */
import type { Landmark, PoseFrame, PoseLandmarks, PoseWorldLandmarks, WorldLandmark } from '../pose/types';
import { LM, LANDMARK_COUNT } from '../pose/landmarks';

/** One parsed frame of one person. */
export interface LandmarkRecord {
	/** Milliseconds. */
	t: number;
	landmarks: PoseLandmarks;
	worldLandmarks?: PoseWorldLandmarks;
	width?: number;
	height?: number;
	/** Other fields of the line (JSONL: any JSON values; CSV: the cell strings by column name). */
	extra?: Record<string, unknown>;
	/** 1-based line number in the source. */
	line: number;
}

export class LandmarkParseError extends Error {
	constructor(
		readonly line: number,
		readonly problem: string
	) {
		super(`line ${line}: ${problem}`);
		this.name = 'LandmarkParseError';
	}
}

export type LandmarkFormat = 'jsonl' | 'csv';

/** Guesses the format from a file name and/or its first non-blank line. */
export function detectFormat(firstLine: string, fileName?: string): LandmarkFormat {
	if (fileName) {
		const f = fileName.toLowerCase().replace(/\.gz$/, '');
		if (f.endsWith('.jsonl') || f.endsWith('.ndjson') || f.endsWith('.json')) return 'jsonl';
		if (f.endsWith('.csv')) return 'csv';
	}
	return firstLine.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

// ---------------------------------------------------------------------------------------------
// JSONL

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function parseLandmarkArray(
	arr: unknown,
	field: string,
	lineNo: number,
	world: boolean
): Array<Landmark | null> {
	if (!Array.isArray(arr)) throw new LandmarkParseError(lineNo, `"${field}" must be an array of 33 landmarks`);
	if (arr.length !== LANDMARK_COUNT)
		throw new LandmarkParseError(
			lineNo,
			`"${field}" has ${arr.length} landmarks, expected ${LANDMARK_COUNT}`
		);
	return arr.map((raw, i) => {
		if (raw === null) return null;
		if (typeof raw !== 'object' || Array.isArray(raw))
			throw new LandmarkParseError(lineNo, `${field}[${i}] must be an object or null`);
		const o = raw as Record<string, unknown>;
		for (const k of ['x', 'y'] as const)
			if (!isFiniteNumber(o[k]))
				throw new LandmarkParseError(lineNo, `${field}[${i}].${k} is ${describe(o[k])}, expected a finite number`);
		const out: Landmark = { x: o.x as number, y: o.y as number };
		if (o.z !== undefined && o.z !== null) {
			if (!isFiniteNumber(o.z))
				throw new LandmarkParseError(lineNo, `${field}[${i}].z is ${describe(o.z)}, expected a finite number`);
			out.z = o.z;
		} else if (world) throw new LandmarkParseError(lineNo, `${field}[${i}].z is missing`);
		if (o.visibility !== undefined && o.visibility !== null) {
			if (!isFiniteNumber(o.visibility))
				throw new LandmarkParseError(
					lineNo,
					`${field}[${i}].visibility is ${describe(o.visibility)}, expected a finite number`
				);
			out.visibility = o.visibility;
		}
		return out;
	});
}

function describe(v: unknown): string {
	if (v === undefined) return 'missing';
	if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? v.slice(0, 20) + '...' : v)}`;
	return JSON.stringify(v) ?? String(v);
}

/**
 * Parses one canonical JSONL line. Returns null for a blank line; throws LandmarkParseError
 * naming `lineNo` (1-based) for anything wrong.
 */
export function parseJsonlLine(line: string, lineNo: number): LandmarkRecord | null {
	const text = line.trim();
	if (!text) return null;
	let obj: unknown;
	try {
		obj = JSON.parse(text);
	} catch (e) {
		const nan = /(^|[^A-Za-z"])(NaN|-?Infinity)([^A-Za-z"]|$)/.test(text) ? ' (NaN and Infinity are not JSON)' : '';
		throw new LandmarkParseError(lineNo, `malformed JSON${nan}: ${(e as Error).message}`);
	}
	if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
		throw new LandmarkParseError(lineNo, 'expected a JSON object per line');
	const o = obj as Record<string, unknown>;
	if (!isFiniteNumber(o.t)) throw new LandmarkParseError(lineNo, `"t" is ${describe(o.t)}, expected milliseconds`);
	let lmSource: Record<string, unknown> = o;
	let lmField = 'landmarks';
	if (o.landmarks === undefined && Array.isArray(o.people)) {
		const first = o.people[0];
		if (first === undefined) {
			return withSize({ t: o.t, landmarks: new Array(LANDMARK_COUNT).fill(null), line: lineNo }, o, lineNo);
		}
		if (typeof first !== 'object' || first === null)
			throw new LandmarkParseError(lineNo, 'people[0] must be an object');
		lmSource = first as Record<string, unknown>;
		lmField = 'people[0].landmarks';
	}
	if (lmSource.landmarks === undefined) throw new LandmarkParseError(lineNo, '"landmarks" is missing');
	const rec: LandmarkRecord = {
		t: o.t,
		landmarks: parseLandmarkArray(lmSource.landmarks, lmField, lineNo, false),
		line: lineNo
	};
	const w = lmSource.worldLandmarks;
	if (w !== undefined && w !== null && !(Array.isArray(w) && w.length === 0))
		rec.worldLandmarks = parseLandmarkArray(
			w,
			lmField.replace('landmarks', 'worldLandmarks'),
			lineNo,
			true
		) as Array<WorldLandmark | null>;
	const extra: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(o))
		if (!['t', 'landmarks', 'worldLandmarks', 'width', 'height', 'people'].includes(k)) extra[k] = v;
	if (Object.keys(extra).length) rec.extra = extra;
	return withSize(rec, o, lineNo);
}

function withSize(rec: LandmarkRecord, o: Record<string, unknown>, lineNo: number): LandmarkRecord {
	for (const k of ['width', 'height'] as const) {
		const v = o[k];
		if (v === undefined || v === null) continue;
		if (!isFiniteNumber(v) || v <= 0)
			throw new LandmarkParseError(lineNo, `"${k}" is ${describe(v)}, expected a positive number of pixels`);
		rec[k] = v;
	}
	return rec;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Splits one CSV line into cells (RFC 4180 quoting, no line breaks inside cells). */
export function splitCsvLine(line: string): string[] {
	const out: string[] = [];
	let cur = '';
	let q = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (q) {
			if (ch === '"') {
				if (line[i + 1] === '"') {
					cur += '"';
					i++;
				} else q = false;
			} else cur += ch;
		} else if (ch === '"' && cur === '') q = true;
		else if (ch === ',') {
			out.push(cur);
			cur = '';
		} else cur += ch;
	}
	out.push(cur);
	return out.map((c) => c.replace(/\r$/, ''));
}

type Coord = 'x' | 'y' | 'z' | 'v';

/** Column role: a landmark coordinate, a time or frame-size field, or kept as extra. */
type Column =
	| { kind: 'lm'; index: number; coord: Coord }
	| { kind: 't' | 'width' | 'height' | 'ignore' }
	| { kind: 'extra'; name: string };

/** MediaPipe landmark names in snake_case ("left_eye_inner") to index. */
const NAME_TO_INDEX: Record<string, number> = Object.fromEntries(
	Object.entries(LM).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()), v])
);
// MediaPipe's legacy Python names for the hand points ("left_pinky_1", "left_index_1", "left_thumb_2").
for (const side of ['left', 'right'])
	for (const [name, k] of [
		['pinky', 1],
		['index', 1],
		['thumb', 2]
	] as const)
		NAME_TO_INDEX[`${side}_${name}_${k}`] = NAME_TO_INDEX[`${side}_${name}`];

const COORDS: Record<string, Coord> = { x: 'x', y: 'y', z: 'z', v: 'v', vis: 'v', visibility: 'v' };
const TIME_NAMES = new Set(['t', 'time', 'timestamp', 't_ms', 'time_ms', 'timestamp_ms']);

/** Unix seconds from an image path ending in `<frame>_<unix seconds>.<jpg|jpeg|png>`, or null. */
export function unixSecondsOfImagePath(path: string): number | null {
	const m = /(?:^|[/\\])\d+_(\d+(?:\.\d+)?)\.(?:jpe?g|png)$/i.exec(path.trim());
	return m ? Number(m[1]) : null;
}

interface Layout {
	columns: Column[];
	/** Landmark-coordinate columns found. */
	lmCount: number;
	hasZ: boolean;
	hasV: boolean;
}

/** Interprets a header row; null when it does not name landmark coordinates (data, not header). */
function layoutFromHeader(cells: string[]): Layout | null {
	const names = cells.map((c) => c.trim().toLowerCase());
	// Bare numbers 0..N-1 in order: positional landmark-major layout.
	const numeric = names.map((n) => (/^\d+$/.test(n) ? Number(n) : null));
	const nums = numeric.filter((n) => n !== null) as number[];
	if (nums.length === 132 || nums.length === 99 || nums.length === 66) {
		const per = nums.length / LANDMARK_COUNT;
		const sorted = nums.every((n, i) => n === i);
		if (sorted) {
			const order: Coord[] = per === 4 ? ['x', 'y', 'z', 'v'] : per === 3 ? ['x', 'y', 'z'] : ['x', 'y'];
			const columns = names.map((n, i): Column => {
				const k = numeric[i];
				if (k !== null) return { kind: 'lm', index: Math.floor(k / per), coord: order[k % per] };
				return namedOther(n, cells[i]);
			});
			return finish(columns);
		}
	}
	// Indexed style: x1..v33 or x0..v32.
	const indexed = names.map((n) => /^(x|y|z|v|vis|visibility)_?(\d+)$/.exec(n));
	let zeroBased = false;
	for (const m of indexed) if (m && Number(m[2]) === 0) zeroBased = true;
	const columns = names.map((n, i): Column => {
		const m = indexed[i];
		if (m) {
			const idx = Number(m[2]) - (zeroBased ? 0 : 1);
			if (idx >= 0 && idx < LANDMARK_COUNT) return { kind: 'lm', index: idx, coord: COORDS[m[1]] };
		}
		const named = namedLandmark(n);
		if (named) return named;
		return namedOther(n, cells[i]);
	});
	const layout = finish(columns);
	return layout.lmCount >= 2 * 2 ? layout : null;
}

/** "nose_x", "left_eye_inner_vis", "x_nose", "y_left_eye_inner" (also with - or space). */
function namedLandmark(n: string): Column | null {
	const parts = n.split(/[_\-\s.]+/).filter(Boolean);
	if (parts.length < 2) return null;
	const last = parts[parts.length - 1];
	const first = parts[0];
	if (COORDS[last]) {
		const idx = NAME_TO_INDEX[parts.slice(0, -1).join('_')];
		if (idx !== undefined) return { kind: 'lm', index: idx, coord: COORDS[last] };
	}
	if (COORDS[first]) {
		const idx = NAME_TO_INDEX[parts.slice(1).join('_')];
		if (idx !== undefined) return { kind: 'lm', index: idx, coord: COORDS[first] };
	}
	if (last === 'presence' && NAME_TO_INDEX[parts.slice(0, -1).join('_')] !== undefined) return { kind: 'ignore' };
	return null;
}

function namedOther(n: string, raw: string): Column {
	if (TIME_NAMES.has(n)) return { kind: 't' };
	if (n === 'width') return { kind: 'width' };
	if (n === 'height') return { kind: 'height' };
	return { kind: 'extra', name: raw.trim() };
}

function finish(columns: Column[]): Layout {
	let lmCount = 0;
	let hasZ = false;
	let hasV = false;
	for (const c of columns)
		if (c.kind === 'lm') {
			lmCount++;
			if (c.coord === 'z') hasZ = true;
			if (c.coord === 'v') hasV = true;
		}
	return { columns, lmCount, hasZ, hasV };
}

function positionalLayout(n: number): Layout | null {
	const per = n === 132 ? 4 : n === 99 ? 3 : n === 66 ? 2 : 0;
	if (!per) return null;
	const order: Coord[] = ['x', 'y', 'z', 'v'];
	const columns: Column[] = [];
	for (let i = 0; i < n; i++) columns.push({ kind: 'lm', index: Math.floor(i / per), coord: order[i % per] });
	return finish(columns);
}

export interface CsvParserOptions {
	/** Milliseconds per row when the file has no time column (default 1000 / 30). */
	frameMs?: number;
}

/**
 * A streaming CSV landmark parser: feed it lines in order with `line(text, lineNo)`; it returns a
 * record per data row, null for the header and blank lines, and throws LandmarkParseError naming
 * the line for a bad row.
 */
export class CsvLandmarkParser {
	private layout: Layout | null = null;
	private rows = 0;
	private readonly frameMs: number;
	/** Stamp (unix seconds) of the first row whose img_path carries one, and the last time given. */
	private firstStamp: number | null = null;
	private lastT: number | null = null;

	constructor(opts: CsvParserOptions = {}) {
		this.frameMs = opts.frameMs ?? 1000 / 30;
	}

	/** The column layout in use (after the first row), for tools that want to report it. */
	get columns(): ReadonlyArray<Column> | null {
		return this.layout?.columns ?? null;
	}

	line(text: string, lineNo: number): LandmarkRecord | null {
		if (!text.trim()) return null;
		const cells = splitCsvLine(text);
		if (!this.layout) {
			const header = layoutFromHeader(cells);
			if (header) {
				this.layout = header;
				return null;
			}
			const pos = positionalLayout(cells.length);
			if (!pos)
				throw new LandmarkParseError(
					lineNo,
					`no header and ${cells.length} columns: expected 132 (33 x x,y,z,visibility), 99 (33 x x,y,z) or 66 (33 x x,y) numbers`
				);
			this.layout = pos;
		}
		return this.row(cells, lineNo);
	}

	private row(cells: string[], lineNo: number): LandmarkRecord {
		const layout = this.layout!;
		if (cells.length !== layout.columns.length)
			throw new LandmarkParseError(
				lineNo,
				`${cells.length} columns, expected ${layout.columns.length} (as in the ${this.rows === 0 && !hasHeader(layout) ? 'first row' : 'header'})`
			);
		const xs = new Float64Array(LANDMARK_COUNT).fill(NaN);
		const ys = new Float64Array(LANDMARK_COUNT).fill(NaN);
		const zs = new Float64Array(LANDMARK_COUNT).fill(NaN);
		const vs = new Float64Array(LANDMARK_COUNT).fill(NaN);
		const present = new Uint8Array(LANDMARK_COUNT);
		let t: number | null = null;
		let width: number | undefined;
		let height: number | undefined;
		let extra: Record<string, unknown> | undefined;
		for (let i = 0; i < cells.length; i++) {
			const col = layout.columns[i];
			const raw = cells[i].trim();
			if (col.kind === 'extra') {
				(extra ??= {})[col.name || `column ${i + 1}`] = cells[i];
				continue;
			}
			if (col.kind === 'ignore') continue;
			if (raw === '') {
				if (col.kind === 't') throw new LandmarkParseError(lineNo, `column ${i + 1} (time) is empty`);
				continue;
			}
			const v = Number(raw);
			if (!Number.isFinite(v))
				throw new LandmarkParseError(
					lineNo,
					`column ${i + 1}${colName(col)} is ${/^[-+]?nan$/i.test(raw) ? 'NaN' : JSON.stringify(raw.length > 20 ? raw.slice(0, 20) + '...' : raw)}, expected a finite number`
				);
			if (col.kind === 't') t = v;
			else if (col.kind === 'width' || col.kind === 'height') {
				if (v <= 0) throw new LandmarkParseError(lineNo, `${col.kind} must be positive, got ${raw}`);
				if (col.kind === 'width') width = v;
				else height = v;
			} else if (col.kind === 'lm') {
				const arr = col.coord === 'x' ? xs : col.coord === 'y' ? ys : col.coord === 'z' ? zs : vs;
				arr[col.index] = v;
				present[col.index] = 1;
			}
		}
		const landmarks: Array<Landmark | null> = new Array(LANDMARK_COUNT);
		for (let i = 0; i < LANDMARK_COUNT; i++) {
			if (!present[i] || Number.isNaN(xs[i]) || Number.isNaN(ys[i])) {
				landmarks[i] = null;
				continue;
			}
			const l: Landmark = { x: xs[i], y: ys[i] };
			if (!Number.isNaN(zs[i])) l.z = zs[i];
			if (!Number.isNaN(vs[i])) l.visibility = vs[i];
			landmarks[i] = l;
		}
		if (t === null && extra && typeof extra.img_path === 'string') {
			const stamp = unixSecondsOfImagePath(extra.img_path);
			if (stamp !== null) {
				this.firstStamp ??= stamp;
				t = (stamp - this.firstStamp) * 1000;
			} else if (this.lastT !== null) t = this.lastT + this.frameMs;
		}
		t ??= this.rows * this.frameMs;
		this.lastT = t;
		const rec: LandmarkRecord = { t, landmarks, line: lineNo };
		if (width !== undefined) rec.width = width;
		if (height !== undefined) rec.height = height;
		if (extra) rec.extra = extra;
		this.rows++;
		return rec;
	}
}

function hasHeader(layout: Layout): boolean {
	return layout.columns.some((c) => c.kind !== 'lm');
}

function colName(col: Column): string {
	if (col.kind === 'lm') {
		const name = Object.keys(NAME_TO_INDEX).find((k) => NAME_TO_INDEX[k] === col.index) ?? String(col.index);
		return ` (${name} ${col.coord})`;
	}
	return col.kind === 't' ? ' (time)' : '';
}

/**
 * Parses lines of either format as a stream: yields each good record in order and throws
 * LandmarkParseError at the first bad line (after yielding all records before it).
 */
export function* parseLandmarkLines(
	lines: Iterable<string>,
	format?: LandmarkFormat,
	opts: CsvParserOptions = {}
): Generator<LandmarkRecord> {
	let fmt = format;
	let csv: CsvLandmarkParser | null = null;
	let n = 0;
	for (const line of lines) {
		n++;
		if (!fmt) {
			if (!line.trim()) continue;
			fmt = detectFormat(line);
		}
		let rec: LandmarkRecord | null;
		if (fmt === 'jsonl') rec = parseJsonlLine(line, n);
		else rec = (csv ??= new CsvLandmarkParser(opts)).line(line, n);
		if (rec) yield rec;
	}
}

/** Parses a whole text (splits on line breaks); see parseLandmarkLines. */
export function parseLandmarkText(
	text: string,
	format?: LandmarkFormat,
	opts: CsvParserOptions = {}
): LandmarkRecord[] {
	return [...parseLandmarkLines(text.split('\n'), format, opts)];
}

/** The record as a one-person PoseFrame. */
export function toPoseFrame(rec: LandmarkRecord): PoseFrame {
	const person = rec.worldLandmarks
		? { landmarks: rec.landmarks, worldLandmarks: rec.worldLandmarks }
		: { landmarks: rec.landmarks };
	const frame: PoseFrame = { t: rec.t, people: rec.landmarks.some((l) => l) ? [person] : [] };
	if (rec.width !== undefined) frame.width = rec.width;
	if (rec.height !== undefined) frame.height = rec.height;
	return frame;
}

/** A record as a canonical JSONL line (the inverse of parseJsonlLine for the known fields). */
export function toJsonlLine(rec: Omit<LandmarkRecord, 'line'>): string {
	const o: Record<string, unknown> = { t: rec.t, landmarks: rec.landmarks };
	if (rec.worldLandmarks) o.worldLandmarks = rec.worldLandmarks;
	if (rec.width !== undefined) o.width = rec.width;
	if (rec.height !== undefined) o.height = rec.height;
	return JSON.stringify(o);
}
