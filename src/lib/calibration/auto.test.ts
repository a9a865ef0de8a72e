import { describe, expect, it } from 'vitest';
import type { PoseFrame } from '../pose/types';
import { LM } from '../pose/landmarks';
import { fixturePerson } from '../tracking/fixture';
import { classifyPosture } from '../posture/classify';
import { createAutoCalibrator } from './auto';
import { hipsSeen } from './embedding';

const A = 4 / 3;
const frameAt = (t: number, slouch: number, jitter: number): PoseFrame => {
	const p = fixturePerson({ cx: 0.5 * A, cy: 0.95 + 0.05 * slouch, scale: 0.42 * (1 + 0.08 * slouch), aspect: A, upperBodyOnly: true, headDrop: 0.25 * slouch });
	return { t, people: [{ landmarks: p.landmarks.map((l) => (l ? { ...l, y: l.y + jitter } : null)) }], width: 640, height: 480 };
};

function run(plan: (sec: number) => number, seconds: number, opts: { learnMs?: number; keepShare?: number } = {}) {
	const auto = createAutoCalibrator({ learnMs: seconds * 1000, ...opts });
	let st = auto.state();
	for (let i = 0; i <= seconds * 2; i++) {
		const f = frameAt(i * 500, plan(i / 2), ((i * 7919) % 13) / 4000);
		const person = f.people[0];
		st = auto.update(f, person, classifyPosture(person, { aspect: A }), A);
	}
	return st;
}

describe('createAutoCalibrator', () => {
	it('learns the upright after enough watching and then says done', () => {
		const early = run(() => 0, 20, { learnMs: 600_000 });
		expect(early.status).toBe('learning');
		expect(early.calibration).toBeNull();
		expect(early.progress).toBeGreaterThan(0);
		expect(early.progress).toBeLessThan(1);
		const st = run(() => 0, 120);
		expect(st.status).toBe('done');
		expect(st.calibration).not.toBeNull();
	});
	it('a session that starts slumped does not become the upright', () => {
		// slumped for the first 90 s, then upright for 60 s
		const st = run((sec) => (sec < 90 ? 1 : 0), 150);
		const upright = run(() => 0, 150);
		expect(st.calibration).not.toBeNull();
		// the learnt head height is the upright one, not the slump's
		expect(Math.abs(st.calibration!.mean[0] - upright.calibration!.mean[0])).toBeLessThan(0.03);
	});
});

describe('a person the generic model misreads', () => {
	it('is still learnt, from the best of how they sit, after a minute of "slouched" verdicts', () => {
		const auto = createAutoCalibrator();
		const slouched = { label: 'slouched' as const, confidence: 0.9, scores: { slouched: 0.9 } };
		let st = auto.state();
		for (let t = 0; t <= 50_000; t += 500) st = auto.update(frameAt(t, 0, 0), frameAt(t, 0, 0).people[0], slouched, A);
		expect(st.calibration).toBeNull();
		for (let t = 50_500; t <= 70_000; t += 500) st = auto.update(frameAt(t, 0, 0), frameAt(t, 0, 0).people[0], slouched, A);
		expect(st.calibration).not.toBeNull();
	});
});

describe('hipsSeen', () => {
	it('does not take hips guessed below the frame for seen, visibility or not', () => {
		const lm = new Array(33).fill(null);
		lm[LM.leftHip] = { x: 0.4, y: 1.7 };
		expect(hipsSeen({ landmarks: lm })).toBe(false);
		lm[LM.leftHip] = { x: 0.4, y: 0.8 };
		expect(hipsSeen({ landmarks: lm })).toBe(true);
		lm[LM.leftHip] = { x: 0.4, y: 0.8, visibility: 0.2 };
		expect(hipsSeen({ landmarks: lm })).toBe(false);
	});
});
