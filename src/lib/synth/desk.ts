/**
 * Generated people at a desk webcam, upright or slouched, for training and testing the upper-body
 * slouch model: every way people, chairs, cameras and pose estimates differ that the model must not
 * care about is randomised, and only the posture decides the label.
 *
 * - Body: proportions (randomBody), neck length, head size.
 * - Posture, upright: sitting tall or leaning back on a backrest, small natural thoracic curve, head
 *   level or nodding a little to the screen, turned a little, tilted a little.
 *   Slouched: any mix of thoracic flexion (rounded back), forward head (neck bent forward, chin
 *   lifted back to the screen), protracted shoulders, head drop (looking down at the desk or phone),
 *   hunching towards the screen or slumping back in the chair; mild to severe.
 * - Camera: laptop (below the eyes, looking up) or external monitor (level or above), 0.45-1.1 m,
 *   55-80 degree lens, 4:3 or 16:9, in front or up to ~25 degrees to a side, rolled a little;
 *   head-and-shoulders framing with the shoulders sometimes cut by the frame's bottom edge.
 * - The desk hides the lap and legs.
 * - Pose estimate: a per-person bias of the face and shoulder points (hair, hoodies, collars move
 *   where the model puts ears and shoulders), per-frame jitter, lost ears (a turned head hides one),
 *   lost eyes, visibility absent or present, low-visibility points.
 */
import type { Landmark, PersonPose } from '../pose/types';
import { LM } from '../pose/landmarks';
import { randomBody, type BodyDims } from './body';
import { makeCamera, project, type CameraSpec } from './camera';
import { forwardKinematics, type Skeleton } from './kinematics';
import { rng as makeRng, vadd, vscale, type Rng } from './math';
import { makePose, type BodyPose, type JointAngles } from './pose';
import { addNoise } from './noise';

export interface DeskSample {
	person: PersonPose;
	width: number;
	height: number;
	/** 1 slouched, 0 upright. */
	slouched: 0 | 1;
	/** 0..1 how marked the slouch is (0 for upright). */
	severity: number;
}

/** The person's sitting pose: upright, or slouched with `severity` 0..1. */
export function deskPose(r: Rng, slouched: boolean, severity: number): BodyPose {
	const j: Partial<JointAngles> = {};
	let pitch: number;
	if (!slouched) {
		pitch = r.chance(0.3) ? r.uniform(-18, -4) : r.uniform(-4, 8);
		j.lumbarFlex = r.normal(0, 3);
		j.thoracicFlex = r.uniform(-2, 12);
		j.neckFlex = r.uniform(-6, 12);
		j.shoulderProtraction = r.uniform(-2, 9);
		j.shrug = r.normal(0, 4);
		// eyes on the screen: the head levels the gaze, give or take a nod
		j.headPitch = -(j.neckFlex + j.thoracicFlex + j.lumbarFlex + pitch) * r.uniform(0.6, 1) + r.normal(3, 6);
	} else {
		const s = severity;
		const parts = {
			thoracic: r.chance(0.75),
			forwardHead: r.chance(0.65),
			protraction: r.chance(0.6),
			headDrop: r.chance(0.35)
		};
		if (!parts.thoracic && !parts.forwardHead && !parts.headDrop) parts.thoracic = true;
		const mode = r.pick(['hunch', 'hunch', 'slump', 'upright-pelvis'] as const);
		pitch = mode === 'hunch' ? r.uniform(0, 22) * (0.5 + s) : mode === 'slump' ? -r.uniform(8, 25) : r.uniform(-6, 6);
		j.lumbarFlex = mode === 'slump' ? r.uniform(8, 20) : r.uniform(0, 14);
		j.thoracicFlex = parts.thoracic ? r.uniform(12, 20) + 22 * s : r.uniform(0, 12);
		j.neckFlex = parts.forwardHead ? r.uniform(10, 18) + 18 * s : r.uniform(0, 12);
		j.shoulderProtraction = parts.protraction ? r.uniform(10, 16) + 12 * s : r.uniform(0, 10);
		j.shrug = r.normal(-2, 5);
		const bend = j.neckFlex + j.thoracicFlex + j.lumbarFlex + pitch;
		// eyes on the screen (chin pushed forward and up), or head dropped to the desk / a phone
		j.headPitch = parts.headDrop ? r.uniform(5, 25) : -bend * r.uniform(0.6, 0.95) + r.normal(3, 6);
	}
	j.lumbarLateral = r.normal(0, 3);
	j.neckLateral = r.normal(0, 4);
	j.headYaw = r.normal(0, 10);
	j.lumbarTwist = r.normal(0, 4);
	seatedLimbs(r, j, pitch);
	return makePose(j, { pitch, y: 0.5, yaw: 0 });
}

/**
 * Legs and arms of someone sitting at a desk, into `j`: thighs about level whatever the pelvis `pitch`
 * (degrees), knees bent, hands forward on the desk or keyboard. Draws from `r` in a fixed order (left
 * then right: hip, knee, shoulder flexion and abduction, elbow), which the trained models' data depends on.
 */
export function seatedLimbs(r: Rng, j: Partial<JointAngles>, pitch: number): void {
	for (const s of ['l', 'r'] as const) {
		j[`${s}HipFlex`] = pitch + r.uniform(80, 100);
		j[`${s}KneeFlex`] = r.uniform(70, 110);
		j[`${s}ShoulderFlex`] = r.uniform(10, 50);
		j[`${s}ShoulderAbd`] = r.uniform(5, 20);
		j[`${s}ElbowFlex`] = r.uniform(50, 110);
	}
}

/** A desk webcam on the person: laptop below the eyes or a monitor-top camera, head and shoulders. */
export function deskView(r: Rng, body: BodyDims, pose: BodyPose): { sk: Skeleton; spec: CameraSpec & { target: [number, number, number] } } {
	const sk = forwardKinematics(body, pose);
	const ears = vscale(vadd(sk.points[LM.leftEar], sk.points[LM.rightEar]), 0.5);
	const sh = vscale(vadd(sk.points[LM.leftShoulder], sk.points[LM.rightShoulder]), 0.5);
	// aim from just above the ears (shoulders at the frame's bottom edge) to near the shoulders
	const u = r.uniform(-0.1, 0.7);
	const aim = vadd(vscale(ears, 1 - u), vscale(sh, u));
	const laptop = r.chance(0.7);
	const size = r.pick([
		[640, 480],
		[1280, 720],
		[640, 480],
		[1920, 1080]
	] as const);
	return {
		sk,
		spec: {
			view: r.chance(0.8) ? r.normal(0, 7) : r.uniform(-25, 25),
			pitch: laptop ? r.uniform(-20, 0) : r.uniform(-5, 15),
			distance: r.uniform(0.45, 1.1),
			target: aim,
			fovDeg: r.uniform(55, 80),
			width: size[0],
			height: size[1]
		}
	};
}

/** Where the pose model puts this person's face and shoulder points, off the skeleton's (metres). */
export interface PersonBias {
	/** Ear span as a share of the skeleton's. */
	earSpan: number;
	shoulderUp: number;
	shoulderOut: number;
	earUp: number;
	noseUp: number;
}

export function personBias(r: Rng): PersonBias {
	return { earSpan: r.normal(0.85, 0.05), shoulderUp: r.normal(0, 0.02), shoulderOut: r.normal(0, 0.015), earUp: r.normal(0, 0.012), noseUp: r.normal(0, 0.008) };
}

/** How a frame is rendered beyond the skeleton and camera; what is not given is drawn afresh. */
export interface DeskRender {
	/** Camera roll, radians. */
	roll?: number;
	/** Landmarks carry visibility (MediaPipe) or not (sources that dropped it). */
	withVis?: boolean;
	/** Landmark jitter, as addNoise's xy. */
	jitter?: number;
	/** Chance a frame loses one ear, both ears, both eyes. */
	loseOneEar?: number;
	loseBothEars?: number;
	loseEyes?: number;
}

/** The pose model's view of a skeleton through a desk camera: bias, projection, roll, jitter, lost points. */
export function renderDeskFrame(r: Rng, sk: Skeleton, spec: CameraSpec, b: PersonBias, o: DeskRender = {}): { person: PersonPose; width: number; height: number } {
	for (const [i, side] of [
		[LM.leftShoulder, 1],
		[LM.rightShoulder, -1]
	] as const) {
		const p = sk.points[i];
		sk.points[i] = [p[0] + side * b.shoulderOut, p[1] + b.shoulderUp, p[2]];
	}
	// MediaPipe puts the ear points closer together than the skeleton's ears: on the MIT-licensed sets'
	// frontal people (yoga-stills, exercise-states) the ear span is 0.37-0.38 shoulder widths at the median,
	// the skeleton's 0.44. The ears are pulled towards the head's centre by that ratio (give or take).
	const earMid = vscale(vadd(sk.points[LM.leftEar], sk.points[LM.rightEar]), 0.5);
	const earScale = b.earSpan;
	for (const i of [LM.leftEar, LM.rightEar]) sk.points[i] = vadd(vadd(earMid, vscale(vadd(sk.points[i], vscale(earMid, -1)), earScale)), [0, b.earUp, 0]);
	sk.points[LM.nose] = vadd(sk.points[LM.nose], [0, b.noseUp, 0]);
	const cam = makeCamera(sk, 0, spec);
	// a camera not quite level: roll the picture a few degrees
	const roll = o.roll ?? (r.normal(0, 2.5) * Math.PI) / 180;
	let rendered = project(sk, cam, r);
	rendered = addNoise(rendered, r, { xy: o.jitter ?? r.uniform(0.003, 0.012), vis: 0.05 });
	const aspect = rendered.width / rendered.height;
	const [cx, cy] = [0.5 * aspect, 0.5];
	const withVis = o.withVis ?? r.chance(0.75);
	const landmarks: Array<Landmark | null> = rendered.landmarks.map((l) => {
		const x = l.x * aspect - cx;
		const y = l.y - cy;
		const out: Landmark = {
			x: (cx + x * Math.cos(roll) - y * Math.sin(roll)) / aspect,
			y: cy + x * Math.sin(roll) + y * Math.cos(roll),
			z: l.z
		};
		if (withVis) out.visibility = l.visibility;
		return out;
	});
	// what a real estimate loses: one ear behind a turned head, the ears under hair, the eyes
	const lose = (i: number) => {
		if (withVis) landmarks[i] = { ...landmarks[i]!, visibility: r.uniform(0, 0.4) };
		else landmarks[i] = null;
	};
	const oneEar = o.loseOneEar ?? 0.15;
	const u = r();
	if (u < oneEar) lose(r.chance(0.5) ? LM.leftEar : LM.rightEar);
	else if (u < oneEar + (o.loseBothEars ?? 0.07)) {
		lose(LM.leftEar);
		lose(LM.rightEar);
	}
	if (r.chance(o.loseEyes ?? 0.1)) {
		lose(LM.leftEye);
		lose(LM.rightEye);
	}
	// the desk hides the lap and the legs (the pose model still guesses them, with a low visibility)
	for (let i = LM.leftHip; i < landmarks.length; i++) {
		if (withVis) landmarks[i] = { ...landmarks[i]!, visibility: r.uniform(0, 0.35) };
		else landmarks[i] = { ...landmarks[i]!, y: Math.max(landmarks[i]!.y, 1.05 + r.uniform(0, 0.6)) };
	}
	// below the frame's edge: the pose model extrapolates, with a low visibility when it reports one
	for (let i = 0; i < landmarks.length; i++) {
		const l = landmarks[i];
		if (l && l.y > 1 && withVis) landmarks[i] = { ...l, visibility: Math.min(l.visibility ?? 1, r.uniform(0, 0.3)) };
	}
	return { person: { landmarks }, width: rendered.width, height: rendered.height };
}

/** One generated frame of a person at a desk webcam. */
export function deskSample(r: Rng, opts: { slouched?: boolean; body?: BodyDims } = {}): DeskSample {
	const body = opts.body ?? randomBody(r);
	const slouched = opts.slouched ?? r.chance(0.5);
	const severity = slouched ? r.uniform(0, 1) : 0;
	const pose = deskPose(r, slouched, severity);
	const { sk, spec } = deskView(r, body, pose);
	// the pose model's per-person bias, in body axes (up = world up for a sitting person)
	const b = personBias(r);
	return { ...renderDeskFrame(r, sk, spec, b), slouched: slouched ? 1 : 0, severity };
}

/** `n` generated desk frames from a seed (half slouched), each a different person. */
export function deskSamples(n: number, seed: number): DeskSample[] {
	const r = makeRng(seed);
	const out: DeskSample[] = [];
	for (let i = 0; i < n; i++) out.push(deskSample(r, { slouched: i % 2 === 1 }));
	return out;
}
