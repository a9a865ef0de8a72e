import { describe, expect, it } from 'vitest';
import { randomBody, rng } from '../synth';
import { cobraTake } from '../synth/exercise-sequences';
import { cutToView, realCameraFlaws } from '../synth/edited-footage';
import type { PoseFrame } from '../pose/types';
import { LM } from '../pose/landmarks';
import { createCobraTracker } from './cobra';
import { runFollowed } from './test-helpers';
import { isLyingFaceDown } from './lying';
import { prepareBody } from '../features/body';
import type { RepEvent } from './types';

/**
 * Issue 11, "Done when": a clean cobra filmed side-on — lying prone, chest up at about 6 s, held, down at
 * about 36 s — is exactly one rep with a hold of about 30 s. A long steady hold must never split into
 * two reps or lose its hold to landmark jitter, a brief misdetection or a lapse of the lying check. So:
 * 40 s generated with more jitter than the generator's default, real-camera dropouts, unsure frames and
 * single-frame misdetections, a lapse of the lying check (the legs thrown up for 0.8 s), and a brief cut
 * to another camera and back.
 */

/**
 * The shins read foreshortened between `from` and `to`: the feet drawn in to under the knees and a little
 * lower, as a 3/4 view made the legs look steep in the zain video (the legs rose 35-72 degrees from the
 * hips for 0.4 s at a time while he held his cobra): the lying check fails.
 */
function shinsForeshortened(frames: readonly PoseFrame[], from: number, to: number): PoseFrame[] {
	const feet: Array<[number, number]> = [
		[LM.leftAnkle, LM.leftKnee],
		[LM.leftHeel, LM.leftKnee],
		[LM.leftFootIndex, LM.leftKnee],
		[LM.rightAnkle, LM.rightKnee],
		[LM.rightHeel, LM.rightKnee],
		[LM.rightFootIndex, LM.rightKnee]
	];
	return frames.map((f) => {
		const p = f.people[0];
		if (f.t < from || f.t >= to || !p) return f;
		const lm = p.landmarks.slice();
		for (const [i, k] of feet) {
			const l = lm[i];
			const kn = p.landmarks[k];
			if (l && kn) lm[i] = { ...l, x: kn.x + (l.x - kn.x) * 0.1, y: l.y + 0.15 };
		}
		return { ...f, people: [{ landmarks: lm }, ...f.people.slice(1)] };
	});
}

function fortySeconds(seed: number, view: 'side' | '45', fps: number) {
	const r = rng(seed);
	const take = cobraTake(randomBody(r), [{ peakDeg: r.uniform(35, 60), restMs: 4800, riseMs: 1200, holdMs: 30000, lowerMs: 1500 }], {
		rng: r,
		view,
		fps,
		tailMs: 2500,
		noise: { xy: 0.014, vis: 0.08 }
	});
	const rep = take.reps[0];
	// A brief cut: to a camera on the other side of the room for 2 s, and back.
	const cutAt = rep.topT + 12000;
	let frames = cutToView(take.frames, take.body, take.keyframes, take.keyframes[2].pose, cutAt, { rng: rng(seed + 1), view: 50, fps }, { fadeMs: 300 });
	frames = frames.map((f, i) => (f.t >= cutAt + 2000 ? take.frames[i] : f));
	frames = shinsForeshortened(frames, rep.topT + 20000, rep.topT + 20800);
	frames = realCameraFlaws(frames, rng(seed + 2), { dropoutsPerMin: 6, unsurePerMin: 4, glitchesPerMin: 15 });
	return { frames, rep };
}

describe('a 40-second cobra with one long hold, filmed for real', () => {
	for (const [seed, view, fps] of [
		[101, 'side', 30],
		[102, 'side', 30],
		[103, '45', 30],
		[104, 'side', 15],
		[105, '45', 15]
	] as const) {
		it(`seed ${seed}, ${view} view, ${fps} fps: exactly one rep, a hold of about 30 s`, () => {
			const { frames, rep } = fortySeconds(seed, view, fps);
			expect(rep.topT).toBeCloseTo(6000, -2);
			expect(rep.leaveT).toBeCloseTo(36000, -2);
			// The lying check does fail in the lapse.
			const lapse = frames.filter((f) => f.t >= rep.topT + 20000 && f.t < rep.topT + 20800 && f.people[0]);
			expect(lapse.filter((f) => !isLyingFaceDown(prepareBody(f.people[0], f.width! / f.height!))).length).toBeGreaterThan(lapse.length / 2);
			const got = runFollowed(createCobraTracker(), frames).events.filter((e): e is RepEvent => e.event === 'rep');
			expect(got.length).toBe(1);
			// 30 s at the top, less what is not seen: the dropouts longer than the grace and the 0.5 s after each cut.
			expect(got[0].holdS).toBeGreaterThan(26);
			expect(got[0].holdS).toBeLessThan(32);
			expect(Math.abs(got[0].peakDeg - rep.peakDeg)).toBeLessThan(8);
		});
	}
});
