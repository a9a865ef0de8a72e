import { describe, expect, it } from 'vitest';
import type { PersonPose } from '../pose/types';
import { LM } from '../pose/landmarks';
import { fixturePerson } from '../tracking/fixture';
import { createWorkoutDetector, type ExerciseState } from './detector';
import { motionEnergy, motionSample } from './motion';

const A = 16 / 9;

function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32 - 0.5;
	};
}

/** Jumping jacks at 1 Hz: arms sweep overhead, feet apart, body bounces. */
function jumpingJack(t: number, scale = 0.3, cx = 0.9): PersonPose {
	const ph = (1 - Math.cos((2 * Math.PI * t) / 1000)) / 2; // 0..1
	const up = ph * 1.5 * scale;
	const spread = ph * 0.3 * scale;
	return fixturePerson({
		cx,
		cy: 0.45 - 0.05 * scale * Math.sin((4 * Math.PI * t) / 1000),
		scale,
		aspect: A,
		offsets: {
			[LM.leftWrist]: { x: ph * 0.5 * scale, y: -up },
			[LM.rightWrist]: { x: -ph * 0.5 * scale, y: -up },
			[LM.leftElbow]: { x: ph * 0.3 * scale, y: -up / 2 },
			[LM.rightElbow]: { x: -ph * 0.3 * scale, y: -up / 2 },
			[LM.leftAnkle]: { x: spread, y: 0 },
			[LM.rightAnkle]: { x: -spread, y: 0 },
			[LM.leftKnee]: { x: spread / 2, y: 0 },
			[LM.rightKnee]: { x: -spread / 2, y: 0 }
		}
	});
}

/** Bodyweight squats at 0.5 Hz: everything but the feet goes down 0.5 torso lengths. */
function squat(t: number, scale = 0.3): PersonPose {
	const down = ((1 - Math.cos((2 * Math.PI * t) / 2000)) / 2) * 0.5 * scale;
	return fixturePerson({
		cx: 0.9,
		cy: 0.4 + down,
		scale,
		aspect: A,
		offsets: {
			[LM.leftAnkle]: { x: 0, y: -down },
			[LM.rightAnkle]: { x: 0, y: -down },
			[LM.leftKnee]: { x: 0.1 * scale * (down / (0.5 * scale)), y: -down / 2 },
			[LM.rightKnee]: { x: -0.1 * scale * (down / (0.5 * scale)), y: -down / 2 },
			[LM.leftWrist]: { x: 0, y: -down * 1.5 },
			[LM.rightWrist]: { x: 0, y: -down * 1.5 }
		}
	});
}

/** Sitting at a desk, upper body only, with landmark jitter and some typing. */
function desk(t: number, r: () => number): PersonPose {
	const p = fixturePerson({ cx: 0.9, cy: 0.75, scale: 0.5, aspect: A, upperBodyOnly: true });
	return {
		landmarks: p.landmarks.map((l, i) =>
			l
				? {
						...l,
						x: l.x + r() * 0.006 + (i === LM.leftWrist ? 0.01 * Math.sin(t / 90) : 0),
						y: l.y + r() * 0.006
					}
				: null
		)
	};
}

function run(
	det: ReturnType<typeof createWorkoutDetector>,
	from: number,
	to: number,
	step: number,
	fn: (t: number) => PersonPose | null
): Array<ExerciseState & { t: number }> {
	const out: Array<ExerciseState & { t: number }> = [];
	for (let t = from; t < to; t += step) out.push({ t, ...det.update(t, fn(t), A) });
	return out;
}

describe('motion energy', () => {
	it('is zero for a still person, independent of distance to the camera', () => {
		const a = motionSample(0, jumpingJack(0), A)!;
		expect(motionEnergy(a, { ...a, t: 200 }, 0.3)).toBe(0);
		const near = motionEnergy(motionSample(0, jumpingJack(0, 0.4), A)!, motionSample(250, jumpingJack(250, 0.4), A)!, 0.4)!;
		const far = motionEnergy(motionSample(0, jumpingJack(0, 0.15), A)!, motionSample(250, jumpingJack(250, 0.15), A)!, 0.15)!;
		expect(near).toBeGreaterThan(0.5);
		expect(Math.abs(near - far) / near).toBeLessThan(0.05);
	});

	it('counts horizontal walking only partly', () => {
		const p = (t: number) => fixturePerson({ cx: 0.2 + (t / 1000) * 0.6, cy: 0.5, scale: 0.3, aspect: A });
		const e = motionEnergy(motionSample(0, p(0), A)!, motionSample(200, p(200), A)!, 0.3)!;
		expect(e).toBeCloseTo(0.3 * 2, 5); // 2 body scales/s x weight 0.3
	});

	it('is null without a time step or enough landmarks', () => {
		const a = motionSample(0, jumpingJack(0), A)!;
		expect(motionEnergy(a, a, 0.3)).toBeNull();
		const sparse = { ...a, t: 100, points: a.points.map((q, i) => (i < 2 ? q : null)) };
		expect(motionEnergy(a, sparse, 0.3)).toBeNull();
	});
});

describe('workout detector', () => {
	it('desk sitting with jitter and typing never counts as exercise', () => {
		const det = createWorkoutDetector();
		const r = rng(1);
		const s = run(det, 0, 120000, 33, (t) => desk(t, r));
		expect(s.some((x) => x.active)).toBe(false);
		const peak = Math.max(...s.slice(30).map((x) => x.energy));
		expect(peak).toBeLessThan(0.15);
	});

	it('a minute of jumping jacks is a hard bout; its end is known, dated to when it stopped', () => {
		const det = createWorkoutDetector();
		run(det, 0, 5000, 33, () => jumpingJack(0));
		const during = run(det, 5000, 65000, 33, (t) => jumpingJack(t));
		const on = during.find((x) => x.active)!;
		expect(on.t - 5000).toBeGreaterThanOrEqual(20000);
		expect(on.t - 5000).toBeLessThan(23000);
		expect(during.at(-1)!.intensity).toBeGreaterThan(0.6);
		expect(during.at(-1)!.msSinceBoutEnded).toBeNull();
		const after = run(det, 65000, 200000, 33, () => jumpingJack(0));
		const off = after.find((x) => !x.active)!;
		expect(off.t - 65000).toBeGreaterThanOrEqual(10000);
		expect(off.t - 65000).toBeLessThan(15000);
		expect(after.findIndex((x) => !x.moving) * 33).toBeLessThan(4000); // "stopped moving" within seconds
		const end = after.at(-1)!;
		expect(end.msSinceBoutEnded!).toBeGreaterThan(200000 - 65000 - 3000);
		expect(end.msSinceBoutEnded!).toBeLessThanOrEqual(200000 - 65000);
		expect(end.boutIntensity!).toBeGreaterThan(0.6);
		expect(end.boutDurationMs!).toBeGreaterThan(55000);
	});

	it('squats count as exercise, with lower intensity than jumping jacks', () => {
		const det = createWorkoutDetector();
		const s = run(det, 0, 60000, 33, (t) => squat(t));
		expect(s.at(-1)!.active).toBe(true);
		expect(s.at(-1)!.boutIntensity!).toBeLessThan(0.6);
		expect(s.at(-1)!.boutIntensity!).toBeGreaterThan(0.15);
	});

	it('15 s of movement is not a bout; a later set within the session needs only a few seconds', () => {
		const det = createWorkoutDetector();
		let s = run(det, 0, 15000, 33, (t) => jumpingJack(t));
		s = s.concat(run(det, 15000, 40000, 33, () => jumpingJack(0)));
		expect(s.some((x) => x.active)).toBe(false);
		run(det, 40000, 70000, 33, (t) => jumpingJack(t)); // a real set
		run(det, 70000, 130000, 33, () => jumpingJack(0)); // rest a minute
		const set2 = run(det, 130000, 145000, 33, (t) => jumpingJack(t));
		const on = set2.find((x) => x.active)!;
		expect(on.t - 130000).toBeLessThan(8000);
	});

	it('walking across the frame and out is not a bout', () => {
		const det = createWorkoutDetector();
		const s = run(det, 0, 60000, 33, (t) =>
			t < 4000 ? fixturePerson({ cx: -0.2 + (t / 1000) * 0.6, cy: 0.5, scale: 0.3, aspect: A }) : null
		);
		expect(s.some((x) => x.active)).toBe(false);
	});

	it('leaving the frame ends the bout after the grace', () => {
		const det = createWorkoutDetector();
		run(det, 0, 40000, 33, (t) => jumpingJack(t));
		const s = run(det, 40000, 60000, 33, () => null);
		const off = s.find((x) => !x.active)!;
		expect(off.t - 40000).toBeGreaterThanOrEqual(10000);
		expect(s.at(-1)!.msSinceBoutEnded!).toBeGreaterThan(15000);
	});

	it('energy agrees at 30, 15 and 10 fps', () => {
		const at = (step: number) => {
			const det = createWorkoutDetector();
			const s = run(det, 0, 10000, step, (t) => jumpingJack(t));
			return s.at(-1)!.energy;
		};
		const e30 = at(33);
		expect(Math.abs(at(66) - e30) / e30).toBeLessThan(0.2);
		expect(Math.abs(at(100) - e30) / e30).toBeLessThan(0.2);
	});

	it('reset forgets bouts', () => {
		const det = createWorkoutDetector();
		run(det, 0, 40000, 33, (t) => jumpingJack(t));
		det.reset();
		const s = det.update(50000, jumpingJack(0), A);
		expect(s).toMatchObject({ active: false, msSinceBoutEnded: null, boutIntensity: null });
	});
});
