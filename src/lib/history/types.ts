/**
 * The history's data model: what is kept on this device about each session, nudge and stretch set.
 * Pure types and constants, no DOM. The exact strings are part of the export format, so they never change
 * meaning; a change of shape bumps SCHEMA_VERSION (and `migrate` in validate.ts learns the old one).
 *
 * Times are epoch milliseconds (Date.now()); days are the person's local calendar days.
 */
import type { ExerciseName, FaultId } from '../coach/types';
import type { PostureLabel } from '../posture/types';

/** Version of the stored records and of the export file. */
export const SCHEMA_VERSION = 1;
/** The `format` field of an export file: anything else is not ours. */
export const EXPORT_FORMAT = 'backcheck-history';

export const SESSION_KINDS = ['workout', 'stretch', 'desk'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Labels counted as "slouched" minutes: the flexed postures the app exists to catch (domain.md). */
export const SLOUCHED_LABELS = ['slouched', 'hands_on_knees', 'forward_fold'] as const satisfies readonly PostureLabel[];
/** Labels counted as "upright" minutes: upright, or in one of the extension stretches. */
export const UPRIGHT_LABELS = ['upright', 'cobra', 'sphinx', 'back_extension', 'hanging'] as const satisfies readonly PostureLabel[];

/** A bout of sustained whole-body exercise within a session (from the workout detector). */
export interface ExerciseBout {
	start: number;
	end: number;
	/** Mean intensity over the bout, 0..1. */
	meanIntensity: number;
	/** Peak intensity, 0..1. */
	peakIntensity: number;
}

/** Minutes spent in each posture label (only labels seen are present). */
export type PostureMinutes = Partial<Record<PostureLabel, number>>;

export interface SessionRecord {
	id: string;
	kind: SessionKind;
	start: number;
	/** Null while the session runs (or when it never ended: the tab crashed or was closed). */
	end: number | null;
	/** When the running totals were last written; for a session that never ended, its last known moment. */
	updatedAt: number;
	/** Running totals, minutes per posture label (incl. minutes slouched). */
	minutes: PostureMinutes;
	bouts: ExerciseBout[];
}

export const NUDGE_STYLES = ['banner', 'border', 'sound', 'voice', 'notification'] as const;
export type NudgeStyle = (typeof NUDGE_STYLES)[number];

export const NUDGE_OUTCOMES = ['stretched', 'corrected', 'ignored', 'snoozed'] as const;
export type NudgeOutcome = (typeof NUDGE_OUTCOMES)[number];
/** Outcomes that count as "followed" in the summaries. */
export const FOLLOWED_OUTCOMES: readonly NudgeOutcome[] = ['stretched', 'corrected'];

export interface NudgeRecord {
	id: string;
	/** The session it happened in. */
	sessionId: string;
	t: number;
	/** What was detected: the posture the nudge was about. */
	detected: PostureLabel;
	style: NudgeStyle;
	/** What followed; null until resolveNudge (still pending, or the session ended first). */
	outcome: NudgeOutcome | null;
	resolvedAt: number | null;
}

/** Mirrors the coach's FaultId (checked below at compile time): stored faults are validated against it. */
export const FAULT_IDS = [
	'hips_lifted',
	'arms_not_pushing',
	'shoulders_shrugged',
	'neck_cranked',
	'knees_bent',
	'hands_not_on_back',
	'too_fast',
	'no_hold'
] as const;
type _SameFaults = [FaultId] extends [(typeof FAULT_IDS)[number]] ? ([(typeof FAULT_IDS)[number]] extends [FaultId] ? true : never) : never;
const _sameFaults: _SameFaults = true;
void _sameFaults;

/** One rep of a rep exercise (cobra, standing back extension); same shape as the coach's RepSummary. */
export interface RepRecord {
	n: number;
	/** Peak angle, degrees: cobra, trunk above the floor; back extension, trunk behind vertical. */
	peakDeg: number;
	/** Seconds held near the top. */
	holdS: number;
	/** 0..100. */
	score: number;
	faults: FaultId[];
}

/**
 * A stretch set. Rep exercises (cobra, back_extension) fill `reps`; hold exercises (hang, sphinx) are the hold
 * timers: `reps` is empty and `holdsS` has the seconds of each hold.
 */
export interface StretchSetRecord {
	id: string;
	sessionId: string;
	exercise: ExerciseName;
	start: number;
	/** When the set ended, or when it was last written while it runs. */
	end: number;
	reps: RepRecord[];
	/** Seconds held: per rep (rep exercises) or per hold (hang, sphinx). */
	holdsS: number[];
	totalHoldS: number;
	/** Mean form score 0..100 over the reps; null for hold exercises (no score) or a set without reps. */
	score: number | null;
	/** How often each fault was flagged over the set. */
	faults: Partial<Record<FaultId, number>>;
	/** Coached from a recorded video rather than live (absent: live). */
	source?: 'recording';
}

/** The export file (and the shape importJSON accepts). */
export interface HistoryExport {
	format: typeof EXPORT_FORMAT;
	schemaVersion: number;
	exportedAt: string;
	sessions: SessionRecord[];
	nudges: NudgeRecord[];
	stretchSets: StretchSetRecord[];
}

export type RecordKind = 'sessions' | 'nudges' | 'stretchSets';
export const RECORD_KINDS: readonly RecordKind[] = ['sessions', 'nudges', 'stretchSets'];

/** One local day's numbers for the charts. */
export interface DailySummary {
	/** Local calendar date, YYYY-MM-DD. */
	date: string;
	/** Local midnight that starts the day (epoch ms). */
	dayStart: number;
	sessions: number;
	/** Minutes in a flexed posture (SLOUCHED_LABELS) in sessions that started this day. */
	minutesSlouched: number;
	/** Minutes upright or in an extension stretch (UPRIGHT_LABELS). */
	minutesUpright: number;
	/** minutesUpright / (minutesUpright + minutesSlouched) * 100, rounded; null when neither was seen. */
	percentUpright: number | null;
	nudges: number;
	/** Nudges followed by a stretch or a correction. */
	nudgesFollowed: number;
	nudgesStretched: number;
	nudgesCorrected: number;
	stretchSets: number;
	reps: number;
	/** Best peak angle per rep exercise that day, degrees. */
	bestPeakDeg: Partial<Record<'cobra' | 'back_extension', number>>;
	/** Seconds held per hold exercise that day. */
	holdS: Partial<Record<'hang' | 'sphinx', number>>;
	/** Total seconds held in hang and sphinx. */
	totalHoldS: number;
}

/** 'opening': the browser has not yet answered the open (slow, not refused); the store works in memory meanwhile. */
export type StoreStatus = 'ok' | 'opening' | 'unavailable' | 'full';

/** What the store found wrong in stored data when it opened. */
export interface RecoveryReport {
	/** Damaged records skipped (and removed from storage). */
	skipped: number;
	/** The database could not be read at all and was started afresh. */
	reset: boolean;
	message: string;
}

export type ImportCounts = Record<RecordKind, number>;

export type ImportResult =
	| {
			ok: true;
			/** Records added, per kind. */
			added: ImportCounts;
			/** Records whose id was already in the history (kept as they were), per kind. */
			skipped: ImportCounts;
			/** False when storage is unavailable or full: the import is shown for this visit only. */
			saved: boolean;
			message: string;
	  }
	| {
			ok: false;
			/** One sentence for the person, naming the first thing wrong. */
			message: string;
			/** Every problem found (capped), for a details list. */
			problems: string[];
	  };

/** A time range for lists; both ends inclusive, either open. */
export interface TimeRange {
	from?: number;
	to?: number;
}
