import { describe, expect, it } from 'vitest';
import { summarizeSet } from './summary';
import type { CoachEvent, RepEvent } from './types';

const rep = (n: number, peakDeg: number, score: number, faults: RepEvent['faults'], holdS = 3): RepEvent => ({
	event: 'rep',
	exercise: 'cobra',
	n,
	t: n * 10000,
	startT: n * 10000 - 5000,
	peakDeg,
	holdS,
	score,
	faults,
	components: [],
	progression: null,
	deltaDeg: null
});

describe('summarizeSet', () => {
	it('reps, best peak, holds, scores and what improved since the first rep', () => {
		const s = summarizeSet('cobra', [rep(1, 32, 70, ['hips_lifted']), rep(2, 38, 85, []), rep(3, 41, 92, [], 4)]);
		expect(s).toMatchObject({ reps: 3, bestPeakDeg: 41, holdsS: [3, 3, 4], totalHoldS: 10, scores: [70, 85, 92], faults: { hips_lifted: 1 } });
		expect(s.improved).toEqual([
			'Rep 3 went 9 degrees higher than your first.',
			'Form score up from 70 to 92.',
			'By the last rep your hips stayed on the floor.'
		]);
	});

	it('hangs and sphinx: holds, rotations and the goal', () => {
		const ev: CoachEvent[] = [
			{ event: 'rotation', exercise: 'hang', t: 1, side: 'left', deg: 30 },
			{ event: 'rotation', exercise: 'hang', t: 2, side: 'right', deg: 28 },
			{ event: 'hold', exercise: 'hang', n: 1, t: 3, startT: 0, seconds: 20, totalS: 20, rotations: { left: 1, right: 1, unknown: 0 } }
		];
		const h = summarizeSet('hang', ev);
		expect(h).toMatchObject({ reps: 0, holdsS: [20], rotations: { left: 1, right: 1, unknown: 0 } });
		expect(h.improved).toContain('You turned slowly to both sides.');
		const sp = summarizeSet('sphinx', [{ event: 'hold', exercise: 'sphinx', n: 1, t: 1, startT: 0, seconds: 610, totalS: 610, goalS: 600 }]);
		expect(sp).toMatchObject({ goalS: 600, goalReached: true });
	});
});
