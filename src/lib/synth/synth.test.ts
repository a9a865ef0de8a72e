import { describe, expect, it } from 'vitest';
import { LM } from '../pose/landmarks';
import { averageBody, randomBody, RATIOS } from './body';
import { makeCamera, project } from './camera';
import { forwardKinematics, ground, SURFACE_RADIUS } from './kinematics';
import { reachWrist } from './ik';
import { rng, vlen, vsub, type V3 } from './math';
import { addNoise, cropUpperBody, dropLandmarks } from './noise';
import { lerpPose, makePose, neutralPose } from './pose';
import { PRESETS, type PresetName } from './presets';
import { scene } from './scene';
import { renderSequence, sequence } from './sequence';

const d = (a: V3, b: V3) => vlen(vsub(a, b));

describe('skeleton generator', () => {
	it('keeps every segment length whatever the joint angles', () => {
		const body = averageBody();
		const r = rng(3);
		for (let k = 0; k < 20; k++) {
			const pose = neutralPose();
			for (const j of Object.keys(pose.joints) as Array<keyof typeof pose.joints>) pose.joints[j] = r.uniform(-90, 90);
			pose.root = { x: r.uniform(-1, 1), y: 1, z: 0, yaw: r.uniform(-180, 180), pitch: r.uniform(-90, 90), roll: r.uniform(-30, 30) };
			const p = forwardKinematics(body, pose).points;
			expect(d(p[LM.leftShoulder], p[LM.leftElbow])).toBeCloseTo(body.upperArm, 9);
			expect(d(p[LM.rightElbow], p[LM.rightWrist])).toBeCloseTo(body.forearm, 9);
			expect(d(p[LM.leftHip], p[LM.leftKnee])).toBeCloseTo(body.thigh, 9);
			expect(d(p[LM.rightKnee], p[LM.rightAnkle])).toBeCloseTo(body.shank, 9);
			expect(d(p[LM.leftHip], p[LM.rightHip])).toBeCloseTo(body.hipWidth, 9);
		}
	});

	it('stands with its proportions: shoulders above hips above knees, hip width < shoulder width', () => {
		const body = averageBody(1.72);
		const p = forwardKinematics(body, ground(body, neutralPose())).points;
		expect(p[LM.leftShoulder][1]).toBeGreaterThan(p[LM.leftHip][1]);
		expect(p[LM.leftHip][1]).toBeGreaterThan(p[LM.leftKnee][1]);
		expect(p[LM.nose][1]).toBeGreaterThan(p[LM.leftShoulder][1]);
		expect(body.hipWidth).toBeLessThan(body.shoulderWidth);
		// The person's left is +x when facing +z: left landmarks have larger x.
		expect(p[LM.leftShoulder][0]).toBeGreaterThan(p[LM.rightShoulder][0]);
	});

	it('varies people within plausible ranges', () => {
		const r = rng(9);
		for (let k = 0; k < 50; k++) {
			const b = randomBody(r);
			expect(b.height).toBeGreaterThanOrEqual(1.5);
			expect(b.height).toBeLessThanOrEqual(1.95);
			expect(b.thigh / b.height).toBeGreaterThan(RATIOS.thigh * 0.85);
			expect(b.thigh / b.height).toBeLessThan(RATIOS.thigh * 1.15);
		}
	});

	it('grounds a pose: the lowest body surface touches the floor', () => {
		const body = averageBody();
		for (const pose of [neutralPose(), makePose({}, { pitch: 90, y: 3 })]) {
			const g = ground(body, pose);
			const p = forwardKinematics(body, g).points;
			let low = Infinity;
			for (const [i, rad] of Object.entries(SURFACE_RADIUS)) low = Math.min(low, p[Number(i)][1] - rad);
			expect(low).toBeCloseTo(0, 9);
		}
	});

	it('reaches a wrist target with the arm (IK)', () => {
		const body = averageBody();
		const pose = ground(body, neutralPose());
		const sk = forwardKinematics(body, pose);
		const target: V3 = [sk.points[LM.leftHip][0] + 0.1, sk.points[LM.leftHip][1] + 0.1, sk.points[LM.leftHip][2] + 0.25];
		const reached = forwardKinematics(body, reachWrist(body, pose, 'l', target)).points[LM.leftWrist];
		expect(d(reached, target)).toBeLessThan(0.01);
	});

	it('projects like MediaPipe: facing the camera the left shoulder is on the image right, hips' + ' origin of world landmarks, y down', () => {
		const body = averageBody();
		const pose = ground(body, neutralPose());
		const sk = forwardKinematics(body, pose);
		const f = project(sk, makeCamera(sk, 0, { view: 0, width: 640, height: 480 }));
		expect(f.landmarks[LM.leftShoulder].x).toBeGreaterThan(f.landmarks[LM.rightShoulder].x);
		expect(f.landmarks[LM.nose].y).toBeLessThan(f.landmarks[LM.leftHip].y);
		for (const l of f.landmarks) {
			expect(l.x).toBeGreaterThan(0);
			expect(l.x).toBeLessThan(1);
			expect(l.y).toBeGreaterThan(0);
			expect(l.y).toBeLessThan(1);
		}
		const hip = { x: (f.worldLandmarks[23].x + f.worldLandmarks[24].x) / 2, y: (f.worldLandmarks[23].y + f.worldLandmarks[24].y) / 2 };
		expect(hip.x).toBeCloseTo(0, 9);
		expect(hip.y).toBeCloseTo(0, 9);
		expect(f.worldLandmarks[LM.nose].y).toBeLessThan(-0.5);
		// Image z: the nose is nearer the camera than the hips.
		expect(f.landmarks[LM.nose].z!).toBeLessThan(0);
	});

	it('hides the far side when seen side-on (lower visibility)', () => {
		const body = averageBody();
		const pose = ground(body, neutralPose());
		const sk = forwardKinematics(body, pose);
		const left = project(sk, makeCamera(sk, 0, { view: 90 }));
		expect(left.landmarks[LM.leftWrist].visibility!).toBeGreaterThan(0.8);
		expect(left.landmarks[LM.rightWrist].visibility!).toBeLessThan(0.6);
		const front = project(sk, makeCamera(sk, 0, { view: 0 }));
		expect(front.landmarks[LM.rightWrist].visibility!).toBeGreaterThan(0.8);
	});

	it('adds noise, drops landmarks (null or low visibility) and crops to the upper body', () => {
		const r = rng(4);
		const s = scene({ preset: 'sitting_upright', view: 'front', rng: r, noise: false, drop: false });
		const noisy = addNoise(s.rendered, r, { xy: 0.01 });
		expect(noisy.landmarks.some((l, i) => l.x !== s.rendered.landmarks[i].x)).toBe(true);
		const dropped = dropLandmarks(s.rendered, r, { p: 0.5, mode: 'mixed' });
		expect(dropped.landmarks.some((l) => l === null)).toBe(true);
		expect(dropped.landmarks.some((l) => l !== null && (l.visibility ?? 1) < 0.31)).toBe(true);
		const kept = dropLandmarks(s.rendered, r, { p: 1, mode: 'null', keep: [0] });
		expect(kept.landmarks[0]).not.toBeNull();
		expect(kept.landmarks[1]).toBeNull();
		const crop = cropUpperBody(s.rendered);
		expect(crop.landmarks[LM.leftShoulder].y).toBeLessThan(1);
		expect(crop.landmarks[LM.leftHip].visibility!).toBeLessThan(0.1);
		expect(crop.height).toBeLessThan(s.height);
	});

	it('desk webcam frames show head and shoulders with the hips off-screen', () => {
		const r = rng(5);
		for (let k = 0; k < 10; k++) {
			const s = scene({ preset: 'sitting_upright', view: 'desk', rng: r, noise: false, drop: false });
			const L = s.person.landmarks;
			expect(L[LM.nose]!.y).toBeGreaterThan(0);
			expect(L[LM.leftShoulder]!.y).toBeLessThan(1);
			expect(L[LM.leftHip]!.y > 1 || (L[LM.leftHip]!.visibility ?? 1) < 0.5).toBe(true);
		}
	});

	it('is deterministic for a seed, and every preset builds from every view', () => {
		const a = scene({ preset: 'cobra', view: 'side', seed: 11 });
		const b = scene({ preset: 'cobra', view: 'side', seed: 11 });
		expect(a.person).toEqual(b.person);
		for (const name of Object.keys(PRESETS) as PresetName[])
			for (const view of ['front', 'side', '45'] as const) {
				const s = scene({ preset: name, view, seed: 1 });
				expect(s.person.landmarks).toHaveLength(33);
				expect(s.label).toBe(PRESETS[name].label);
			}
	});

	it('puts the prone stretches on the floor: hips down, hands (cobra) or forearms (sphinx) on it', () => {
		const r = rng(8);
		for (const name of ['cobra', 'sphinx'] as const) {
			const body = averageBody();
			const pose = PRESETS[name].make(r, body);
			const p = forwardKinematics(body, pose).points;
			expect(p[LM.leftHip][1]).toBeLessThan(0.15);
			expect(p[LM.leftShoulder][1]).toBeGreaterThan(p[LM.leftHip][1] + 0.1);
			expect(p[LM.leftWrist][1]).toBeLessThan(0.12);
			if (name === 'sphinx') expect(p[LM.leftElbow][1]).toBeLessThan(0.12);
		}
	});

	it('interpolates sequences at the requested rate, from the first to the last keyframe', () => {
		const a = makePose({ lumbarFlex: 0 }, { pitch: 90 });
		const b = makePose({ lumbarFlex: -40 }, { pitch: 90 });
		const frames = sequence(
			[
				{ t: 0, pose: a },
				{ t: 1000, pose: b },
				{ t: 2000, pose: a }
			],
			10
		);
		expect(frames).toHaveLength(21);
		expect(frames[0].pose.joints.lumbarFlex).toBe(0);
		expect(frames[10].pose.joints.lumbarFlex).toBeCloseTo(-40, 9);
		expect(frames[20].pose.joints.lumbarFlex).toBeCloseTo(0, 9);
		expect(frames[5].pose.joints.lumbarFlex).toBeCloseTo(lerpPose(a, b, 0.5).joints.lumbarFlex, 9);
		const rendered = renderSequence(averageBody(), frames, { view: 90 }, { rng: rng(1), noise: { xy: 0.005 } });
		expect(rendered.map((f) => f.t)).toEqual(frames.map((f) => f.t));
		expect(rendered[0].people[0].landmarks).toHaveLength(33);
	});
});
