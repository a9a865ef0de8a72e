import { describe, expect, it } from 'vitest';
import { randomBody, rng } from '../synth';
import { backExtensionTake, type BackExtensionRep } from '../synth/exercise-sequences';
import { createBackExtensionTracker } from './back-extension';
import { runTracker } from './test-helpers';
import type { RepEvent } from './types';

/** The standing back extension on generated sets with known truth, from the side and at 45 degrees, with noise. */
const reps = (run: ReturnType<typeof runTracker>) => run.events.filter((e): e is RepEvent => e.event === 'rep');
const take = (seed: number, view: 'side' | '45', spec: BackExtensionRep[]) => {
	const r = rng(seed);
	return backExtensionTake(randomBody(r), spec, { rng: r, view });
};

describe('back extension tracker', () => {
	for (const view of ['side', '45'] as const) {
		it(`${view} view: counts the reps, finds each peak within 5 degrees, no faults on clean reps, a little further each time`, () => {
			for (const seed of [2, 31]) {
				const t = take(seed * 53, view, [{ peakDeg: 12 }, { peakDeg: 18 }, { peakDeg: 25 }]);
				const got = reps(runTracker(createBackExtensionTracker(), t.frames));
				expect(got.length, `seed ${seed}`).toBe(3);
				got.forEach((e, i) => {
					expect(Math.abs(e.peakDeg - t.reps[i].peakDeg), `seed ${seed} rep ${i + 1}`).toBeLessThan(5);
					expect(e.faults).toEqual([]);
					expect(e.holdS).toBeGreaterThan(2.5);
				});
				expect(got.map((e) => e.progression)).toEqual([null, 'higher', 'higher']);
			}
		});

		it(`${view} view: flags exactly the faults put in`, () => {
			const cases: Array<[BackExtensionRep, string]> = [
				[{ peakDeg: 20, kneeFlexDeg: 40 }, 'knees_bent'],
				[{ peakDeg: 20, hands: 'sides' }, 'hands_not_on_back'],
				[{ peakDeg: 20, bendMs: 450 }, 'too_fast'],
				[{ peakDeg: 20, holdMs: 0 }, 'no_hold']
			];
			for (const [i, [spec, fault]] of cases.entries()) {
				const t = take(300 + i * 11 + (view === '45' ? 5 : 0), view, [{ peakDeg: 16 }, spec, { peakDeg: 17 }]);
				const run = runTracker(createBackExtensionTracker(), t.frames);
				const got = reps(run);
				expect(got.length, fault).toBe(3);
				expect(got.map((e) => e.faults), fault).toEqual([[], [fault], []]);
				expect(got[1].score).toBeLessThan(got[0].score);
				expect(run.cues.some((c) => c.id === `back_extension.${fault}`)).toBe(true);
			}
		});
	}

	it('a rep not as far as the one before is noticed', () => {
		const t = take(41, 'side', [{ peakDeg: 24 }, { peakDeg: 15 }]);
		const got = reps(runTracker(createBackExtensionTracker(), t.frames));
		expect(got.map((e) => e.progression)).toEqual([null, 'lower']);
	});
});
