/**
 * Validation of history records and export files. Pure (no DOM, no storage): the store runs every record it
 * reads back and every file it imports through here, and refuses or skips what does not pass.
 *
 * Problems are named by path and in plain words, e.g. `sessions[2].minutes.slouched: must be a number from 0
 * to 2880 (got -4)`, so that a refused file says what is wrong with it.
 */
import { EXERCISES } from '../coach/types';
import { POSTURE_LABELS } from '../posture/types';
import {
	EXPORT_FORMAT,
	FAULT_IDS,
	NUDGE_OUTCOMES,
	NUDGE_STYLES,
	RECORD_KINDS,
	SCHEMA_VERSION,
	SESSION_KINDS,
	type HistoryExport,
	type NudgeRecord,
	type RecordKind,
	type SessionRecord,
	type StretchSetRecord
} from './types';

/** Times before this are not from this app (it did not exist): 2020-01-01T00:00:00Z. */
export const MIN_TIME = Date.UTC(2020, 0, 1);
/** A clock can be off; a record from further in the future than this is refused. */
export const FUTURE_SLACK_MS = 2 * 24 * 3600_000;
/** The longest session kept: two days (a desk watch left on over a weekend would be split by the app). */
export const MAX_SESSION_MS = 2 * 24 * 3600_000;
/** Minutes per label may exceed the session's span by this much (timer rounding). */
const MINUTES_SLACK = 1;
const MAX_ID_LENGTH = 100;
const MAX_REPS = 500;
const MAX_HOLDS = 500;
const MAX_BOUTS = 1000;
/** Peak angles outside this are not a body's (degrees). */
export const PEAK_DEG_RANGE = [-90, 180] as const;
/** The longest single hold, seconds (an hour of sphinx while reading). */
export const MAX_HOLD_S = 3600;
/** Import files larger than this are refused before parsing (characters). */
export const MAX_IMPORT_CHARS = 50_000_000;
/** Problems listed at most (the message names the first). */
const MAX_PROBLEMS = 50;

export interface ValidateOptions {
	/** "Now" for the future check (default Date.now()). */
	now?: number;
}

class Problems {
	list: string[] = [];
	add(path: string, what: string, got?: unknown): void {
		if (this.list.length >= MAX_PROBLEMS) return;
		this.list.push(got === undefined ? `${path}: ${what}` : `${path}: ${what} (got ${show(got)})`);
	}
	get count(): number {
		return this.list.length;
	}
}

function show(v: unknown): string {
	if (v === undefined) return 'nothing';
	if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
	let s: string;
	try {
		s = JSON.stringify(v) ?? String(v);
	} catch {
		s = String(v);
	}
	return s.length > 40 ? s.slice(0, 37) + '...' : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(p: Problems, path: string, v: unknown, min: number, max: number): v is number {
	if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
		p.add(path, `must be a number from ${min} to ${max}`, v);
		return false;
	}
	return true;
}

function time(p: Problems, path: string, v: unknown, now: number): v is number {
	if (typeof v !== 'number' || !Number.isFinite(v)) {
		p.add(path, 'must be a time (milliseconds since 1970)', v);
		return false;
	}
	if (v < MIN_TIME || v > now + FUTURE_SLACK_MS) {
		p.add(path, 'is not a plausible time (before 2020 or in the future)', v);
		return false;
	}
	return true;
}

function id(p: Problems, path: string, v: unknown): v is string {
	if (typeof v !== 'string' || v.length === 0 || v.length > MAX_ID_LENGTH || !/^[A-Za-z0-9_.:-]+$/.test(v)) {
		p.add(path, `must be an id (1-${MAX_ID_LENGTH} letters, digits or _.:-)`, v);
		return false;
	}
	return true;
}

function oneOf<T extends string>(p: Problems, path: string, v: unknown, allowed: readonly T[]): v is T {
	if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
		p.add(path, `must be one of ${allowed.join(', ')}`, v);
		return false;
	}
	return true;
}

function noExtraKeys(p: Problems, path: string, o: Record<string, unknown>, keys: readonly string[]): void {
	for (const k of Object.keys(o)) if (!keys.includes(k)) p.add(`${path}.${k}`, 'is not a field of this record');
}

const SESSION_KEYS = ['id', 'kind', 'start', 'end', 'updatedAt', 'minutes', 'bouts'] as const;
const NUDGE_KEYS = ['id', 'sessionId', 't', 'detected', 'style', 'outcome', 'resolvedAt'] as const;
const SET_KEYS = ['id', 'sessionId', 'exercise', 'start', 'end', 'reps', 'holdsS', 'totalHoldS', 'score', 'faults', 'source'] as const;
const REP_KEYS = ['n', 'peakDeg', 'holdS', 'score', 'faults'] as const;
const BOUT_KEYS = ['start', 'end', 'meanIntensity', 'peakIntensity'] as const;

function checkSession(p: Problems, path: string, v: unknown, now: number): void {
	if (!isObject(v)) return p.add(path, 'must be a session object', v);
	noExtraKeys(p, path, v, SESSION_KEYS);
	id(p, `${path}.id`, v.id);
	oneOf(p, `${path}.kind`, v.kind, SESSION_KINDS);
	const startOk = time(p, `${path}.start`, v.start, now);
	const updatedOk = time(p, `${path}.updatedAt`, v.updatedAt, now);
	let endOk = false;
	if (v.end !== null) endOk = time(p, `${path}.end`, v.end, now);
	const start = v.start as number;
	const last = (v.end ?? v.updatedAt) as number;
	if (startOk && (v.end === null ? updatedOk : endOk)) {
		if (last < start) p.add(`${path}.${v.end === null ? 'updatedAt' : 'end'}`, 'must not be before start', last);
		else if (last - start > MAX_SESSION_MS) p.add(path, `must last at most ${MAX_SESSION_MS / 3600_000} hours`, `${Math.round((last - start) / 60000)} minutes`);
	}
	if (startOk && updatedOk && (v.updatedAt as number) < start) p.add(`${path}.updatedAt`, 'must not be before start', v.updatedAt);
	const spanMin = startOk && Number.isFinite(last) && last >= start ? (last - start) / 60000 : MAX_SESSION_MS / 60000;
	if (!isObject(v.minutes)) p.add(`${path}.minutes`, 'must be an object of minutes per posture label', v.minutes);
	else {
		let total = 0;
		let allOk = true;
		for (const [label, m] of Object.entries(v.minutes)) {
			if (!(POSTURE_LABELS as readonly string[]).includes(label)) {
				p.add(`${path}.minutes.${label}`, `is not a posture label (${POSTURE_LABELS.join(', ')})`);
				allOk = false;
			} else if (num(p, `${path}.minutes.${label}`, m, 0, MAX_SESSION_MS / 60000)) total += m as number;
			else allOk = false;
		}
		if (allOk && total > spanMin + MINUTES_SLACK) {
			p.add(`${path}.minutes`, `add up to more than the session lasted (${Math.round(spanMin)} min)`, `${Math.round(total)} min`);
		}
	}
	if (!Array.isArray(v.bouts)) p.add(`${path}.bouts`, 'must be a list', v.bouts);
	else if (v.bouts.length > MAX_BOUTS) p.add(`${path}.bouts`, `must have at most ${MAX_BOUTS} bouts`, v.bouts.length);
	else
		v.bouts.forEach((b, i) => {
			const bp = `${path}.bouts[${i}]`;
			if (!isObject(b)) return p.add(bp, 'must be a bout object', b);
			noExtraKeys(p, bp, b, BOUT_KEYS);
			const s = time(p, `${bp}.start`, b.start, now);
			const e = time(p, `${bp}.end`, b.end, now);
			if (s && e && (b.end as number) < (b.start as number)) p.add(`${bp}.end`, 'must not be before start', b.end);
			num(p, `${bp}.meanIntensity`, b.meanIntensity, 0, 1);
			num(p, `${bp}.peakIntensity`, b.peakIntensity, 0, 1);
		});
}

function checkNudge(p: Problems, path: string, v: unknown, now: number): void {
	if (!isObject(v)) return p.add(path, 'must be a nudge object', v);
	noExtraKeys(p, path, v, NUDGE_KEYS);
	id(p, `${path}.id`, v.id);
	id(p, `${path}.sessionId`, v.sessionId);
	const tOk = time(p, `${path}.t`, v.t, now);
	oneOf(p, `${path}.detected`, v.detected, POSTURE_LABELS);
	oneOf(p, `${path}.style`, v.style, NUDGE_STYLES);
	if (v.outcome !== null) oneOf(p, `${path}.outcome`, v.outcome, NUDGE_OUTCOMES);
	if (v.resolvedAt !== null) {
		if (time(p, `${path}.resolvedAt`, v.resolvedAt, now) && tOk && (v.resolvedAt as number) < (v.t as number)) {
			p.add(`${path}.resolvedAt`, 'must not be before the nudge', v.resolvedAt);
		}
	}
	if ((v.outcome === null) !== (v.resolvedAt === null)) p.add(path, 'outcome and resolvedAt must be both set or both null');
}

function checkFaultList(p: Problems, path: string, v: unknown): void {
	if (!Array.isArray(v)) return p.add(path, 'must be a list of faults', v);
	if (v.length > FAULT_IDS.length) return p.add(path, `must have at most ${FAULT_IDS.length} faults`, v.length);
	v.forEach((f, i) => oneOf(p, `${path}[${i}]`, f, FAULT_IDS));
}

function checkStretchSet(p: Problems, path: string, v: unknown, now: number): void {
	if (!isObject(v)) return p.add(path, 'must be a stretch set object', v);
	noExtraKeys(p, path, v, SET_KEYS);
	id(p, `${path}.id`, v.id);
	id(p, `${path}.sessionId`, v.sessionId);
	const exOk = oneOf(p, `${path}.exercise`, v.exercise, EXERCISES);
	const s = time(p, `${path}.start`, v.start, now);
	const e = time(p, `${path}.end`, v.end, now);
	if (s && e && (v.end as number) < (v.start as number)) p.add(`${path}.end`, 'must not be before start', v.end);
	if (s && e && (v.end as number) - (v.start as number) > MAX_SESSION_MS) p.add(path, 'lasts longer than a session can');
	const holdExercise = v.exercise === 'hang' || v.exercise === 'sphinx';
	if (!Array.isArray(v.reps)) p.add(`${path}.reps`, 'must be a list', v.reps);
	else if (v.reps.length > MAX_REPS) p.add(`${path}.reps`, `must have at most ${MAX_REPS} reps`, v.reps.length);
	else {
		if (exOk && holdExercise && v.reps.length > 0) p.add(`${path}.reps`, `must be empty for ${v.exercise as string} (a hold, not reps)`);
		v.reps.forEach((r, i) => {
			const rp = `${path}.reps[${i}]`;
			if (!isObject(r)) return p.add(rp, 'must be a rep object', r);
			noExtraKeys(p, rp, r, REP_KEYS);
			if (typeof r.n !== 'number' || !Number.isInteger(r.n) || r.n < 1 || r.n > MAX_REPS) p.add(`${rp}.n`, `must be a whole number from 1 to ${MAX_REPS}`, r.n);
			num(p, `${rp}.peakDeg`, r.peakDeg, PEAK_DEG_RANGE[0], PEAK_DEG_RANGE[1]);
			num(p, `${rp}.holdS`, r.holdS, 0, MAX_HOLD_S);
			num(p, `${rp}.score`, r.score, 0, 100);
			checkFaultList(p, `${rp}.faults`, r.faults);
		});
	}
	let holdSum = 0;
	if (!Array.isArray(v.holdsS)) p.add(`${path}.holdsS`, 'must be a list of seconds', v.holdsS);
	else if (v.holdsS.length > MAX_HOLDS) p.add(`${path}.holdsS`, `must have at most ${MAX_HOLDS} holds`, v.holdsS.length);
	else v.holdsS.forEach((h, i) => num(p, `${path}.holdsS[${i}]`, h, 0, MAX_HOLD_S) && (holdSum += h as number));
	if (num(p, `${path}.totalHoldS`, v.totalHoldS, 0, MAX_SESSION_MS / 1000) && Array.isArray(v.holdsS)) {
		if (Math.abs((v.totalHoldS as number) - holdSum) > 1) p.add(`${path}.totalHoldS`, `must be the sum of holdsS (${Math.round(holdSum)})`, v.totalHoldS);
	}
	if (v.score !== null) num(p, `${path}.score`, v.score, 0, 100);
	if (v.source !== undefined) oneOf(p, `${path}.source`, v.source, ['recording']);
	if (!isObject(v.faults)) p.add(`${path}.faults`, 'must be an object of counts per fault', v.faults);
	else
		for (const [f, c] of Object.entries(v.faults)) {
			if (!(FAULT_IDS as readonly string[]).includes(f)) p.add(`${path}.faults.${f}`, `is not a fault (${FAULT_IDS.join(', ')})`);
			else if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > MAX_REPS) p.add(`${path}.faults.${f}`, `must be a whole number from 0 to ${MAX_REPS}`, c);
		}
}

const CHECKERS: Record<RecordKind, (p: Problems, path: string, v: unknown, now: number) => void> = {
	sessions: checkSession,
	nudges: checkNudge,
	stretchSets: checkStretchSet
};

export type Check<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Checks one record of a kind (as read back from storage, or before it is written). */
export function checkRecord<K extends RecordKind>(kind: K, value: unknown, opts: ValidateOptions = {}): Check<RecordOf<K>> {
	const p = new Problems();
	CHECKERS[kind](p, kind === 'sessions' ? 'session' : kind === 'nudges' ? 'nudge' : 'stretch set', value, opts.now ?? Date.now());
	return p.count === 0 ? { ok: true, value: value as RecordOf<K> } : { ok: false, problems: p.list };
}

export type RecordOf<K extends RecordKind> = K extends 'sessions' ? SessionRecord : K extends 'nudges' ? NudgeRecord : StretchSetRecord;

export type ParseResult = { ok: true; data: HistoryExport } | { ok: false; message: string; problems: string[] };

function refuse(message: string, problems: string[] = []): ParseResult {
	return { ok: false, message, problems };
}

/**
 * Parses and validates an export file completely. Nothing is written here; the store writes a file only when
 * this says ok. A refused file gets one sentence naming the first thing wrong, and the full list.
 */
export function parseExport(text: string, opts: ValidateOptions = {}): ParseResult {
	const now = opts.now ?? Date.now();
	if (typeof text !== 'string' || text.trim() === '') return refuse('The file is empty.');
	if (text.length > MAX_IMPORT_CHARS) return refuse(`The file is too large to be a Backcheck history (${Math.round(text.length / 1e6)} MB).`);
	let raw: unknown;
	try {
		raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch (e) {
		return refuse(`The file is not valid JSON (${e instanceof Error ? e.message : String(e)}), so it cannot be a Backcheck history export.`);
	}
	if (!isObject(raw)) return refuse('The file is JSON but not a Backcheck history export (it is not an object).');
	if (raw.format !== EXPORT_FORMAT) {
		return refuse(`The file is not a Backcheck history export: its "format" is ${show(raw.format)}, expected "${EXPORT_FORMAT}".`);
	}
	const version = raw.schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return refuse(`The file has no valid schema version (got ${show(version)}).`);
	}
	if (version > SCHEMA_VERSION) {
		return refuse(`The file was made by a newer version of Backcheck (schema ${version}; this one reads up to ${SCHEMA_VERSION}). Update the app, then import it.`);
	}
	const p = new Problems();
	noExtraKeys(p, 'file', raw, ['format', 'schemaVersion', 'exportedAt', ...RECORD_KINDS]);
	if (raw.exportedAt !== undefined && (typeof raw.exportedAt !== 'string' || Number.isNaN(Date.parse(raw.exportedAt)))) {
		p.add('exportedAt', 'must be a date', raw.exportedAt);
	}
	for (const kind of RECORD_KINDS) {
		const list = raw[kind];
		if (!Array.isArray(list)) {
			p.add(kind, 'must be a list', list);
			continue;
		}
		const seen = new Set<string>();
		list.forEach((rec, i) => {
			CHECKERS[kind](p, `${kind}[${i}]`, rec, now);
			const rid = isObject(rec) ? rec.id : undefined;
			if (typeof rid === 'string') {
				if (seen.has(rid)) p.add(`${kind}[${i}].id`, `is a duplicate id`, rid);
				seen.add(rid);
			}
		});
	}
	if (p.count === 0) {
		// Nudges and sets belong to sessions in the same file.
		const sessionIds = new Set((raw.sessions as SessionRecord[]).map((s) => s.id));
		for (const kind of ['nudges', 'stretchSets'] as const) {
			(raw[kind] as (NudgeRecord | StretchSetRecord)[]).forEach((r, i) => {
				if (!sessionIds.has(r.sessionId)) p.add(`${kind}[${i}].sessionId`, 'refers to a session that is not in the file', r.sessionId);
			});
		}
	}
	if (p.count > 0) {
		const more = p.count > 1 ? ` (and ${p.count >= MAX_PROBLEMS ? 'many' : p.count - 1} more problem${p.count > 2 ? 's' : ''})` : '';
		return refuse(`The file is damaged or not from Backcheck: ${p.list[0]}${more}.`, p.list);
	}
	const data: HistoryExport = {
		format: EXPORT_FORMAT,
		schemaVersion: SCHEMA_VERSION,
		exportedAt: typeof raw.exportedAt === 'string' ? raw.exportedAt : new Date(now).toISOString(),
		sessions: raw.sessions as SessionRecord[],
		nudges: raw.nudges as NudgeRecord[],
		stretchSets: raw.stretchSets as StretchSetRecord[]
	};
	return { ok: true, data };
}
