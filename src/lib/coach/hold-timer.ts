/**
 * A hold timer that forgives brief dropouts (users: "a hold timer that resets on one missed frame is
 * a top complaint ... use a grace period"). Pure and driven by frame timestamps.
 *
 * Each frame says whether the person is in the pose (true), out of it (false) or unknown (null: not
 * seen well enough to tell). A gap in "in the pose" no longer than `graceMs` counts as held; a longer
 * one ends the hold at the last frame in the pose (and the time after it does not count).
 */
export interface HoldTimerOptions {
	/** Dropouts and brief exits up to this long do not end the hold (ms). */
	graceMs: number;
}

export interface HoldSegment {
	startT: number;
	endT: number;
	/** Milliseconds held (endT - startT). */
	ms: number;
}

export interface HoldTimerState {
	/** In a hold (possibly inside a grace gap). */
	holding: boolean;
	/** Milliseconds of the current hold so far (0 when not holding). */
	currentMs: number;
	/** A hold that ended at this frame, else null. */
	ended: HoldSegment | null;
}

export interface HoldTimer {
	update(t: number, inPose: boolean | null): HoldTimerState;
	/** Ends the current hold, if any, at its last frame in the pose. */
	finish(): HoldSegment | null;
	reset(): void;
}

export function createHoldTimer(opts: HoldTimerOptions): HoldTimer {
	let start: number | null = null;
	let lastIn = 0;
	const close = (): HoldSegment | null => {
		if (start === null) return null;
		const seg = { startT: start, endT: lastIn, ms: lastIn - start };
		start = null;
		return seg;
	};
	return {
		update(t, inPose) {
			let ended: HoldSegment | null = null;
			if (start !== null && t - lastIn > opts.graceMs) ended = close();
			if (inPose === true) {
				if (start === null) start = t;
				lastIn = t;
			}
			return { holding: start !== null, currentMs: start === null ? 0 : lastIn - start, ended };
		},
		finish: close,
		reset() {
			start = null;
		}
	};
}
