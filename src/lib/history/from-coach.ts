/** Turns what the coach produces into history records, so the pages hand sets to the store in one line. */
import type { SetSummary } from '../coach/types';
import type { NewStretchSet } from './store';

/** A stretch set from the coach's end-of-set (or running) summary. */
export function stretchSetFromSummary(summary: SetSummary, at: { sessionId: string; start: number; end?: number; id?: string; source?: 'recording' }): NewStretchSet {
	const hold = summary.exercise === 'hang' || summary.exercise === 'sphinx';
	const reps = hold ? [] : summary.repDetails.map((r) => ({ n: r.n, peakDeg: r.peakDeg, holdS: r.holdS, score: r.score, faults: [...r.faults] }));
	return {
		id: at.id,
		sessionId: at.sessionId,
		exercise: summary.exercise,
		start: at.start,
		end: at.end,
		reps,
		holdsS: [...summary.holdsS],
		totalHoldS: summary.holdsS.reduce((a, h) => a + h, 0),
		score: hold || summary.scores.length === 0 ? null : Math.round(summary.scores.reduce((a, s) => a + s, 0) / summary.scores.length),
		faults: { ...summary.faults },
		...(at.source ? { source: at.source } : {})
	};
}
