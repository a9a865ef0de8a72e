import { describe, expect, it } from 'vitest';
import { createHoldTimer } from './hold-timer';

describe('hold timer', () => {
	it('forgives gaps up to the grace and ends a hold after a longer one, at the last frame in the pose', () => {
		const h = createHoldTimer({ graceMs: 1000 });
		const ended = [];
		for (let t = 0; t <= 10000; t += 100) {
			const inPose = t < 3000 || (t >= 3600 && t < 6000) ? true : t < 3600 ? null : false;
			const s = h.update(t, inPose);
			if (s.ended) ended.push(s.ended);
		}
		expect(ended.length).toBe(1);
		expect(ended[0]).toEqual({ startT: 0, endT: 5900, ms: 5900 });
		expect(h.finish()).toBeNull();
	});

	it('finish closes an open hold', () => {
		const h = createHoldTimer({ graceMs: 500 });
		for (let t = 0; t < 2000; t += 100) h.update(t, true);
		expect(h.update(2000, true).currentMs).toBe(2000);
		expect(h.finish()).toEqual({ startT: 0, endT: 2000, ms: 2000 });
	});
});

describe('hold timer pauses', () => {
	it('not seen is a pause: the hold goes on and the unseen time beyond the grace is not counted', () => {
		const h = createHoldTimer({ graceMs: 1000 });
		for (let t = 0; t <= 10000; t += 100) h.update(t, t >= 3000 && t < 6000 ? null : true);
		// 0-2.9 s and 6-10 s: the 3.1-s gap is longer than the grace.
		expect(h.finish()).toEqual({ startT: 0, endT: 10000, ms: 6900 });
	});

	it("'pause' (on the bar, pulling up) is never counted, even briefly, and does not end the hold", () => {
		const h = createHoldTimer({ graceMs: 1000 });
		for (let t = 0; t <= 6000; t += 100) h.update(t, t >= 2000 && t < 2500 ? 'pause' : true);
		expect(h.finish()).toEqual({ startT: 0, endT: 6000, ms: 5400 });
	});

	it('unseen longer than pauseMaxMs ends the hold at its last frame in the pose', () => {
		const h = createHoldTimer({ graceMs: 1000, pauseMaxMs: 5000 });
		const ended = [];
		for (let t = 0; t <= 12000; t += 100) {
			const s = h.update(t, t < 4000 ? true : null);
			if (s.ended) ended.push(s.ended);
		}
		expect(ended).toEqual([{ startT: 0, endT: 3900, ms: 3900 }]);
	});
});
