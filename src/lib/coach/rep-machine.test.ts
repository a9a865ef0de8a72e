import { describe, expect, it } from 'vitest';
import { createRepMachine, type RepRecord } from './rep-machine';

const OPTS = { enterDeg: 20, exitDeg: 12, topBandDeg: 6, topSpeedDegS: 15, graceMs: 800, resumeMs: 3000, minAboveMs: 800 };

/** Feeds (t, angle) pairs at 30 fps with a crude speed; returns the reps. */
function feed(angleAt: (t: number) => number | null, endMs: number) {
	const m = createRepMachine(OPTS);
	const out: RepRecord[] = [];
	let prev: number | null = null;
	for (let t = 0; t <= endMs; t += 1000 / 30) {
		const a = angleAt(t);
		const speed = a !== null && prev !== null ? (a - prev) * 30 : 0;
		if (a !== null) prev = a;
		const s = m.update(t, a, speed);
		if (s.ended) out.push(s.ended);
	}
	const last = m.finish();
	if (last) out.push(last);
	return out;
}

/** Up over 1 s to `peak`, held `holdMs`, down over 1 s, from `start`. */
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
	});

	it('jitter around the enter threshold does not double count (gap between enter and exit)', () => {
		const r = feed((t) => (t < 500 ? 5 : t < 4000 ? 19 + 3 * Math.sin(t / 40) : 5), 5000);
		expect(r.length).toBe(1);
	});

	it('a dropout within the grace counts as held; a longer one ends the rep where it was last seen', () => {
		const base = rep(500, 40, 3000);
		const short = feed((t) => (t > 2000 && t < 2600 ? null : base(t)), 6000);
		expect(short[0].holdMs).toBeGreaterThan(2900);
		const gone = feed((t) => (t > 2000 ? null : base(t)), 9000);
		expect(gone.length).toBe(1);
		expect(gone[0].endT).toBeLessThan(2001);
	});

	it('a glitch of one frame above the threshold is not a rep', () => {
		expect(feed((t) => (Math.abs(t - 1000) < 20 ? 60 : t > 1000 && t < 2000 ? null : 5), 4000)).toEqual([]);
	});

	it('an open rep is closed by finish (a recording that ends at the top)', () => {
		const r = feed((t) => Math.min(45, 5 + t / 25), 3000);
		expect(r.length).toBe(1);
		expect(r[0].holdMs).toBeGreaterThan(1500);
	});
});
