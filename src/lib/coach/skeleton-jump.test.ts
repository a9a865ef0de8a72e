import { describe, expect, it } from 'vitest';
import { randomBody, rng } from '../synth';
import { cobraTake } from '../synth/exercise-sequences';
import { reframe } from '../synth/edited-footage';
import { twoOnABar } from '../synth/two-on-a-bar';
import { prepareBody } from '../features/body';
import type { PoseFrame } from '../pose/types';
import { isCut, skeletonJump } from './skeleton-jump';

const bodyOf = (f: PoseFrame, i = 0) => prepareBody(f.people[i], f.width! / f.height!);

describe('skeleton jump', () => {
	it('a person doing a cobra or pull-ups never jumps between frames; the man beside them is a jump', () => {
		for (const seed of [1, 2, 3]) {
			const r = rng(seed);
			const t = cobraTake(randomBody(r), [{ peakDeg: 55, riseMs: 900 }], { rng: r, view: seed === 2 ? '45' : 'side', fromStanding: false });
			for (let i = 1; i < t.frames.length; i++) expect(isCut(skeletonJump(bodyOf(t.frames[i - 1]), bodyOf(t.frames[i]))), `seed ${seed} frame ${i}`).toBe(false);
		}
		const r = rng(9);
		const bar = twoOnABar([{ body: randomBody(r), pullUps: [{ atMs: 1000, upMs: 300 }] }, { body: randomBody(r), pullUps: [] }], { rng: r, durationMs: 3000 });
		for (let i = 1; i < bar.frames.length; i++) {
			const j = skeletonJump(bodyOf(bar.frames[i - 1]), bodyOf(bar.frames[i]));
			expect(isCut(j), `pull-up frame ${i}`).toBe(false);
			expect(j.steady!).toBeLessThan(0.15);
			const other = skeletonJump(bodyOf(bar.frames[i - 1]), bodyOf(bar.frames[i], 1));
			expect(isCut(other)).toBe(true);
			expect(other.steady!).toBeGreaterThan(0.8);
		}
	});

	it('a cut to another framing (zoomed in, or moved across the picture) is a jump', () => {
		const r = rng(4);
		const t = cobraTake(randomBody(r), [{ peakDeg: 45 }], { rng: r, view: 'side' });
		const mid = t.frames[Math.floor(t.frames.length / 2)];
		for (const change of [{ zoom: 1.6 }, { shift: { x: 0.2, y: 0 } }, { zoom: 0.6 }]) {
			const [after] = reframe([mid], 0, Infinity, change);
			expect(isCut(skeletonJump(bodyOf(mid), bodyOf(after))), JSON.stringify(change)).toBe(true);
		}
	});

	it('with too few body parts in common there is no evidence of a move', () => {
		const r = rng(4);
		const t = cobraTake(randomBody(r), [{ peakDeg: 45 }], { rng: r, view: 'side' });
		const f = t.frames[10];
		const feetOnly: PoseFrame = { ...f, people: [{ landmarks: f.people[0].landmarks.map((l, i) => (i < 27 ? null : l)) }] };
		const j = skeletonJump(bodyOf(f), bodyOf(feetOnly));
		expect(j.steady).toBeNull();
	});
});
