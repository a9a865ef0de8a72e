import { describe, expect, it } from 'vitest';
import type { PersonPose, PoseFrame } from '../pose/types';
import type { PostureVerdict } from './types';
import { LM } from '../pose/landmarks';
import { fixturePerson } from '../tracking/fixture';
import { calibrate } from '../calibration/calibrate';
import { createPosturePipeline, type PostureState } from './pipeline';

/**
 * Unit tests with a stand-in still classifier (head height over shoulder width), so that the
 * composition is tested apart from the real classifier; pipeline.synth.test.ts runs the real one
 * on generated sequences.
 */
const stubClassify = (person: PersonPose): PostureVerdict => {
	const n = person.landmarks[LM.nose];
	const l = person.landmarks[LM.leftShoulder];
	const r = person.landmarks[LM.rightShoulder];
	if (!n || !l || !r) return { label: 'unknown', confidence: 0.9, scores: { unknown: 0.9 } };
	const h = ((l.y + r.y) / 2 - n.y) / Math.abs(l.x - r.x);
	return h < 0.3
		? { label: 'slouched', confidence: 0.85, scores: { slouched: 0.85, upright: 0.15 } }
		: { label: 'upright', confidence: 0.9, scores: { upright: 0.9, slouched: 0.1 } };
};

const A = 16 / 9;
const me = (headDrop = 0, cx = 0.9) => fixturePerson({ cx, cy: 0.6, scale: 0.3, aspect: A, headDrop });
const frame = (t: number, people: PersonPose[]): PoseFrame => ({ t, people, width: 1280, height: 720 });

function run(
	p: ReturnType<typeof createPosturePipeline>,
	from: number,
	to: number,
	step: number,
	people: (t: number) => PersonPose[]
): PostureState[] {
	const out: PostureState[] = [];
	for (let t = from; t < to; t += step) out.push(p.update(frame(t, people(t))));
	return out;
}

describe('posture pipeline (stand-in classifier)', () => {
	it('a 1 s glance down does not flip to slouched; a sustained slouch does within dwell + 1 s', () => {
		const p = createPosturePipeline({ classify: stubClassify });
		const s = run(p, 0, 20000, 33, (t) => [me((t >= 3000 && t < 4000) || t >= 8000 ? 0.5 : 0)]);
		expect(s.filter((x) => x.t > 1000 && x.t < 8000).every((x) => x.label === 'upright')).toBe(true);
		const on = s.find((x) => x.t >= 8000 && x.label === 'slouched')!;
		expect(on.t - 8000).toBeGreaterThanOrEqual(4000);
		expect(on.t - 8000).toBeLessThanOrEqual(5000);
		expect(on.raw!.label).toBe('slouched');
	});

	it('dwell is configurable per label', () => {
		const p = createPosturePipeline({ classify: stubClassify, dwellMs: { slouched: 1000 } });
		const s = run(p, 0, 6000, 33, (t) => [me(t >= 2000 ? 0.5 : 0)]);
		const on = s.find((x) => x.label === 'slouched')!;
		expect(on.t - 2000).toBeLessThan(1600);
	});

	it('a passer-by does not steal tracking', () => {
		const p = createPosturePipeline({ classify: stubClassify });
		const s = run(p, 0, 12000, 33, (t) => {
			const people = [me()];
			if (t > 2000 && t < 8000) {
				// a smaller person, slouched, walking across the frame, listed first
				const x = -0.2 + ((t - 2000) / 6000) * 2.2;
				people.unshift(fixturePerson({ cx: x, cy: 0.5, scale: 0.15, aspect: A, headDrop: 0.5 }));
			}
			return people;
		});
		expect(s.filter((x) => x.t > 1000).every((x) => x.label === 'upright')).toBe(true);
		expect(s.filter((x) => x.t > 2100 && x.t < 7900).every((x) => x.personIndex === 1)).toBe(true);
	});

	it('walking out gives away after the grace; coming back resumes', () => {
		const p = createPosturePipeline({ classify: stubClassify, temporal: { awayGraceMs: 3000 } });
		run(p, 0, 3000, 33, () => [me()]);
		const out = run(p, 3000, 10000, 33, () => []);
		expect(out.filter((x) => x.t < 5900).every((x) => x.label === 'upright')).toBe(true);
		const away = out.find((x) => x.label === 'away')!;
		const lastSeen = 2970;
		expect(away.t - lastSeen).toBeGreaterThanOrEqual(3000);
		expect(away.t - lastSeen).toBeLessThan(3100);
		expect(away.personIndex).toBeNull();
		expect(away.tracking).toBe('lost');
		const back = run(p, 10000, 12000, 33, () => [me(0, 0.5)]);
		expect(back.at(-1)!.label).toBe('upright');
		expect(back.at(-1)!.personIndex).toBe(0);
		expect(back.at(-1)!.absentMs).toBe(0);
	});

	it('stills: every frame stands alone', () => {
		const p = createPosturePipeline({ classify: stubClassify, stills: true });
		const a = p.update(frame(0, [me()]));
		const b = p.update(frame(33, [me(0.5)]));
		const c = p.update(frame(66, []));
		expect([a.label, b.label, c.label]).toEqual(['upright', 'slouched', 'away']);
		expect(b.sinceMs).toBe(0);
		expect(b.exercise.active).toBe(false);
	});

	it('calibration adapts the verdict to the person and reports its status', () => {
		const desk = (drop: number) => fixturePerson({ cx: 0.9, cy: 0.95, scale: 0.42, aspect: A, upperBodyOnly: true, headDrop: drop });
		// learnt: its distance decides whatever the stand-in says (a calibration recorded on request shifts the
		// desk network instead, see calibrate.test.ts)
		const cal = calibrate(Array.from({ length: 20 }, (_, i) => frame(i * 100, [desk(0)])), { learnt: true });
		const p = createPosturePipeline({ classify: stubClassify, calibration: cal });
		// a head drop the stand-in classifier calls upright, but this person's calibration does not
		const s = run(p, 0, 10000, 33, (t) => [desk(t >= 2000 ? 0.15 : 0)]);
		expect(s[40].label).toBe('upright');
		expect(s[0].raw!.label).toBe('upright');
		expect(s.at(-1)!.label).toBe('slouched');
		expect(s.at(-1)!.calibration).toMatchObject({ applied: true, setupChanged: false });
		expect(s.at(-1)!.calibration!.slouch!).toBeGreaterThan(0.5);
		const un = createPosturePipeline({ classify: stubClassify });
		expect(run(un, 0, 10000, 33, (t) => [desk(t >= 2000 ? 0.15 : 0)]).at(-1)!.label).toBe('upright');
		expect(un.update(frame(10000, [desk(0)])).calibration).toBeNull();
	});

	it('carries the workout context', () => {
		const p = createPosturePipeline({ classify: stubClassify });
		const jack = (t: number) => {
			const ph = (1 - Math.cos((2 * Math.PI * t) / 1000)) / 2;
			return fixturePerson({
				cx: 0.9,
				cy: 0.5,
				scale: 0.3,
				aspect: A,
				offsets: { [LM.leftWrist]: { x: 0.1 * ph, y: -0.45 * ph }, [LM.rightWrist]: { x: -0.1 * ph, y: -0.45 * ph }, [LM.leftElbow]: { x: 0.05 * ph, y: -0.2 * ph }, [LM.rightElbow]: { x: -0.05 * ph, y: -0.2 * ph } }
			});
		};
		const s = run(p, 0, 40000, 33, (t) => [jack(t)]);
		expect(s.at(-1)!.exercise.active).toBe(true);
		const after = run(p, 40000, 70000, 33, () => [jack(0)]);
		expect(after.at(-1)!.exercise.active).toBe(false);
		expect(after.at(-1)!.exercise.msSinceBoutEnded!).toBeGreaterThan(15000);
	});

	it('reset starts over', () => {
		const p = createPosturePipeline({ classify: stubClassify });
		const a = run(p, 0, 8000, 33, (t) => [me(t > 2000 ? 0.5 : 0)]);
		p.reset();
		const b = run(p, 0, 8000, 33, (t) => [me(t > 2000 ? 0.5 : 0)]);
		expect(b).toEqual(a);
	});
});
