import { describe, expect, it } from 'vitest';
import { sampleHistory } from './sample';
import { addDays, dateKey, percentUpright, startOfDay, summarize } from './summary';
import type { NudgeRecord, SessionRecord, StretchSetRecord } from './types';

const NOW = new Date(2026, 2, 10, 18, 0).getTime();
const at = (dayOffset: number, h: number, m = 0) => new Date(2026, 2, 10 + dayOffset, h, m).getTime();

function session(id: string, start: number, minutes: SessionRecord['minutes']): SessionRecord {
	return { id, kind: 'desk', start, end: start + 120 * 60_000, updatedAt: start + 120 * 60_000, minutes, bouts: [] };
}
function nudge(id: string, t: number, outcome: NudgeRecord['outcome']): NudgeRecord {
	return { id, sessionId: 's', t, detected: 'slouched', style: 'banner', outcome, resolvedAt: outcome ? t : null };
}

describe('days', () => {
	it('are local calendar days', () => {
		expect(dateKey(at(0, 0, 0))).toBe('2026-03-10');
		expect(dateKey(at(0, 23, 59))).toBe('2026-03-10');
		expect(startOfDay(at(0, 15))).toBe(at(0, 0));
		expect(dateKey(addDays(at(0, 0), -10))).toBe('2026-02-28');
	});
});

describe('summarize', () => {
	it('gives one entry per day, oldest first, empty days included', () => {
		const out = summarize({ sessions: [], nudges: [], stretchSets: [] }, 7, NOW);
		expect(out.map((d) => d.date)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
		expect(out[0]).toMatchObject({ sessions: 0, minutesSlouched: 0, percentUpright: null, nudges: 0, totalHoldS: 0 });
	});

	it('adds minutes slouched (all flexed labels) and upright (incl. extensions) per day, and % upright', () => {
		const out = summarize(
			{
				sessions: [
					session('a', at(0, 9), { upright: 30, slouched: 10, hands_on_knees: 5, forward_fold: 5, other: 20, unknown: 3 }),
					session('b', at(0, 14), { upright: 10, cobra: 2, sphinx: 8 }),
					session('c', at(-1, 9), { slouched: 7 }),
					session('old', at(-30, 9), { slouched: 99 })
				],
				nudges: [],
				stretchSets: []
			},
			2,
			NOW
		);
		expect(out[1]).toMatchObject({ date: '2026-03-10', sessions: 2, minutesSlouched: 20, minutesUpright: 50, percentUpright: 71 });
		expect(out[0]).toMatchObject({ date: '2026-03-09', sessions: 1, minutesSlouched: 7, minutesUpright: 0, percentUpright: 0 });
		expect(percentUpright(0, 0)).toBeNull();
	});

	it('counts nudges and those followed by a stretch or a correction', () => {
		const out = summarize(
			{
				sessions: [],
				nudges: [nudge('1', at(0, 10), 'stretched'), nudge('2', at(0, 11), 'corrected'), nudge('3', at(0, 12), 'ignored'), nudge('4', at(0, 13), 'snoozed'), nudge('5', at(0, 14), null)],
				stretchSets: []
			},
			1,
			NOW
		);
		expect(out[0]).toMatchObject({ nudges: 5, nudgesFollowed: 2, nudgesStretched: 1, nudgesCorrected: 1 });
	});

	it('takes the best peak per rep exercise and sums hold seconds', () => {
		const base = { sessionId: 's', end: at(0, 10, 5), holdsS: [] as number[], totalHoldS: 0, score: null, faults: {}, reps: [] as StretchSetRecord['reps'] };
		const rep = (n: number, peakDeg: number) => ({ n, peakDeg, holdS: 0, score: 80, faults: [] });
		const sets: StretchSetRecord[] = [
			{ ...base, id: 'c1', exercise: 'cobra', start: at(0, 10), reps: [rep(1, 30), rep(2, 41.24)], holdsS: [0, 0] },
			{ ...base, id: 'c2', exercise: 'cobra', start: at(0, 11), reps: [rep(1, 38)], holdsS: [0] },
			{ ...base, id: 'b1', exercise: 'back_extension', start: at(0, 11), reps: [rep(1, 15)], holdsS: [0] },
			{ ...base, id: 'h1', exercise: 'hang', start: at(0, 12), holdsS: [20, 25], totalHoldS: 45 },
			{ ...base, id: 's1', exercise: 'sphinx', start: at(0, 12), holdsS: [300], totalHoldS: 300 }
		];
		const [d] = summarize({ sessions: [], nudges: [], stretchSets: sets }, 1, NOW);
		expect(d).toMatchObject({ stretchSets: 5, reps: 4, bestPeakDeg: { cobra: 41.2, back_extension: 15 }, holdS: { hang: 45, sphinx: 300 }, totalHoldS: 345 });
	});

	it('shows the sample history improving over a week', () => {
		const out = summarize(sampleHistory(7, NOW), 7, NOW);
		expect(out.every((d) => d.sessions >= 2)).toBe(true);
		expect(out[6].percentUpright!).toBeGreaterThan(out[0].percentUpright!);
		expect(out[6].bestPeakDeg.cobra!).toBeGreaterThan(out[0].bestPeakDeg.cobra!);
		expect(out[6].totalHoldS).toBeGreaterThan(out[0].totalHoldS);
	});
});
