import { describe, expect, it } from 'vitest';
import { scene } from '$lib/synth';
import type { PoseDelegate, PoseFrame, PoseModel } from '$lib/pose/types';
import { chooseEngine, skipReason, summarizeTrials } from './engine-choice';
import type { TrialResult } from './types';

const s = scene({ preset: 'standing_upright', view: 'front', seed: 4, drop: false, noise: false });
const frames = (dx = 0): PoseFrame[] =>
	Array.from({ length: 8 }, (_, i) => ({ t: i * 33, width: 640, height: 480, people: [{ landmarks: s.person.landmarks.map((l) => (l ? { ...l, x: l.x + dx / 640, visibility: 0.9 } : null)) }] }));

function trial(model: PoseModel, delegate: PoseDelegate, ms: number, dx = 0, ok = true): TrialResult {
	return { model, delegate, passes: 2, ok, error: ok ? undefined : 'WebGL2 is not available', initMs: 900, inferenceMs: Array.from({ length: 15 }, (_, i) => ms + (i % 3) - 1), frames: ok ? frames(dx) : [] };
}

describe('summarizeTrials', () => {
	it('checks each GPU trial against the CPU on the same frames', () => {
		const [cpu, gpu, bad] = summarizeTrials([trial('lite', 'CPU', 60), trial('lite', 'GPU', 20, 2), trial('full', 'GPU', 25, 40)]);
		expect(cpu).toMatchObject({ medianMs: 60, problem: null, agreement: null });
		expect(gpu.problem).toBeNull();
		expect(gpu.agreement!.meanPx).toBeCloseTo(2, 5);
		// No CPU result for full: its landmarks cannot be checked, so it is not used.
		expect(bad.problem).toMatch(/no CPU result/);
	});

	it('rejects a GPU whose landmarks are far from the CPU', () => {
		const [, gpu] = summarizeTrials([trial('lite', 'CPU', 60), trial('lite', 'GPU', 20, 40)]);
		expect(gpu.problem).toMatch(/differ from the CPU's \(mean 40 px/);
	});
});

describe('chooseEngine', () => {
	it('picks the most accurate model within 70 ms, on its faster delegate', () => {
		const c = chooseEngine(summarizeTrials([trial('lite', 'CPU', 60), trial('lite', 'GPU', 15), trial('full', 'CPU', 90), trial('full', 'GPU', 22), trial('heavy', 'CPU', 300), trial('heavy', 'GPU', 80)]));
		expect(c).toEqual({ model: 'full', delegate: 'GPU', medianMs: 22, delegates: { lite: 'GPU', full: 'GPU', heavy: 'GPU' } });
	});

	it('stays on the CPU when the GPU is slower (software GL) or failed', () => {
		const slow = chooseEngine(summarizeTrials([trial('lite', 'CPU', 60), trial('lite', 'GPU', 480), trial('full', 'CPU', 85)]));
		expect(slow).toEqual({ model: 'lite', delegate: 'CPU', medianMs: 60, delegates: { lite: 'CPU', full: 'CPU' } });
		const failed = chooseEngine(summarizeTrials([trial('lite', 'CPU', 40), trial('lite', 'GPU', 0, 0, false), trial('full', 'CPU', 65)]));
		expect(failed).toMatchObject({ model: 'full', delegate: 'CPU' });
	});

	it('does not use a fast GPU whose landmarks disagree', () => {
		const c = chooseEngine(summarizeTrials([trial('lite', 'CPU', 60), trial('lite', 'GPU', 10, 40), trial('full', 'CPU', 120), trial('full', 'GPU', 12, 40)]));
		expect(c).toMatchObject({ model: 'lite', delegate: 'CPU' });
	});

	it('falls back to the fastest Lite on a slow machine, and to nothing when nothing ran', () => {
		expect(chooseEngine(summarizeTrials([trial('lite', 'CPU', 150), trial('lite', 'GPU', 120), trial('full', 'CPU', 200)]))).toMatchObject({ model: 'lite', delegate: 'GPU', medianMs: 120 });
		expect(chooseEngine(summarizeTrials([trial('lite', 'CPU', 0, 0, false)]))).toBeNull();
	});
});

describe('skipReason', () => {
	it('skips GPU trials after the GPU failed, and heavier models once a lighter one is over budget', () => {
		const done = summarizeTrials([trial('lite', 'CPU', 90), trial('lite', 'GPU', 0, 0, false)]);
		expect(skipReason({ model: 'full', delegate: 'GPU' }, done)).toMatch(/GPU already failed here with lite/);
		expect(skipReason({ model: 'full', delegate: 'CPU' }, done)).toMatch(/lite on the CPU already takes 90 ms/);
		expect(skipReason({ model: 'full', delegate: 'CPU' }, summarizeTrials([trial('lite', 'CPU', 40)]))).toBeNull();
		expect(skipReason({ model: 'lite', delegate: 'GPU' }, summarizeTrials([trial('lite', 'CPU', 40)]))).toBeNull();
	});
});
