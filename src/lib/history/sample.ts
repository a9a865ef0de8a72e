/**
 * A plausible history for tests and demos: `days` days ending on `now`'s day, with a workout, a desk watch and a
 * stretch session each day, and steady progress (less slouching, higher cobras, longer holds). Deterministic.
 */
import { addDays, startOfDay } from './summary';
import { EXPORT_FORMAT, SCHEMA_VERSION, type HistoryExport, type NudgeRecord, type SessionRecord, type StretchSetRecord } from './types';

const MIN = 60_000;

export function sampleHistory(days: number, now: number = Date.now()): HistoryExport {
	const sessions: SessionRecord[] = [];
	const nudges: NudgeRecord[] = [];
	const stretchSets: StretchSetRecord[] = [];
	const today = startOfDay(now);
	for (let i = 0; i < days; i++) {
		const day = addDays(today, -(days - 1 - i));
		const k = days > 1 ? i / (days - 1) : 1; // 0 the first day .. 1 the last
		const d = `d${i}`;
		// A morning workout, 07:00-07:40 (today: kept in the past when the test runs before 08:00).
		const wStart = Math.max(day, Math.min(day + 7 * 60 * MIN, now - 60 * MIN));
		const wEnd = wStart + 40 * MIN;
		sessions.push({
			id: `${d}-workout`,
			kind: 'workout',
			start: wStart,
			end: wEnd,
			updatedAt: wEnd,
			minutes: { upright: 20 + 8 * k, slouched: 6 - 4 * k, hands_on_knees: 4 - 3 * k, other: 4 },
			bouts: [{ start: wStart + 5 * MIN, end: wStart + 25 * MIN, meanIntensity: 0.6, peakIntensity: 0.9 }]
		});
		// The stretch session right after it.
		const sStart = wEnd + MIN;
		const sEnd = sStart + 12 * MIN;
		sessions.push({ id: `${d}-stretch`, kind: 'stretch', start: sStart, end: sEnd, updatedAt: sEnd, minutes: { cobra: 3, back_extension: 2, hanging: 1, sphinx: 5 }, bouts: [] });
		stretchSets.push({
			id: `${d}-cobra`,
			sessionId: `${d}-stretch`,
			exercise: 'cobra',
			start: sStart,
			end: sStart + 3 * MIN,
			reps: [0, 1, 2, 3, 4].map((r) => ({ n: r + 1, peakDeg: Math.round(25 + 15 * k + r * 2), holdS: 2, score: Math.round(70 + 20 * k), faults: r === 0 && k < 0.5 ? ['hips_lifted' as const] : [] })),
			holdsS: [2, 2, 2, 2, 2],
			totalHoldS: 10,
			score: Math.round(70 + 20 * k),
			faults: k < 0.5 ? { hips_lifted: 1 } : {}
		});
		stretchSets.push({
			id: `${d}-backext`,
			sessionId: `${d}-stretch`,
			exercise: 'back_extension',
			start: sStart + 3 * MIN,
			end: sStart + 5 * MIN,
			reps: [0, 1, 2].map((r) => ({ n: r + 1, peakDeg: Math.round(12 + 8 * k + r), holdS: 3, score: 80, faults: [] })),
			holdsS: [3, 3, 3],
			totalHoldS: 9,
			score: 80,
			faults: {}
		});
		stretchSets.push({ id: `${d}-hang`, sessionId: `${d}-stretch`, exercise: 'hang', start: sStart + 5 * MIN, end: sStart + 6 * MIN, reps: [], holdsS: [20 + Math.round(20 * k)], totalHoldS: 20 + Math.round(20 * k), score: null, faults: {} });
		const sphinx = 240 + Math.round(60 * k);
		stretchSets.push({ id: `${d}-sphinx`, sessionId: `${d}-stretch`, exercise: 'sphinx', start: sStart + 6 * MIN, end: sStart + 11 * MIN, reps: [], holdsS: [sphinx], totalHoldS: sphinx, score: null, faults: {} });
		// A desk watch in the afternoon (earlier days only when today's afternoon has not come yet).
		const dStart = day + 14 * 60 * MIN;
		const dEnd = dStart + 90 * MIN;
		if (dEnd < now) {
			sessions.push({ id: `${d}-desk`, kind: 'desk', start: dStart, end: dEnd, updatedAt: dEnd, minutes: { upright: 60 + 15 * k, slouched: 25 - 15 * k, other: 5 }, bouts: [] });
			const outcomes = ['stretched', 'corrected', 'ignored', 'snoozed'] as const;
			const count = 4 - Math.round(2 * k);
			for (let j = 0; j < count; j++) {
				const t = dStart + (10 + j * 20) * MIN;
				const outcome = outcomes[(i + j) % (k > 0.5 ? 2 : 4)];
				nudges.push({ id: `${d}-nudge${j}`, sessionId: `${d}-desk`, t, detected: 'slouched', style: 'banner', outcome, resolvedAt: t + MIN });
			}
		}
		nudges.push({ id: `${d}-nudge-w`, sessionId: `${d}-workout`, t: wStart + 27 * MIN, detected: 'hands_on_knees', style: 'voice', outcome: 'stretched', resolvedAt: wStart + 28 * MIN });
	}
	return { format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: new Date(now).toISOString(), sessions, nudges, stretchSets };
}
