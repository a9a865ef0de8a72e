import { describe, expect, it } from 'vitest';
import { randomBody, rng } from '../synth';
import { cobraTake } from '../synth/exercise-sequences';
import { reframe, twoPeople } from '../synth/edited-footage';
import { twoOnABar } from '../synth/two-on-a-bar';
import { prepareBody } from '../features/body';
import type { PersonPose, PoseFrame } from '../pose/types';
import { createPersonFollower } from './follow-person';
import { inPositionFor } from './trackers';

const hipX = (f: PoseFrame, i: number) => prepareBody(f.people[i], f.width! / f.height!).mids!.hm!.x;

/** The engine on two people: in `share` of the frames only one of them, picked at random. */
function oneAtATime(frames: readonly PoseFrame[], seed: number, share = 0.6): PoseFrame[] {
	const r = rng(seed);
	return frames.map((f) => (r.chance(share) ? { ...f, people: [f.people[r.chance(0.5) ? 0 : 1]] } : f));
}

describe('person follower', () => {
	it('two men on one bar, the engine reporting one at a time: the first man is followed throughout, his pull-ups too', () => {
		for (const seed of [1, 2, 3]) {
			const r = rng(seed);
			const bar = twoOnABar(
				[
					{ body: randomBody(r), pullUps: [{ atMs: 2000 }, { atMs: 5000 }] },
					{ body: randomBody(r), pullUps: [{ atMs: 3000 }, { atMs: 6500 }] }
				],
				{ rng: r, durationMs: 9000 }
			);
			const frames = oneAtATime(bar.frames, seed);
			const f = createPersonFollower();
			// Whoever is taken first (the larger of the two, or the one the engine reported) is followed from then on.
			const first = f.update(frames[0]);
			const x0 = hipX(frames[0], first.index!);
			const mine = Math.abs(x0 - hipX(bar.frames[0], 0)) < Math.abs(x0 - hipX(bar.frames[0], 1)) ? 0 : 1;
			const xs = [hipX(bar.frames[0], 0), hipX(bar.frames[0], 1)];
			let switches = 1;
			let followed = 1;
			for (const fr of frames.slice(1)) {
				const s = f.update(fr);
				if (s.switched) switches++;
				if (s.index === null) continue;
				followed++;
				const x = hipX(fr, s.index);
				expect(Math.abs(x - xs[mine]), `seed ${seed} t ${fr.t}`).toBeLessThan(Math.abs(x - xs[1 - mine]));
			}
			expect(switches).toBe(1);
			// He is in about 70% of the frames (all with both, half of the rest).
			expect(followed / frames.length).toBeGreaterThan(0.6);
		}
	});

	it('a neighbour seen alone for a second and a half, pulling up, is not taken for the followed person', () => {
		const r = rng(7);
		const bar = twoOnABar([{ body: randomBody(r), pullUps: [{ atMs: 2200 }] }, { body: randomBody(r), pullUps: [{ atMs: 2200 }] }], { rng: r, durationMs: 5000 });
		const f = createPersonFollower();
		const mine = f.update(bar.frames[0]).index!;
		const frames = bar.frames.map((fr) => (fr.t >= 2000 && fr.t < 3500 ? { ...fr, people: [fr.people[1 - mine]] } : fr));
		const got = frames.slice(1).map((fr) => ({ t: fr.t, ...f.update(fr) }));
		expect(got.some((s) => s.switched)).toBe(false);
		expect(got.filter((s) => s.t >= 2000 && s.t < 3500).every((s) => s.index === null)).toBe(true);
		expect(got.filter((s) => s.t >= 3500).every((s) => s.index === mine)).toBe(true);
	});

	it('the engine sliding its skeleton from one man to the other is not followed', () => {
		const r = rng(8);
		const bar = twoOnABar([{ body: randomBody(r), pullUps: [] }, { body: randomBody(r), pullUps: [] }], { rng: r, durationMs: 3000 });
		const slide = (a: PersonPose, b: PersonPose, u: number): PersonPose => ({
			landmarks: a.landmarks.map((l, i) => (l && b.landmarks[i] ? { ...l, x: l.x + (b.landmarks[i]!.x - l.x) * u, y: l.y + (b.landmarks[i]!.y - l.y) * u } : l))
		});
		const f = createPersonFollower();
		const mine = f.update(bar.frames[0]).index!;
		// Frames 45-47 the one skeleton reported slides from the followed man onto the other; 48-59 it stays on him.
		const frames = bar.frames.map((fr, i) => {
			const k = i - 45;
			if (k >= 0 && k < 3) return { ...fr, people: [slide(fr.people[mine], fr.people[1 - mine], (k + 1) / 4)] };
			return k >= 3 && k < 15 ? { ...fr, people: [fr.people[1 - mine]] } : fr;
		});
		const got = frames.slice(1).map((fr) => f.update(fr));
		expect(got.slice(44, 59).every((s) => s.index === null)).toBe(true);
		expect(got.slice(59).every((s) => s.index === mine && !s.switched)).toBe(true);
	});

	it('a cut to another framing in a video of one person: followed again within a second', () => {
		const r = rng(5);
		const t = cobraTake(randomBody(r), [{ peakDeg: 45, holdMs: 6000 }], { rng: r, view: 'side' });
		const cutT = t.reps[0].topT + 2000;
		const frames = reframe(t.frames, cutT, Infinity, { zoom: 1.3, shift: { x: 0.15, y: -0.05 } });
		const f = createPersonFollower();
		const got = frames.map((fr) => ({ t: fr.t, ...f.update(fr) }));
		const after = got.filter((s) => s.t >= cutT);
		const back = after.find((s) => s.index !== null)!;
		expect(back.switched).toBe(true);
		expect(back.t - cutT).toBeLessThan(1000);
		expect(after.filter((s) => s.t > back.t).every((s) => s.index === 0)).toBe(true);
	});

	it('the person lying on the mat is taken, not a larger bystander standing nearer; the bystander never takes over', () => {
		const r = rng(6);
		const t = cobraTake(randomBody(r), [{ peakDeg: 45 }], { rng: r, view: 'side' });
		const other = cobraTake(randomBody(r), [{ peakDeg: 30 }], { rng: r, view: 'side', fromStanding: true });
		const frames = twoPeople(t.frames, other.frames, { shiftX: 0.5 });
		const a = frames[0].width! / frames[0].height!;
		expect(prepareBody(frames[0].people[1], a).scale!).toBeGreaterThan(prepareBody(frames[0].people[0], a).scale!);
		const f = createPersonFollower({ inPosition: inPositionFor('cobra') });
		const got = frames.map((fr) => f.update(fr));
		expect(got.every((s) => s.index === 0)).toBe(true);
	});
});
