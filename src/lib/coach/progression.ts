/**
 * "Each repetition a little higher than the last" (domain, cobra; back extension: "a little further
 * each time"): a rep's peak against the previous rep's, with a tolerance of a few degrees so that
 * measurement jitter is not called progress or regress.
 */
import type { Progression } from './types';

export function compareReps(
	peakDeg: number,
	previousPeakDeg: number | null,
	tolDeg: number
): { progression: Progression | null; deltaDeg: number | null } {
	if (previousPeakDeg === null) return { progression: null, deltaDeg: null };
	const d = peakDeg - previousPeakDeg;
	return { progression: d > tolDeg ? 'higher' : d < -tolDeg ? 'lower' : 'same', deltaDeg: d };
}
