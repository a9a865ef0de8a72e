import { describe, expect, it } from 'vitest';
import { createRepMachine, type RepReading, type RepRecord } from './rep-machine';

const OPTS = { enterDeg: 20, exitDeg: 12, restDeg: 5, topBandDeg: 6, topSpeedDegS: 15, graceMs: 800, minAboveMs: 800 };

/** What a frame shows: an angle, an angle in a new view segment, nothing, or the person out of position. */
type Frame = number | { a: number; cut: true } | null | 'out';

/** Feeds frames at 30 fps with a crude speed; returns the reps. */
function feed(at: (t: number) => Frame, endMs: number, opts: Partial<typeof OPTS & { pauseMaxMs: number; outMs: number }> = {}) {
	const m = createRepMachine({ ...OPTS, ...opts });
	const out: RepRecord[] = [];
	let prev: number | null = null;
	for (let t = 0; t <= endMs; t += 1000 / 30) {
		const f = at(t);
		let reading: RepReading;
		if (f === null) reading = { kind: 'unseen' };
		else if (f === 'out') reading = { kind: 'out' };
		else {
			const a = typeof f === 'number' ? f : f.a;
			const cut = typeof f !== 'number';
			const speed = prev !== null && !cut ? (a - prev) * 30 : 0;
			prev = a;
			reading = { kind: 'angle', angle: a, speed, newSegment: cut };
		}
		const s = m.update(t, reading);
		if (s.ended) out.push(s.ended);
	}
	const last = m.finish();
	if (last) out.push(last);
	return out;
}

/** Lying at 5, up over 1 s to `peak`, held `holdMs`, down over 1 s, from `start`. */
const rep = (start: number, peak: number, holdMs: number) => (t: number) => {
	const u = t - start;
	if (u < 0) return 5;
	if (u < 1000) return 5 + ((peak - 5) * u) / 1000;
	if (u < 1000 + holdMs) return peak;
	if (u < 2000 + holdMs) return peak - ((peak - 5) * (u - 1000 - holdMs)) / 1000;
	return 5;
};

describe('rep machine', () => {
	it('one rep with its peak and hold', () => {
		const r = feed(rep(500, 40, 2000), 5000);
		expect(r.length).toBe(1);
		expect(r[0].peakDeg).toBeCloseTo(40, 5);
		expect(r[0].holdMs).toBeGreaterThan(1900);
		expect(r[0].holdMs).toBeLessThan(2500);
		expect(r[0].endedBy).toBe('lowered');
	});

	it('jitter around the enter threshold does not double count (gap between enter and exit)', () => {
		const r = feed((t) => (t < 500 ? 5 : t < 4000 ? 19 + 3 * Math.sin(t / 40) : 5), 5000);
		expect(r.length).toBe(1);
	});

	it('a dropout within the grace counts as held; a longer one is a pause: the rep goes on, the unseen time is not held', () => {
		const base = rep(500, 40, 4000);
		const short = feed((t) => (t > 2000 && t < 2600 ? null : base(t)), 8000);
		expect(short.length).toBe(1);
		expect(short[0].holdMs).toBeGreaterThan(3900);
		const long = feed((t) => (t > 2000 && t < 4000 ? null : base(t)), 8000);
		expect(long.length).toBe(1);
		// 1.5-2 s and 4-5.5 s at 40, and the last and first few frames of the ramps within the top band.
		expect(long[0].holdMs).toBeGreaterThan(1900);
		expect(long[0].holdMs).toBeLessThan(2600);
	});

	it('unseen for longer than pauseMaxMs ends the rep where it was last seen', () => {
		const base = rep(500, 40, 3000);
		const gone = feed((t) => (t > 2000 ? null : base(t)), 9000, { pauseMaxMs: 5000 });
		expect(gone.length).toBe(1);
		expect(gone[0].endT).toBeLessThan(2001);
		expect(gone[0].endedBy).toBe('unseen');
	});

	it('a brief dip below the exit in the middle of a hold is not the end of the rep', () => {
		const base = rep(500, 45, 6000);
		const r = feed((t) => (t > 3000 && t < 3200 ? 8 : base(t)), 10000);
		expect(r.length).toBe(1);
	});

	it('a lowering more than half way back to rest, then a fresh rise, is two reps; sagging in the hold is not', () => {
		// Up to 55, down to 22 (above the exit at 12) for a second, up to 56 again, down.
		const flow = (t: number) =>
			t < 500 ? 5 : t < 1500 ? 5 + 0.05 * (t - 500) : t < 4500 ? 55 : t < 5500 ? 55 - 0.033 * (t - 4500) : t < 6500 ? 22 : t < 7500 ? 22 + 0.034 * (t - 6500) : t < 10500 ? 56 : t < 11500 ? 56 - 0.051 * (t - 10500) : 5;
		const r = feed(flow, 13000);
		expect(r.map((x) => x.endedBy)).toEqual(['lowered', 'lowered']);
		const sag = (t: number) => (t < 500 ? 5 : t < 1500 ? 5 + 0.05 * (t - 500) : t < 3000 ? 55 : t < 4000 ? 55 - 0.012 * (t - 3000) : t < 7000 ? 43 : t < 8000 ? 43 - 0.038 * (t - 7000) : 5);
		expect(feed(sag, 9000).length).toBe(1);
	});

	it('a cut mid-hold to a view that reads the pose 15 degrees higher is a pause: one rep, both parts held', () => {
		let cut = false;
		const r = feed((t) => {
			const a = rep(500, 50, 8000)(t);
			if (t >= 4000 && t < 4300) return null; // the crossfade
			if (t < 4300) return a;
			// The new view from here on; the first frame starts its segment.
			const first = !cut;
			cut = true;
			return first ? { a: a + 15, cut: true } : a + 15;
		}, 12000);
		expect(r.length).toBe(1);
		expect(r[0].segments).toBe(2);
		// 1.5-4 s and 4.3-9.5 s at the top (the 0.3 s crossfade not counted), and the ends of the ramps within the top band.
		expect(r[0].holdMs).toBeGreaterThan(7600);
		expect(r[0].holdMs).toBeLessThan(8400);
	});

	it('a segment between two cuts that reads a lift but never shows it rise or come down is not a rep', () => {
		let cuts = 0;
		const r = feed((t) => {
			if (t < 3000) return 5;
			if (t < 6000) return cuts++ === 0 ? { a: 35, cut: true } : 35;
			return t < 6040 ? { a: 5, cut: true } : 5;
		}, 9000);
		expect(r).toEqual([]);
	});

	it('a recording that starts mid-rep counts it; the lowering seen after a cut counts it too', () => {
		expect(feed((t) => (t < 3000 ? 40 : 5), 5000).length).toBe(1);
		let first = true;
		const seenDown = feed((t) => {
			if (t < 3000) return 5;
			if (t < 6000) {
				if (first) {
					first = false;
					return { a: 45, cut: true };
				}
				return 45;
			}
			return t < 7000 ? 45 - 0.04 * (t - 6000) : 5;
		}, 9000);
		expect(seenDown.length).toBe(1);
		expect(seenDown[0].endedBy).toBe('lowered');
	});

	it('seen down after a cut (the lowering out of sight) ends the rep at its last frame up', () => {
		let first = true;
		const r = feed((t) => {
			if (t < 500) return 5;
			if (t < 1500) return 5 + 0.04 * (t - 500);
			if (t < 4000) return 45;
			if (first) {
				first = false;
				return { a: 5, cut: true };
			}
			return 5;
		}, 8000);
		expect(r.length).toBe(1);
		expect(r[0].endedBy).toBe('lowered_unseen');
		expect(r[0].endT).toBeLessThan(4000);
	});

	it('getting up out of position ends the rep after outMs; a glitch of one frame above the threshold is not a rep', () => {
		const r = feed((t) => (t < 3500 ? rep(500, 40, 5000)(t) : 'out'), 8000, { outMs: 1500 });
		expect(r.length).toBe(1);
		expect(r[0].endedBy).toBe('out');
		expect(feed((t) => (Math.abs(t - 1000) < 20 ? 60 : t > 1000 && t < 2000 ? null : 5), 4000)).toEqual([]);
	});

	it('an open rep is closed by finish (a recording that ends at the top)', () => {
		const r = feed((t) => Math.min(45, 5 + t / 25), 3000);
		expect(r.length).toBe(1);
		expect(r[0].holdMs).toBeGreaterThan(1500);
		expect(r[0].endedBy).toBe('finish');
	});
});
