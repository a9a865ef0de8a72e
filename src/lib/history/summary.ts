/**
 * Per-day numbers for the history charts, from the stored records. Pure; days are local calendar days.
 * A session's minutes count on the day it started; nudges and stretch sets on the day they happened.
 */
import {
	FOLLOWED_OUTCOMES,
	SLOUCHED_LABELS,
	UPRIGHT_LABELS,
	type DailySummary,
	type NudgeRecord,
	type PostureMinutes,
	type SessionRecord,
	type StretchSetRecord
} from './types';

/** Local midnight of the day `t` falls on. */
export function startOfDay(t: number): number {
	const d = new Date(t);
	return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Local midnight `n` days after the one that starts `dayStart` (DST-safe). */
export function addDays(dayStart: number, n: number): number {
	const d = new Date(dayStart);
	return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n).getTime();
}

/** YYYY-MM-DD of a local day. */
export function dateKey(t: number): string {
	const d = new Date(t);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function slouchedMinutes(m: PostureMinutes): number {
	return SLOUCHED_LABELS.reduce((s, l) => s + (m[l] ?? 0), 0);
}

export function uprightMinutes(m: PostureMinutes): number {
	return UPRIGHT_LABELS.reduce((s, l) => s + (m[l] ?? 0), 0);
}

/** % of (upright + slouched) minutes spent upright, rounded; null when neither was seen. */
export function percentUpright(upright: number, slouched: number): number | null {
	const total = upright + slouched;
	return total > 0 ? Math.round((upright / total) * 100) : null;
}

/** The first moment of the `days`-day window that ends with today (local). */
export function windowStart(days: number, now: number): number {
	return addDays(startOfDay(now), -(Math.max(1, Math.floor(days)) - 1));
}

function emptyDay(dayStart: number): DailySummary {
	return {
		date: dateKey(dayStart),
		dayStart,
		sessions: 0,
		minutesSlouched: 0,
		minutesUpright: 0,
		percentUpright: null,
		nudges: 0,
		nudgesFollowed: 0,
		nudgesStretched: 0,
		nudgesCorrected: 0,
		stretchSets: 0,
		reps: 0,
		bestPeakDeg: {},
		holdS: {},
		totalHoldS: 0
	};
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * One summary per day for the `days` days ending today (oldest first, every day present even when empty).
 * Records outside the window are ignored.
 */
export function summarize(
	records: { sessions: readonly SessionRecord[]; nudges: readonly NudgeRecord[]; stretchSets: readonly StretchSetRecord[] },
	days: number,
	now: number = Date.now()
): DailySummary[] {
	const n = Math.max(1, Math.floor(days));
	const first = windowStart(n, now);
	const out: DailySummary[] = [];
	const byKey = new Map<string, DailySummary>();
	for (let i = 0; i < n; i++) {
		const day = emptyDay(addDays(first, i));
		out.push(day);
		byKey.set(day.date, day);
	}
	const dayOf = (t: number) => byKey.get(dateKey(t));

	for (const s of records.sessions) {
		const d = dayOf(s.start);
		if (!d) continue;
		d.sessions++;
		d.minutesSlouched += slouchedMinutes(s.minutes);
		d.minutesUpright += uprightMinutes(s.minutes);
	}
	for (const nudge of records.nudges) {
		const d = dayOf(nudge.t);
		if (!d) continue;
		d.nudges++;
		if (nudge.outcome && FOLLOWED_OUTCOMES.includes(nudge.outcome)) d.nudgesFollowed++;
		if (nudge.outcome === 'stretched') d.nudgesStretched++;
		if (nudge.outcome === 'corrected') d.nudgesCorrected++;
	}
	for (const set of records.stretchSets) {
		const d = dayOf(set.start);
		if (!d) continue;
		d.stretchSets++;
		d.reps += set.reps.length;
		if (set.exercise === 'cobra' || set.exercise === 'back_extension') {
			for (const r of set.reps) {
				const best = d.bestPeakDeg[set.exercise];
				if (best === undefined || r.peakDeg > best) d.bestPeakDeg[set.exercise] = r.peakDeg;
			}
		} else {
			d.holdS[set.exercise] = (d.holdS[set.exercise] ?? 0) + set.totalHoldS;
			d.totalHoldS += set.totalHoldS;
		}
	}
	for (const d of out) {
		d.minutesSlouched = round1(d.minutesSlouched);
		d.minutesUpright = round1(d.minutesUpright);
		d.percentUpright = percentUpright(d.minutesUpright, d.minutesSlouched);
		d.totalHoldS = Math.round(d.totalHoldS);
		for (const k of Object.keys(d.holdS) as ('hang' | 'sphinx')[]) d.holdS[k] = Math.round(d.holdS[k] ?? 0);
		for (const k of Object.keys(d.bestPeakDeg) as ('cobra' | 'back_extension')[]) d.bestPeakDeg[k] = round1(d.bestPeakDeg[k] ?? 0);
	}
	return out;
}
