import { describe, expect, it } from 'vitest';
import { randomBody, rng } from '../synth';
import { sphinxTake, withDropout } from '../synth/exercise-sequences';
import { createSphinxTracker } from './sphinx';
import { runFollowed, runTracker } from './test-helpers';
import { cutToView, titleCard } from '../synth/edited-footage';
import type { HoldEvent, MilestoneEvent } from './types';

const holds = (run: ReturnType<typeof runTracker>) => run.events.filter((e): e is HoldEvent => e.event === 'hold');

describe('sphinx tracker', () => {
	for (const view of ['side', '45'] as const) {
		it(`${view} view: the timer runs in the pose, pauses out of it and resumes, toward the goal`, () => {
			const r = rng(view === 'side' ? 11 : 12);
			const t = sphinxTake(randomBody(r), [{ holdMs: 40000, breakMs: 6000 }, { holdMs: 30000 }], { rng: r, view, fps: 10 });
			const run = runTracker(createSphinxTracker({ goalS: 60, milestoneS: 20 }), t.frames);
			const got = holds(run);
			expect(got.length).toBe(2);
			got.forEach((h, i) => expect(Math.abs(h.seconds - (t.segments[i].toT - t.segments[i].fromT) / 1000)).toBeLessThan(3));
			expect(got[1].totalS).toBeCloseTo(got[0].seconds + got[1].seconds, 1);
			expect(run.phases).toContain('paused');
			const ms = run.events.filter((e): e is MilestoneEvent => e.event === 'milestone');
			expect(ms.map((m) => [m.seconds, m.goal])).toEqual([
				[20, false],
				[40, false],
				[60, true]
			]);
			expect(run.cues.some((c) => c.id === 'sphinx.paused')).toBe(true);
			expect(run.cues.some((c) => c.id === 'sphinx.goal' && c.kind === 'praise')).toBe(true);
		});
	}

	it('a dropout within the grace does not pause the timer; the default goal is 10 minutes', () => {
		const r = rng(4);
		const t = sphinxTake(randomBody(r), [{ holdMs: 20000 }], { rng: r, view: 'side', fps: 10 });
		const seg = t.segments[0];
		const frames = withDropout(t.frames, seg.fromT + 6000, seg.fromT + 7000);
		const got = holds(runTracker(createSphinxTracker(), frames));
		expect(got.length).toBe(1);
		expect(got[0].goalS).toBe(600);
	});
});

describe('sphinx on edited footage', () => {
	it('a title card and a cut to another camera in the middle of a hold pause the timer: one hold, the unseen time not counted', () => {
		const r = rng(41);
		const t = sphinxTake(randomBody(r), [{ holdMs: 30000 }], { rng: r, view: 'side', fps: 15 });
		const seg = t.segments[0];
		let frames = titleCard(t.frames, seg.fromT + 8000, seg.fromT + 12000);
		frames = cutToView(frames, t.body, t.keyframes, t.keyframes[2].pose, seg.fromT + 18000, { rng: rng(42), view: 50, fps: 15 });
		const got = holds(runFollowed(createSphinxTracker(), frames));
		expect(got.length).toBe(1);
		// 30 s in the pose (and about a second more at its ends, where the score passes the threshold), less the
		// 4-s title card and the 0.5 s after the cut.
		expect(got[0].seconds).toBeGreaterThan(24.5);
		expect(got[0].seconds).toBeLessThan(28.5);
	});
});
