import { describe, expect, it } from 'vitest';
import type { PersonPose, PoseFrame } from '../pose/types';
import { createPersonTracker } from './tracker';
import { fixturePerson } from './fixture';

const A = 16 / 9;
const main = (cx = 0.9, cy = 0.55, extra: object = {}) =>
	fixturePerson({ cx, cy, scale: 0.3, aspect: A, ...extra });
const frame = (t: number, people: PersonPose[]): PoseFrame => ({ t, people, width: 1280, height: 720 });

describe('person tracker', () => {
	it('follows a single person', () => {
		const tr = createPersonTracker();
		const r0 = tr.update(frame(0, [main()]));
		expect(r0).toMatchObject({ status: 'tracking', index: 0, switched: true });
		const r1 = tr.update(frame(33, [main(0.91)]));
		expect(r1).toMatchObject({ status: 'tracking', index: 0, switched: false });
	});

	it('reports none before anyone is seen, lost after they leave', () => {
		const tr = createPersonTracker();
		expect(tr.update(frame(0, [])).status).toBe('none');
		tr.update(frame(100, [main()]));
		const r = tr.update(frame(600, []));
		expect(r).toMatchObject({ status: 'lost', index: null, msSinceSeen: 500 });
	});

	it('a smaller passer-by walking across, listed first, never takes over', () => {
		const tr = createPersonTracker();
		tr.update(frame(0, [main()]));
		for (let i = 1; i <= 120; i++) {
			const t = i * 33;
			const px = -0.2 + (i / 120) * 2.2; // crosses the whole frame, through the main person
			const passer = fixturePerson({ cx: px, cy: 0.45, scale: 0.15, aspect: A });
			const r = tr.update(frame(t, [passer, main(0.9 + 0.01 * Math.sin(i / 5))]));
			expect(r.index).toBe(1);
			expect(r.switched).toBe(false);
		}
	});

	it('a passer-by crossing while the followed person is hidden is not taken', () => {
		const tr = createPersonTracker();
		tr.update(frame(0, [main()]));
		// followed person occluded for 1.5 s; a smaller person passes right where they were
		for (let i = 1; i <= 45; i++) {
			const passer = fixturePerson({ cx: 0.5 + i * 0.02, cy: 0.5, scale: 0.17, aspect: A });
			const r = tr.update(frame(i * 33, [passer]));
			expect(r.status).toBe('lost');
		}
		const back = tr.update(frame(46 * 33, [main()]));
		expect(back).toMatchObject({ status: 'tracking', index: 0, switched: false });
	});

	it('order swaps between two people do not swap the followed person', () => {
		const tr = createPersonTracker();
		const other = fixturePerson({ cx: 0.3, cy: 0.55, scale: 0.28, aspect: A, limbs: 1.2 });
		tr.update(frame(0, [main(), other]));
		for (let i = 1; i < 60; i++) {
			const people = i % 2 ? [other, main()] : [main(), other];
			expect(tr.update(frame(i * 33, people)).index).toBe(i % 2 ? 1 : 0);
		}
	});

	it('hands over only after the followed person is gone a while and the newcomer stays', () => {
		const tr = createPersonTracker({ handoverAfterMs: 8000, newcomerStayMs: 4000 });
		tr.update(frame(0, [main()]));
		const newcomer = fixturePerson({ cx: 0.4, cy: 0.6, scale: 0.22, aspect: A, limbs: 1.25 });
		let switchedAt: number | null = null;
		for (let t = 500; t <= 15000; t += 100) {
			const people = t >= 2000 ? [newcomer] : [];
			const r = tr.update(frame(t, people));
			if (r.switched && switchedAt === null) switchedAt = t;
			if (t < 8000) expect(r.status).toBe('lost');
		}
		// gone since t=0, newcomer present from t=2000 -> handover at t>=8000 and t-2000>=4000
		expect(switchedAt).toBe(8000);
		const r = tr.update(frame(15100, [newcomer, main()]));
		expect(r.index).toBe(0); // now follows the newcomer
	});

	it('the followed person coming back elsewhere is taken back at once', () => {
		const tr = createPersonTracker();
		tr.update(frame(0, [main(1.4)]));
		for (let t = 100; t < 5000; t += 100) tr.update(frame(t, []));
		const r = tr.update(frame(5000, [main(0.3, 0.6)]));
		expect(r).toMatchObject({ status: 'tracking', index: 0, switched: false });
	});

	it('a different person appearing where the followed one left is not taken at once', () => {
		const tr = createPersonTracker();
		tr.update(frame(0, [main()]));
		for (let t = 100; t < 3000; t += 100) tr.update(frame(t, []));
		const stranger = fixturePerson({ cx: 0.3, cy: 0.5, scale: 0.2, aspect: A, limbs: 1.3 });
		expect(tr.update(frame(3000, [stranger])).status).toBe('lost');
	});

	it('prefers the calibrated person (seed) over a nearer one at start', () => {
		const seeded = fixturePerson({ cx: 1.3, cy: 0.5, scale: 0.2, aspect: A });
		const bigger = fixturePerson({ cx: 0.5, cy: 0.5, scale: 0.35, aspect: A });
		const tr = createPersonTracker({ seed: { centre: { x: 1.3, y: 0.5 }, scale: 0.2 } });
		expect(tr.update(frame(0, [bigger, seeded])).index).toBe(1);
		const noSeed = createPersonTracker();
		expect(noSeed.update(frame(0, [seeded, bigger])).index).toBe(1);
	});

	it('with a seed and only a stranger, follows the stranger after they stay', () => {
		const tr = createPersonTracker({ seed: { centre: { x: 1.3, y: 0.5 }, scale: 0.2 }, newcomerStayMs: 4000 });
		const stranger = fixturePerson({ cx: 0.4, cy: 0.5, scale: 0.35, aspect: A });
		for (let t = 0; t < 4000; t += 100) expect(tr.update(frame(t, [stranger])).status).toBe('none');
		expect(tr.update(frame(4000, [stranger]))).toMatchObject({ status: 'tracking', switched: true });
	});

	it('a lone person whose size jumps (glitch, leaning into the camera) stays followed', () => {
		const tr = createPersonTracker();
		for (let t = 0; t < 1000; t += 100) tr.update(frame(t, [main(0.9, 0.55)]));
		const big = fixturePerson({ cx: 0.95, cy: 0.6, scale: 0.55, aspect: A });
		expect(tr.update(frame(1000, [big]))).toMatchObject({ status: 'tracking', switched: false });
		expect(tr.update(frame(1100, [big])).status).toBe('tracking');
		// with someone else in frame the same jump is not accepted
		const tr2 = createPersonTracker();
		const other = fixturePerson({ cx: 0.2, cy: 0.5, scale: 0.2, aspect: A, limbs: 1.3 });
		for (let t = 0; t < 1000; t += 100) tr2.update(frame(t, [main(0.9, 0.55), other]));
		expect(tr2.update(frame(1000, [big, other])).index).toBeNull();
	});

	it('ignores people with too few landmarks', () => {
		const tr = createPersonTracker();
		const sparse: PersonPose = { landmarks: main().landmarks.map((l, i) => (i < 2 ? l : null)) };
		expect(tr.update(frame(0, [sparse])).status).toBe('none');
	});

	it('reset forgets the followed person', () => {
		const tr = createPersonTracker();
		tr.update(frame(0, [main()]));
		tr.reset();
		expect(tr.update(frame(100, [])).status).toBe('none');
	});
});
