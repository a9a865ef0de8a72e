import { describe, expect, it } from 'vitest';
import { createCountdown } from './countdown';

describe('countdown', () => {
	it('announces 3, 2, 1 once each and ends after the seconds, by the frames\' clock', () => {
		const c = createCountdown(3);
		expect(c.update(0)).toEqual({ remaining: 3, done: false, announce: null });
		c.start(1000);
		const said: number[] = [];
		let doneAt: number | null = null;
		for (let t = 1000; t <= 5000; t += 100) {
			const s = c.update(t);
			if (s.announce !== null) said.push(s.announce);
			if (s.done && doneAt === null) doneAt = t;
		}
		expect(said).toEqual([3, 2, 1]);
		expect(doneAt).toBe(4000);
	});
});
