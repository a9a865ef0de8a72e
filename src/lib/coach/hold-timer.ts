/**
 * A hold timer that forgives brief dropouts (users: "a hold timer that resets on one missed frame is
 * a top complaint ... use a grace period") and pauses through what it cannot see. Pure and driven by
 * frame timestamps.
 *
 * Each frame says:
 * - true: in the pose (counted);
 * - false: seen out of the pose; out longer than `graceMs` ends the hold at its last frame in the pose;
 * - null: not seen (nobody found, a cut, a close-up): a pause, not an end; the hold ends only after
 *   `pauseMaxMs` unseen;
 * - 'pause': seen still in the exercise but not in the pose that is timed (on the bar pulling up
 *   instead of hanging): not counted, and not an end either.
 * Time is counted between two frames in the pose when nothing but misses (out or unseen) came between
 * them and they are at most `graceMs` apart; the rest of a pause is not counted as held.
 */
export interface HoldTimerOptions {
	/** Dropouts and brief exits up to this long do not end the hold and count as held (ms). */
	graceMs: number;
	/** Not seen (or paused) this long ends the hold at its last frame in the pose (ms; default no limit). */
	pauseMaxMs?: number;
}

export type HoldReading = boolean | null | 'pause';

export interface HoldSegment {
	startT: number;
	endT: number;
	/** Milliseconds held (counted), at most endT - startT. */
	ms: number;
}

export interface HoldTimerState {
	/** In a hold (possibly paused or inside a grace gap). */
	holding: boolean;
	/** True when in a hold and not in the pose at this frame. */
	paused: boolean;
	/** Milliseconds held in the current hold so far (0 when not holding). */
	currentMs: number;
	/** A hold that ended at this frame, else null. */
	ended: HoldSegment | null;
}

export interface HoldTimer {
	update(t: number, reading: HoldReading): HoldTimerState;
	/** Ends the current hold, if any, at its last frame in the pose. */
	finish(): HoldSegment | null;
	reset(): void;
}

export function createHoldTimer(opts: HoldTimerOptions): HoldTimer {
	const pauseMax = opts.pauseMaxMs ?? Infinity;
	let start: number | null = null;
	let lastIn = 0;
	let ms = 0;
	/** Since the last frame in the pose: seen out (since when), paused on purpose. */
	let outSince: number | null = null;
	let pausedBetween = false;
	const close = (): HoldSegment | null => {
		if (start === null) return null;
		const seg = { startT: start, endT: lastIn, ms };
		start = null;
		ms = 0;
		outSince = null;
		pausedBetween = false;
		return seg;
	};
	return {
		update(t, reading) {
			let ended: HoldSegment | null = null;
			if (start !== null) {
				const out = outSince !== null && t - outSince > opts.graceMs && t - lastIn > opts.graceMs;
				if (out || t - lastIn > pauseMax) ended = close();
			}
			if (reading === true) {
				if (start === null) {
					start = t;
					ms = 0;
				} else if (!pausedBetween && t - lastIn <= opts.graceMs) ms += t - lastIn;
				lastIn = t;
				outSince = null;
				pausedBetween = false;
			} else if (start !== null) {
				if (reading === false) outSince ??= t;
				else if (reading === 'pause') {
					pausedBetween = true;
					outSince = null;
				}
			}
			const holding = start !== null;
			return { holding, paused: holding && reading !== true, currentMs: holding ? ms : 0, ended };
		},
		finish: close,
		reset() {
			start = null;
			ms = 0;
			outSince = null;
			pausedBetween = false;
		}
	};
}
