/**
 * The cue scheduler: of everything the trackers would like to say, says little, and the most
 * important thing first. Pure and timestamp driven; speaking (Web Speech API) is the UI's job.
 *
 * Rules (users: "intermittent, kind feedback beats constant correction"; "Tempo shows cues
 * intermittently"; "praise progress, not only faults"):
 * - priority: safety > form fault > progression > praise > info;
 * - at most one corrective cue (fault or progression) every `correctiveGapMs`, praise at most every
 *   `praiseGapMs`, and any two cues at least `minGapMs` apart (safety excepted);
 * - never the same cue twice in a row;
 * - faults are said only while they are being offered (a fault already fixed is not announced);
 *   one-off cues (a rep's progression, praise, a milestone) wait up to `holdoverMs` for a free slot,
 *   then are dropped rather than piling up.
 */
import type { Cue, CueCandidate, CueKind } from './types';

export interface CueSchedulerOptions {
	minGapMs: number;
	correctiveGapMs: number;
	praiseGapMs: number;
	holdoverMs: number;
}

export const DEFAULT_CUE_OPTIONS: CueSchedulerOptions = {
	minGapMs: 2500,
	correctiveGapMs: 6000,
	praiseGapMs: 8000,
	holdoverMs: 4000
};

export const CUE_PRIORITY: Record<CueKind, number> = { safety: 0, fault: 1, progression: 2, praise: 3, info: 4 };

export interface CueScheduler {
	/** Offers this frame's candidates; returns the cue to say now, if any. */
	offer(t: number, candidates: readonly CueCandidate[]): Cue | null;
	reset(): void;
}

export function createCueScheduler(options: Partial<CueSchedulerOptions> = {}): CueScheduler {
	const o = { ...DEFAULT_CUE_OPTIONS, ...options };
	let lastId: string | null = null;
	let lastT = -Infinity;
	let lastCorrective = -Infinity;
	let lastPraise = -Infinity;
	/** One-off cues waiting for a slot, by id. */
	let pending = new Map<string, { c: CueCandidate; since: number }>();

	const allowed = (t: number, c: CueCandidate): boolean => {
		if (c.id === lastId) return false;
		if (c.kind === 'safety') return true;
		if (t - lastT < o.minGapMs) return false;
		if ((c.kind === 'fault' || c.kind === 'progression') && t - lastCorrective < o.correctiveGapMs) return false;
		if (c.kind === 'praise' && t - lastPraise < o.praiseGapMs) return false;
		return true;
	};

	return {
		offer(t, candidates) {
			for (const [id, p] of pending) if (t - p.since > o.holdoverMs) pending.delete(id);
			for (const c of candidates) if (c.kind !== 'fault' && !pending.has(c.id)) pending.set(c.id, { c, since: t });
			const pool: CueCandidate[] = [...candidates.filter((c) => c.kind === 'fault'), ...[...pending.values()].map((p) => p.c)];
			pool.sort((a, b) => CUE_PRIORITY[a.kind] - CUE_PRIORITY[b.kind]);
			const pick = pool.find((c) => allowed(t, c));
			if (!pick) return null;
			pending.delete(pick.id);
			lastId = pick.id;
			lastT = t;
			if (pick.kind === 'fault' || pick.kind === 'progression') lastCorrective = t;
			if (pick.kind === 'praise') lastPraise = t;
			return { ...pick, t, speakable: pick.speakable ?? true };
		},
		reset() {
			lastId = null;
			lastT = -Infinity;
			lastCorrective = -Infinity;
			lastPraise = -Infinity;
			pending = new Map();
		}
	};
}
