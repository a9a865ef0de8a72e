import { describe, expect, it } from 'vitest';
import { randomBody, rng } from '../synth';
import { cobraTake, withDropout } from '../synth/exercise-sequences';
import type { PoseFrame } from '../pose/types';
import { createCoachSession } from './session';
import type { SessionState } from './types';

describe('coach session', () => {
	const r = rng(42);
	const t = cobraTake(randomBody(r), [{ peakDeg: 35 }, { peakDeg: 42 }, { peakDeg: 44, hipLiftM: 0.25 }], { rng: r, view: 'side', fromStanding: true });
	// Nobody in front of the camera for the first 2 s.
	const empty: PoseFrame[] = [];
	for (let ms = 0; ms < 2000; ms += 100) empty.push({ t: ms, people: [], width: 1280, height: 720 });
	const frames = [...empty, ...t.frames.map((f) => ({ ...f, t: f.t + 2000 }))];

	it('get in frame -> get ready (3, 2, 1) -> active; cues are few and spaced; a summary at the end', () => {
		const s = createCoachSession({ exercise: 'cobra' });
		const states: SessionState[] = frames.map((f) => s.update(f));
		expect(states[0].stage).toBe('get_in_frame');
		expect(states[0].cue!.text).toMatch(/Step into the frame/);
		const ready = states.findIndex((x) => x.stage === 'get_ready');
		expect(ready).toBeGreaterThan(0);
		expect(states.filter((x) => x.countdown?.announce !== null && x.countdown?.announce !== undefined).map((x) => x.countdown!.announce)).toEqual([3, 2, 1]);
		expect(states[states.length - 1].stage).toBe('active');
		const cues = states.filter((x) => x.cue).map((x) => x.cue!);
		for (let i = 1; i < cues.length; i++) {
			expect(cues[i].id).not.toBe(cues[i - 1].id);
			expect(cues[i].t - cues[i - 1].t).toBeGreaterThanOrEqual(cues[i].kind === 'safety' ? 0 : 2500);
		}
		expect(cues.some((c) => c.kind === 'safety')).toBe(true);
		expect(cues.every((c) => c.speakable)).toBe(true);
		const sum = s.finish();
		expect(sum.reps).toBe(3);
		expect(sum.scores.length).toBe(3);
		expect(sum.holdsS.length).toBe(3);
		expect(sum.bestPeakDeg!).toBeGreaterThan(40);
		expect(sum.faults).toEqual({ hips_lifted: 1 });
		expect(sum.improved.join(' ')).toMatch(/higher than your first/);
	});

	it('leaving the frame mid-set shows "get in frame" without restarting the countdown', () => {
		const s = createCoachSession({ exercise: 'cobra' });
		const cut = withDropout(frames, t.reps[1].startT + 2000 - 3000, t.reps[1].startT + 2000 - 500);
		const states = cut.map((f) => s.update(f));
		const after = states.findIndex((x, i) => i > 0 && x.stage === 'get_in_frame' && states[i - 1].stage === 'active');
		expect(after).toBeGreaterThan(0);
		expect(states.slice(after).some((x) => x.stage === 'get_ready')).toBe(false);
		expect(states[states.length - 1].stage).toBe('active');
		expect(s.finish().reps).toBe(3);
	});
});
