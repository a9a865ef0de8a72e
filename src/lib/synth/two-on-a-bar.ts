/**
 * Two people hanging from one bar side by side, one or both doing pull-ups now and then, filmed from
 * the front by one camera (the dead-hang video in ../shared/datasets: two men on one bar, each
 * pulling up three times in 12.7 s). For the hang tracker's and the person follower's tests.
 *
 * A pull-up keeps the hands on the bar and raises the body until the elbows are bent to
 * `topElbowDeg`; the truth of each person is when they hang with straight arms.
 */
import type { PoseFrame } from '../pose/types';
import { LM } from '../pose/landmarks';
import type { BodyDims } from './body';
import { makeCamera, project } from './camera';
import { forwardKinematics } from './kinematics';
import { reachWristNear, hangPose } from './exercise-sequences';
import { addNoise } from './noise';
import type { Rng, V3 } from './math';
import { clonePose, type BodyPose } from './pose';
import { sequence, type Keyframe } from './sequence';

export interface PullUp {
	/** When the pull-up starts (ms from the start of the take). */
	atMs: number;
	/** Up, and back down, each this long (ms). */
	upMs?: number;
	/** Held at the top (ms). */
	topMs?: number;
}

export interface BarPerson {
	body: BodyDims;
	pullUps: readonly PullUp[];
}

export interface TwoOnABar {
	frames: PoseFrame[];
	/** Per person: the spans with arms bent by a pull-up (ms), from the first bend to straight again. */
	pulling: Array<Array<[number, number]>>;
	durationMs: number;
}

/** The hang pose raised by `riseM` with the wrists kept at `grips` (the bar). */
function pulledUp(body: BodyDims, hang: BodyPose, grips: readonly [V3, V3], riseM: number): BodyPose {
	let p = clonePose(hang);
	p.root.y += riseM;
	p = reachWristNear(body, p, 'l', grips[0], hang);
	p = reachWristNear(body, p, 'r', grips[1], hang);
	return p;
}

/**
 * Two people on one bar, `gapM` apart (hip to hip), both facing the camera, for `durationMs`; each
 * does their pull-ups. Rendered at `fps` with the generator's landmark noise.
 */
export function twoOnABar(people: readonly [BarPerson, BarPerson], o: { rng: Rng; durationMs: number; fps?: number; gapM?: number }): TwoOnABar {
	const gap = o.gapM ?? 0.75;
	const takes = people.map((person, k) => {
		const hang = hangPose(person.body, 0);
		hang.root.x = (k === 0 ? -gap : gap) / 2;
		const sk = forwardKinematics(person.body, hang);
		const grips: [V3, V3] = [sk.points[LM.leftWrist], sk.points[LM.rightWrist]];
		// A full pull-up raises the body by most of the arm's length.
		const top = pulledUp(person.body, hang, grips, 0.75 * (person.body.upperArm + person.body.forearm));
		const keys: Keyframe[] = [{ t: 0, pose: hang }];
		const pulling: Array<[number, number]> = [];
		for (const pu of person.pullUps) {
			const up = pu.upMs ?? 450;
			const held = pu.topMs ?? 150;
			keys.push({ t: pu.atMs, pose: clonePose(hang) });
			keys.push({ t: pu.atMs + up, pose: top });
			keys.push({ t: pu.atMs + up + held, pose: clonePose(top) });
			keys.push({ t: pu.atMs + 2 * up + held, pose: clonePose(hang) });
			pulling.push([pu.atMs, pu.atMs + 2 * up + held]);
		}
		keys.push({ t: o.durationMs, pose: clonePose(hang) });
		return { person, hang, frames: sequence(keys, o.fps ?? 30), pulling };
	});
	// One camera in front of the pair, looking at the midpoint between them.
	const a = forwardKinematics(takes[0].person.body, takes[0].hang);
	const b = forwardKinematics(takes[1].person.body, takes[1].hang);
	const both = { ...a, points: [...a.points, ...b.points] };
	const camera = makeCamera(both, 0, { view: 0, pitch: o.rng.uniform(-5, 5), fill: 0.85, fovDeg: 65, width: 406, height: 720 });
	const frames: PoseFrame[] = takes[0].frames.map((f, i) => {
		const people = takes.map((tk) => {
			const g = tk.frames[i] ?? tk.frames[tk.frames.length - 1];
			const r = addNoise(project(forwardKinematics(tk.person.body, g.pose), camera, o.rng), o.rng);
			return { landmarks: r.landmarks };
		});
		return { t: f.t, people, width: camera.width, height: camera.height };
	});
	return { frames, pulling: takes.map((tk) => tk.pulling), durationMs: o.durationMs };
}
