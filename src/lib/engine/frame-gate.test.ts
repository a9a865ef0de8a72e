import { describe, expect, it } from 'vitest';
import { EVERY_FRAME, FrameGate, framesPerSecondNeeded, type SamplingOptions } from './frame-gate';

const DESK: SamplingOptions = { intervalMs: 500, motionIntervalMs: 200, skipUnchanged: true, maxSkipMs: 10_000 };

/** A 16x12 thumbnail of a still scene with a little noise, and the same with a head-sized block moved by `shift` levels. */
function scene(seed: number, shift = 0): Float32Array {
	let s = seed;
	const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
	return Float32Array.from({ length: 192 }, (_, i) => {
		const col = i % 16;
		const row = Math.floor(i / 16);
		const head = col >= 6 && col < 9 && row >= 2 && row < 5;
		return 80 + col * 5 + row * 2 + 0.6 * rand() + (head ? shift : 0);
	});
}

/** Runs the gate over `seconds` of a 30 fps camera whose picture at time t is `picture(t)`. */
function run(gate: FrameGate, seconds: number, picture: (t: number) => Float32Array, from = 0) {
	const out: Array<{ t: number; analyse: boolean; why: string }> = [];
	for (let t = from; t < from + seconds * 1000; t += 1000 / 30) {
		if (!gate.due(t)) continue;
		const thumb = picture(t);
		const d = gate.look(t, thumb);
		if (d.analyse) gate.analysed(t, thumb);
		out.push({ t, analyse: d.analyse, why: d.why });
	}
	return out;
}

describe('FrameGate', () => {
	it('analyses every frame when told to (the workout page)', () => {
		const gate = new FrameGate(EVERY_FRAME);
		const looks = run(gate, 1, (t) => scene(Math.round(t)));
		expect(looks).toHaveLength(30);
		expect(looks.every((l) => l.analyse)).toBe(true);
	});

	it('looks twice a second at a still scene and runs the model only every maxSkipMs', () => {
		const gate = new FrameGate(DESK);
		const looks = run(gate, 60, (t) => scene(Math.round(t)));
		expect(looks.length).toBeGreaterThanOrEqual(115);
		expect(looks.length).toBeLessThanOrEqual(121);
		const analysed = looks.filter((l) => l.analyse);
		// The first frame, then one every 10 s.
		expect(analysed.map((l) => l.why)).toEqual(['first', 'due', 'due', 'due', 'due', 'due']);
		expect(gate.threshold).toBe(4);
	});

	it('analyses the first look after something moves, then looks faster for a while', () => {
		const gate = new FrameGate(DESK);
		run(gate, 5, (t) => scene(Math.round(t)));
		// The head moves at 5.3 s and stays there.
		const looks = run(gate, 5, (t) => scene(Math.round(t), t >= 5300 ? 30 : 0), 5000);
		const changed = looks.find((l) => l.why === 'changed')!;
		expect(changed.t).toBeGreaterThanOrEqual(5300);
		expect(changed.t).toBeLessThanOrEqual(5300 + 500 + 34);
		// Only that frame is analysed: the next looks see the moved head as the new reference.
		expect(looks.filter((l) => l.analyse)).toHaveLength(1);
		// Faster looks (every 200 ms, so every 7th frame of the camera's 30) for 2 s after the change, then 500 ms again.
		const after = looks.filter((l) => l.t > changed.t && l.t < changed.t + 2000);
		expect(after.length).toBeGreaterThanOrEqual(8);
		const later = looks.filter((l) => l.t > changed.t + 2200);
		expect(later[1].t - later[0].t).toBeGreaterThanOrEqual(500);
	});

	it('catches a drift too slow to see from one look to the next, against the last analysed frame', () => {
		const gate = new FrameGate({ ...DESK, maxSkipMs: 60_000 });
		// The head darkens by 1 level a second: 0.5 a look, well under the 4-level threshold each time.
		const looks = run(gate, 20, (t) => scene(Math.round(t), -t / 1000));
		const changed = looks.filter((l) => l.why === 'changed');
		expect(changed.length).toBeGreaterThanOrEqual(2);
		expect(changed[0].t).toBeGreaterThan(3000);
		expect(changed[0].t).toBeLessThan(7000);
	});

	it('raises its threshold on a noisy camera instead of analysing every look', () => {
		const gate = new FrameGate(DESK);
		// Noise of +-8 levels a cell (a dark room at high gain) and nothing moving.
		let s = 3;
		const noisy = () => Float32Array.from({ length: 192 }, (_, i) => 90 + (i % 16) * 4 + 8 * (((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 2));
		const looks = run(gate, 30, noisy);
		expect(gate.threshold).toBeGreaterThan(12);
		// A handful while it learns the noise, then only the 10-s checks.
		expect(looks.filter((l) => l.analyse).length).toBeLessThan(15);
		expect(looks.slice(-20).filter((l) => l.why === 'changed')).toHaveLength(0);
	});

	it('analyses every look when frames cannot be read', () => {
		const gate = new FrameGate(DESK);
		const looks = run(gate, 3, () => null as unknown as Float32Array);
		expect(looks.every((l) => l.analyse && l.why === 'unreadable')).toBe(true);
	});
});

describe('framesPerSecondNeeded', () => {
	it('asks the camera for twice the fastest look rate, between 5 and 30 frames a second', () => {
		expect(framesPerSecondNeeded(EVERY_FRAME)).toBeNull();
		expect(framesPerSecondNeeded(DESK)).toBe(10);
		expect(framesPerSecondNeeded({ ...DESK, intervalMs: 1000, motionIntervalMs: 250 })).toBe(8);
		expect(framesPerSecondNeeded({ ...DESK, intervalMs: 5000, motionIntervalMs: 5000 })).toBe(5);
		expect(framesPerSecondNeeded({ intervalMs: 20, motionIntervalMs: 20, skipUnchanged: false, maxSkipMs: 0 })).toBe(30);
	});
});
