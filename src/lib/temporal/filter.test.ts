import { describe, expect, it } from 'vitest';
import type { PostureLabel, PostureVerdict } from '../posture/types';
import { createTemporalFilter, resolveTemporalOptions, verdictScores, type TemporalState } from './filter';

const v = (label: PostureLabel, confidence = 0.9, other?: Partial<Record<PostureLabel, number>>): PostureVerdict => ({
	label,
	confidence,
	scores: { [label]: confidence, ...(other ?? {}) }
});

/** Feed `fn(t)` every `stepMs` from `from` (inclusive) to `to` (exclusive); returns the states. */
function run(
	f: ReturnType<typeof createTemporalFilter>,
	from: number,
	to: number,
	stepMs: number,
	fn: (t: number) => PostureVerdict | null
): Array<TemporalState & { t: number }> {
	const out: Array<TemporalState & { t: number }> = [];
	for (let t = from; t < to; t += stepMs) out.push({ t, ...f.update(t, fn(t)) });
	return out;
}

describe('temporal filter', () => {
	it('rejects exit >= enter', () => {
		expect(() => resolveTemporalOptions({ enter: 0.4, exit: 0.5 })).toThrow();
	});

	it('verdictScores lifts the own label to its confidence', () => {
		expect(verdictScores({ label: 'upright', confidence: 0.8, scores: { upright: 0.3 } }).upright).toBe(0.8);
	});

	it('settles on upright quickly from the start', () => {
		const f = createTemporalFilter();
		const s = run(f, 0, 2000, 33, () => v('upright'));
		const first = s.find((x) => x.label === 'upright')!;
		expect(first.t).toBeLessThanOrEqual(800);
		expect(s.at(-1)!.confidence).toBeGreaterThan(0.85);
	});

	it('a one-second glance down does not flip to slouched', () => {
		const f = createTemporalFilter();
		const s = run(f, 0, 10000, 33, (t) => (t >= 4000 && t < 5000 ? v('slouched', 0.95, { upright: 0.05 }) : v('upright', 0.9)));
		expect(s.every((x) => x.t < 800 || x.label === 'upright')).toBe(true);
	});

	it('a sustained slouch flips within dwell + 1 s, and recovery is quick', () => {
		const f = createTemporalFilter();
		const s = run(f, 0, 20000, 33, (t) => (t >= 3000 && t < 12000 ? v('slouched', 0.85, { upright: 0.1 }) : v('upright', 0.9)));
		const on = s.find((x) => x.t >= 3000 && x.label === 'slouched')!;
		expect(on.t - 3000).toBeGreaterThanOrEqual(4000);
		expect(on.t - 3000).toBeLessThanOrEqual(5000);
		const off = s.find((x) => x.t >= 12000 && x.label === 'upright')!;
		expect(off.t - 12000).toBeLessThanOrEqual(1500);
		expect(off.sinceMs).toBe(0);
	});

	it('works the same way at 1 fps (timestamps, not frame counts)', () => {
		const f = createTemporalFilter();
		const s = run(f, 0, 30000, 1000, (t) => (t >= 5000 ? v('slouched', 0.85) : v('upright', 0.9)));
		const on = s.find((x) => x.label === 'slouched')!;
		expect(on.t - 5000).toBeGreaterThanOrEqual(4000);
		expect(on.t - 5000).toBeLessThanOrEqual(5000);
		// 1 s glance at 1 fps: one slouched frame
		const g = createTemporalFilter();
		const sg = run(g, 0, 10000, 1000, (t) => (t === 5000 ? v('slouched', 0.95) : v('upright', 0.9)));
		expect(sg.filter((x) => x.t > 1000).every((x) => x.label === 'upright')).toBe(true);
	});

	it('smoothing is frame-rate independent', () => {
		// a lean that builds up over one second, seen at 100, 20 and 10 fps
		const ramp = (t: number) => Math.min(1, Math.max(0, (t - 2000) / 1000));
		const at = (step: number) => {
			const f = createTemporalFilter();
			const s = run(f, 0, 2601, step, (t) => v('slouched', ramp(t), { upright: 1 - ramp(t) }));
			return s.find((x) => x.t === 2600)!.scores.slouched!;
		};
		expect(at(10)).toBeGreaterThan(0.3);
		expect(Math.abs(at(10) - at(50))).toBeLessThan(0.01);
		expect(Math.abs(at(10) - at(100))).toBeLessThan(0.01);
	});

	it('hysteresis: a middling challenger below enter does not take over', () => {
		const f = createTemporalFilter({ dwellMs: { slouched: 0 } });
		run(f, 0, 2000, 33, () => v('upright', 0.9));
		const s = run(f, 2000, 20000, 33, (t) =>
			v('slouched', t % 200 < 100 ? 0.55 : 0.5, { upright: t % 200 < 100 ? 0.45 : 0.5 })
		);
		expect(s.every((x) => x.label === 'upright')).toBe(true);
	});

	it('brief upright-looking blips inside a slouch do not restart its dwell', () => {
		const f = createTemporalFilter();
		// slouched from 2 s, with a 0.4 s upright-looking blip every 2 s
		const s = run(f, 0, 12000, 33, (t) =>
			t >= 2000 && (t - 2000) % 2000 >= 400 ? v('slouched', 0.85, { upright: 0.1 }) : v('upright', 0.9)
		);
		const on = s.find((x) => x.label === 'slouched')!;
		expect(on.t - 2400).toBeLessThanOrEqual(5000);
		// but blips longer than the grace do
		const g = createTemporalFilter();
		const s2 = run(g, 0, 12000, 33, (t) =>
			t >= 2000 && (t - 2000) % 3000 >= 1500 ? v('slouched', 0.85, { upright: 0.1 }) : v('upright', 0.9)
		);
		expect(s2.some((x) => x.label === 'slouched')).toBe(false);
	});

	it('per-label dwell is configurable', () => {
		const f = createTemporalFilter({ dwellMs: { slouched: 1000 } });
		const s = run(f, 0, 10000, 33, (t) => (t >= 2000 ? v('slouched') : v('upright')));
		const on = s.find((x) => x.label === 'slouched')!;
		expect(on.t - 2000).toBeGreaterThanOrEqual(1000);
		expect(on.t - 2000).toBeLessThan(1600);
	});

	it('hands_on_knees dwell is shorter than slouched', () => {
		const f = createTemporalFilter();
		const s = run(f, 0, 10000, 33, (t) => (t >= 2000 ? v('hands_on_knees') : v('upright')));
		const on = s.find((x) => x.label === 'hands_on_knees')!;
		expect(on.t - 2000).toBeGreaterThanOrEqual(1500);
		expect(on.t - 2000).toBeLessThanOrEqual(2500);
	});

	it('steps out briefly: state held (paused); longer: away; back: resumes', () => {
		const f = createTemporalFilter({ awayGraceMs: 3000 });
		run(f, 0, 3000, 33, () => v('upright'));
		const brief = run(f, 3000, 5000, 33, () => null);
		expect(brief.every((x) => x.label === 'upright')).toBe(true);
		expect(brief.at(-1)!.absentMs).toBeGreaterThan(1900);
		run(f, 5000, 6000, 33, () => v('upright'));
		const gone = run(f, 6000, 12000, 33, () => null);
		const away = gone.find((x) => x.label === 'away')!;
		expect(away.t - 6000).toBeGreaterThanOrEqual(3000);
		expect(away.t - 6000).toBeLessThan(3100);
		expect(away.confidence).toBe(1);
		const back = run(f, 12000, 14000, 33, () => v('upright'));
		expect(back[0].label).toBe('unknown'); // back in frame: no longer away, posture not yet settled
		const resumed = back.find((x) => x.label === 'upright')!;
		expect(resumed.t - 12000).toBeLessThanOrEqual(800);
		expect(back.at(-1)!.absentMs).toBe(0);
	});

	it('nobody from the start becomes away after the grace', () => {
		const f = createTemporalFilter({ awayGraceMs: 2000 });
		const s = run(f, 1000, 4000, 100, () => null);
		expect(s.find((x) => x.label === 'away')!.t).toBe(3000);
	});

	it('landmark dropout: short gaps hold, long ones become unknown', () => {
		const f = createTemporalFilter({ dwellMs: { unknown: 1500 } });
		run(f, 0, 3000, 33, () => v('upright'));
		const short = run(f, 3000, 4000, 33, () => v('unknown', 0.8));
		expect(short.every((x) => x.label === 'upright')).toBe(true);
		run(f, 4000, 5000, 33, () => v('upright'));
		const long = run(f, 5000, 8000, 33, () => v('unknown', 0.8));
		const unk = long.find((x) => x.label === 'unknown')!;
		expect(unk.t - 5000).toBeGreaterThanOrEqual(1500);
		expect(unk.t - 5000).toBeLessThan(1600);
	});

	it('is deterministic and reset restores the initial state', () => {
		const seq = (t: number) => (t % 3000 < 1500 ? v('upright', 0.7) : v('slouched', 0.8));
		const a = createTemporalFilter();
		const ra = run(a, 0, 20000, 50, seq);
		a.reset();
		const rb = run(a, 0, 20000, 50, seq);
		expect(rb).toEqual(ra);
	});
});
