import { describe, expect, it } from 'vitest';
import { rng } from '../synth';
import { createSignalContinuity } from './signal-continuity';

/** Feeds readings at 30 fps; returns what came out per frame. */
function run(at: (t: number) => number | null, endMs: number, cutAt?: number) {
	const c = createSignalContinuity();
	const out: Array<{ t: number; angle: number | null; newSegment: boolean; dropped: number }> = [];
	for (let t = 0; t <= endMs; t += 1000 / 30) out.push({ t, ...c.update(t, at(t), cutAt !== undefined && Math.abs(t - cutAt) < 1) });
	return out;
}

describe('signal continuity', () => {
	it('a quick real rise with jitter is accepted whole, in one segment', () => {
		const r = rng(3);
		const out = run((t) => (t < 1000 ? 3 : t < 2000 ? 3 + 0.055 * (t - 1000) : 58) + r.normal(0, 2), 4000);
		expect(out.every((x) => x.angle !== null)).toBe(true);
		expect(out.filter((x) => x.newSegment).length).toBe(1);
	});

	it('a misdetection of a few frames is dropped, not a new segment', () => {
		const out = run((t) => (t > 2000 && t < 2100 ? 80 : 50), 4000);
		const glitch = out.filter((x) => x.t > 2000 && x.t < 2100);
		expect(glitch.length).toBe(3);
		expect(glitch.every((x) => x.angle === null)).toBe(true);
		expect(out.filter((x) => x.newSegment).length).toBe(1);
		expect(out.reduce((s, x) => s + x.dropped, 0)).toBe(3);
	});

	it('a jump that stays is another view: a new segment once it has lasted confirmMs', () => {
		const out = run((t) => (t < 2000 ? 50 : 66), 4000);
		const seg = out.filter((x) => x.newSegment);
		expect(seg.length).toBe(2);
		expect(seg[1].t).toBeGreaterThanOrEqual(2250);
		expect(seg[1].t).toBeLessThan(2300);
		expect(out.filter((x) => x.t >= 2000 && x.t < seg[1].t).every((x) => x.angle === null)).toBe(true);
	});

	it('after a while unseen the angle may have moved anywhere; a cut starts a segment at once', () => {
		const gap = run((t) => (t < 1000 ? 5 : t < 3000 ? null : 50), 4000);
		expect(gap.filter((x) => x.newSegment).length).toBe(1);
		expect(gap.find((x) => x.t >= 3000)!.angle).toBe(50);
		const cut = run(() => 40, 2000, 1000);
		expect(cut.filter((x) => x.newSegment).map((x) => Math.round(x.t))).toEqual([0, 1000]);
	});
});
