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
