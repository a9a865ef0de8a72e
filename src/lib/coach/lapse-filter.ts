/**
 * A check that brief lapses do not end (is the person lying face down, hanging from the bar): once it
 * holds, it keeps holding through readings against it shorter than `lapseMs`. Frames where it cannot be
 * told (null) change nothing. Pure, timestamp driven.
 *
 * The pose engine's view of a lying body wobbles: in the real videos the lying check failed for a few
 * frames at a time in the middle of steady cobras (a leg point thrown up, a foreshortened 3/4 view);
 * without this, each lapse would break the hold.
 */
export interface LapseFilter {
	update(t: number, holds: boolean | null): boolean;
	readonly value: boolean;
	reset(): void;
}

export function createLapseFilter(lapseMs: number): LapseFilter {
	let on = false;
	let againstSince: number | null = null;
	return {
		update(t, holds) {
			if (holds === true) {
				on = true;
				againstSince = null;
			} else if (holds === false && on) {
				againstSince ??= t;
				if (t - againstSince >= lapseMs) on = false;
			}
			return on;
		},
		get value() {
			return on;
		},
		reset() {
			on = false;
			againstSince = null;
		}
	};
}
