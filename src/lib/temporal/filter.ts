/**
 * Temporal layer: turns a stream of per-frame verdicts into a calm, trustworthy posture state.
 *
 * - EMA smoothing of every per-label score, with a time constant in milliseconds (not frames), so
 *   it behaves the same at 30 fps, 5 fps or 1 fps (exact low-pass of the input taken as linear
 *   between frames). Default: the equivalent of ~10 frames at 30 fps.
 * - Hysteresis (MediaPipe's rep-counter rule): a label may take over only once its smoothed score
 *   reaches `enter` (0.6); the current state holds until its score falls below `exit` (0.4) or is
 *   overtaken.
 * - Dwell: a challenger must keep qualifying for `dwellMs[label]` before it becomes the state (a
 *   one-second glance at the keyboard is not a slouch; recovery to upright is quick). Dips shorter
 *   than `pendingGraceMs` do not restart the dwell.
 * - Away: when nobody (no followed person) has been in frame for `awayGraceMs`, the state becomes
 *   `away`; shorter absences hold the current state (pause, do not end).
 * - Landmark dropout: `unknown` verdicts (not enough of the body seen) hold the current state
 *   for `dwellMs.unknown` before the state becomes `unknown`; they are not smoothed in.
 *
 * Deterministic: driven by the timestamps passed in, never by the wall clock.
 */
import type { PostureLabel, PostureVerdict } from '../posture/types';
import { POSTURE_LABELS } from '../posture/types';

export type TemporalLabel = PostureLabel | 'away';

export interface TemporalOptions {
	/** EMA window in ms; the time constant is half of it (an N-frame EMA has alpha = 2 / (N + 1)). */
	smoothingMs: number;
	/** A label may become the state once its smoothed score reaches this. */
	enter: number;
	/** The current state is given up when its smoothed score falls below this. */
	exit: number;
	/** How long a challenger must keep qualifying before it becomes the state. `unknown`: landmark-dropout grace. */
	dwellMs: Record<PostureLabel, number>;
	/** Nobody in frame this long -> `away`. */
	awayGraceMs: number;
	/** A pending label may stop qualifying this long without its dwell starting over. */
	pendingGraceMs: number;
}

export const DEFAULT_DWELL_MS: Record<PostureLabel, number> = {
	hands_on_knees: 1800,
	slouched: 4000,
	forward_fold: 1500,
	upright: 700,
	cobra: 1000,
	sphinx: 1500,
	back_extension: 500,
	hanging: 1000,
	other: 1000,
	unknown: 1500
};

export const DEFAULT_TEMPORAL_OPTIONS: TemporalOptions = {
	smoothingMs: 333,
	enter: 0.6,
	exit: 0.4,
	dwellMs: DEFAULT_DWELL_MS,
	awayGraceMs: 3000,
	pendingGraceMs: 1000
};

export interface TemporalState {
	label: TemporalLabel;
	/** 0..1: smoothed score of `label` (1 for `away`). */
	confidence: number;
	/** How long `label` has been the state (ms). */
	sinceMs: number;
	/** A label qualifying to take over, and for how long it has qualified. */
	pending: { label: PostureLabel; forMs: number } | null;
	/** How long nobody has been in frame (0 when someone is). */
	absentMs: number;
	/** Smoothed per-label scores. */
	scores: Partial<Record<PostureLabel, number>>;
}

export interface TemporalFilter {
	/** `verdict` null means nobody (no followed person) is in frame at time `t`. */
	update(t: number, verdict: PostureVerdict | null): TemporalState;
	reset(): void;
}

export type TemporalOptionsInput = Partial<Omit<TemporalOptions, 'dwellMs'>> & {
	dwellMs?: Partial<Record<PostureLabel, number>>;
};

export function resolveTemporalOptions(opts: TemporalOptionsInput = {}): TemporalOptions {
	const o = { ...DEFAULT_TEMPORAL_OPTIONS, ...opts, dwellMs: { ...DEFAULT_DWELL_MS, ...(opts.dwellMs ?? {}) } };
	if (!(o.exit < o.enter)) throw new Error(`temporal: exit (${o.exit}) must be below enter (${o.enter})`);
	return o;
}

/** Scores of a verdict, with the verdict's own label at least at its confidence. */
export function verdictScores(v: PostureVerdict): Partial<Record<PostureLabel, number>> {
	const s: Partial<Record<PostureLabel, number>> = { ...v.scores };
	const own = s[v.label];
	if (own === undefined || own < v.confidence) s[v.label] = v.confidence;
	return s;
}

export function createTemporalFilter(opts: TemporalOptionsInput = {}): TemporalFilter {
	const o = resolveTemporalOptions(opts);
	const tau = Math.max(1, o.smoothingMs / 2);

	let label: TemporalLabel = 'unknown';
	let labelSince: number | null = null;
	let smoothed: Record<string, number> = {};
	let lastObsT: number | null = null;
	let lastObs: Record<string, number> = {};
	let firstT: number | null = null;
	let lastPresentT: number | null = null;
	let unknownSince: number | null = null;
	let pending: { label: PostureLabel; since: number; lastOk: number } | null = null;
	let lastUnknownConfidence = 0.5;

	function commit(next: TemporalLabel, t: number): void {
		if (next !== label) {
			label = next;
			labelSince = t;
		}
		pending = null;
	}

	function score(l: TemporalLabel): number {
		return l === 'away' ? 0 : (smoothed[l] ?? 0);
	}

	function state(t: number): TemporalState {
		const scores: Partial<Record<PostureLabel, number>> = {};
		for (const l of POSTURE_LABELS) if (smoothed[l] !== undefined) scores[l] = smoothed[l];
		let confidence: number;
		if (label === 'away') confidence = 1;
		else if (label === 'unknown') confidence = Math.max(score('unknown'), lastUnknownConfidence);
		else confidence = score(label);
		return {
			label,
			confidence: Math.min(1, Math.max(0, confidence)),
			sinceMs: labelSince === null ? 0 : Math.max(0, t - labelSince),
			pending: pending ? { label: pending.label, forMs: Math.max(0, t - pending.since) } : null,
			absentMs: lastPresentT === null ? (firstT === null ? 0 : t - firstT) : Math.max(0, t - lastPresentT),
			scores
		};
	}

	function decide(t: number): void {
		const cur = label;
		const curScore = score(cur);
		let best: PostureLabel | null = null;
		let bestScore = -Infinity;
		for (const l of POSTURE_LABELS) {
			if (l === cur || l === 'unknown') continue;
			const s = smoothed[l] ?? 0;
			if (s > bestScore) {
				best = l;
				bestScore = s;
			}
		}
		const curHolds = cur !== 'away' && cur !== 'unknown' && curScore >= o.exit;
		const challenger =
			best !== null && bestScore >= o.enter && (!curHolds || bestScore > curScore) ? best : null;
		// A pending label keeps qualifying while it stays above `exit` and ahead of the current state;
		// dips shorter than `pendingGraceMs` do not restart its dwell (a hold timer that resets on one
		// missed frame is a top complaint), but it only takes over on a frame where it qualifies.
		let ok = false;
		if (pending) {
			const ps = smoothed[pending.label] ?? 0;
			ok =
				pending.label === challenger ||
				(ps >= o.exit && ps > curScore && (challenger === null || ps >= bestScore));
			if (ok) pending.lastOk = t;
			else if (t - pending.lastOk > o.pendingGraceMs || (challenger !== null && challenger !== pending.label))
				pending = null;
		}
		if (!pending && challenger) {
			pending = { label: challenger, since: t, lastOk: t };
			ok = true;
		}
		if (pending && ok && t - pending.since >= o.dwellMs[pending.label]) commit(pending.label, t);
	}

	return {
		update(t: number, verdict: PostureVerdict | null): TemporalState {
			if (firstT === null) {
				firstT = t;
				labelSince = t;
			}
			if (verdict === null) {
				const absentFrom = lastPresentT ?? firstT;
				if (label !== 'away' && t - absentFrom >= o.awayGraceMs) {
					commit('away', t);
					smoothed = {};
					lastObsT = null;
					unknownSince = null;
				}
				return state(t);
			}
			lastPresentT = t;
			// Back in frame: no longer away, even before a posture is established.
			if (label === 'away') commit('unknown', t);
			if (verdict.label === 'unknown') {
				lastUnknownConfidence = verdict.confidence;
				if (unknownSince === null) unknownSince = t;
				if (label !== 'unknown' && t - unknownSince >= o.dwellMs.unknown) {
					commit('unknown', t);
					smoothed = {};
					lastObsT = null;
				}
				return state(t);
			}
			unknownSince = null;
			// EMA of the input taken as linear between samples (first-order hold): the exact
			// response of a time-constant-tau low-pass, so irregular and coarse frame rates agree.
			const dt = lastObsT === null ? Infinity : t - lastObsT;
			const obs = verdictScores(verdict);
			const keys = new Set<string>([...Object.keys(smoothed), ...Object.keys(obs)]);
			const k = dt / tau;
			const e = Math.exp(-k);
			const wNew = k > 1e-9 ? 1 - (1 - e) / k : 0;
			const wOld = k > 1e-9 ? (1 - e) / k - e : 0;
			for (const key of keys) {
				const v = obs[key as PostureLabel] ?? 0;
				if (dt === Infinity) smoothed[key] = v;
				else if (dt > 0) smoothed[key] = e * (smoothed[key] ?? 0) + wNew * v + wOld * (lastObs[key] ?? 0);
			}
			lastObs = obs as Record<string, number>;
			lastObsT = t;
			decide(t);
			return state(t);
		},
		reset() {
			label = 'unknown';
			labelSince = null;
			smoothed = {};
			lastObsT = null;
			firstT = null;
			lastPresentT = null;
			unknownSince = null;
			pending = null;
		}
	};
}
