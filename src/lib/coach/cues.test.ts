import { describe, expect, it } from 'vitest';
import { createCueScheduler } from './cues';
import type { CueCandidate } from './types';

const fault = (id: string): CueCandidate => ({ id, kind: 'fault', text: id });
const praise = (id: string): CueCandidate => ({ id, kind: 'praise', text: id });

describe('cue scheduler', () => {
	it('says the most important first: safety > fault > progression > praise', () => {
		const s = createCueScheduler();
		const c = s.offer(0, [praise('p'), fault('f'), { id: 'pr', kind: 'progression', text: 'x' }, { id: 's', kind: 'safety', text: 'stop' }]);
		expect(c!.id).toBe('s');
		expect(c!.speakable).toBe(true);
	});

	it('at most one corrective cue every few seconds, and never the same twice in a row', () => {
		const s = createCueScheduler({ minGapMs: 2000, correctiveGapMs: 6000 });
		const said: Array<[number, string]> = [];
		for (let t = 0; t <= 20000; t += 100) {
			const c = s.offer(t, [fault('hips'), fault('neck')]);
			if (c) said.push([t, c.id]);
		}
		for (let i = 1; i < said.length; i++) {
			expect(said[i][0] - said[i - 1][0]).toBeGreaterThanOrEqual(6000);
			expect(said[i][1]).not.toBe(said[i - 1][1]);
		}
		expect(said.length).toBe(4);
	});

	it('a fault that is no longer offered is not said late; a one-off praise waits a little for a slot', () => {
		const s = createCueScheduler({ minGapMs: 2500, praiseGapMs: 8000, holdoverMs: 4000 });
		expect(s.offer(0, [fault('hips')])!.id).toBe('hips');
		expect(s.offer(100, [praise('higher')])).toBeNull();
		expect(s.offer(1000, [fault('neck')])).toBeNull();
		// neck fixed by now; the praise is still waiting
		expect(s.offer(2600, [])!.id).toBe('higher');
		expect(s.offer(9000, [])).toBeNull();
	});
});
