import { describe, expect, it } from 'vitest';
import { randomBody, rng } from '../synth';
import { cobraTake } from '../synth/exercise-sequences';
import { cutToView, reframe } from '../synth/edited-footage';
import { prepareBody } from '../features/body';
import type { PoseFrame } from '../pose/types';
import { createViewChangeDetector } from './view-change';

/** The times the detector fires on the first person of each frame. */
function changes(frames: readonly PoseFrame[]): number[] {
	const d = createViewChangeDetector();
	return frames.filter((f) => f.people[0] && d.update(f.t, prepareBody(f.people[0], f.width! / f.height!))).map((f) => f.t);
}

describe('view change', () => {
	const r = rng(21);
	const t = cobraTake(randomBody(r), [{ peakDeg: 55, riseMs: 900, holdMs: 5000 }, { peakDeg: 45 }], { rng: r, view: 'side' });
	const cutT = t.reps[0].topT + 2000;

	it('a person doing cobras in front of a still camera: never', () => {
		expect(changes(t.frames)).toEqual([]);
	});

	it('a hard cut to a new framing: confirmed on the second frame of the new shot', () => {
		const i = t.frames.findIndex((f) => f.t >= cutT);
		expect(changes(reframe(t.frames, cutT, Infinity, { zoom: 1.3, shift: { x: 0.1, y: 0 } }))).toEqual([t.frames[i + 1].t]);
	});

	it('one frame misread (the skeleton thrown aside for a frame, then back) is not a change of view', () => {
		// Far-side limbs flicker for single frames on real footage; taken for cuts, they reset what the coach
		// learnt (on the dead-hang video a cut was found as a man lowered from a pull-up, and his hang ended).
		const i = t.frames.findIndex((f) => f.t >= cutT);
		const misread = reframe(t.frames, t.frames[i].t, t.frames[i + 1].t, { zoom: 1.3, shift: { x: 0.1, y: 0 } });
		expect(misread[i]).not.toEqual(t.frames[i]);
		expect(misread[i + 1]).toEqual(t.frames[i + 1]);
		expect(changes(misread)).toEqual([]);
		// Seen so in two frames running, it is a cut.
		expect(changes(reframe(t.frames, t.frames[i].t, t.frames[i + 2].t, { zoom: 1.3, shift: { x: 0.1, y: 0 } })).length).toBeGreaterThanOrEqual(1);
	});

	it('a crossfade to another camera (a skeleton morphing over 0.6 s, no jump between two frames): during the fade', () => {
		const faded = cutToView(t.frames, t.body, t.keyframes, t.keyframes[2].pose, cutT, { rng: rng(22), view: 45, fps: 30 }, { fadeMs: 600 });
		const got = changes(faded);
		expect(got.length).toBeGreaterThanOrEqual(1);
		got.forEach((x) => expect(Math.abs(x - cutT)).toBeLessThan(600));
	});
});
