/**
 * Generated desk sessions: one person at one camera over a session, for learning what a move away from
 * the person's own upright means (the personal slouch model) rather than what an upright looks like
 * across people (the generic network, desk.ts).
 *
 * - A sitter: a body, their habitual upright (sitting tall or resting on a backrest, their own
 *   thoracic curve, neck and head carriage), a camera placed once for the session, the pose model's
 *   bias for this person, and how often it loses their ears or eyes.
 * - Upright frames drift about the habit as people do while they keep sitting well: the chair rolls
 *   a little nearer or farther, the trunk rocks a few degrees, the head nods and turns to other parts
 *   of the screen, the shoulders lift and drop.
 * - A slouch moves the person away from their own upright: any mix of thoracic flexion, forward head,
 *   protracted shoulders, head drop and a sideways slump, hunched towards the screen or slid down the
 *   chair; mild to severe.
 * - A calibration recording is a few seconds of one upright moment (20 frames that hardly differ), or,
 *   as a watch learns it, upright frames pooled over minutes.
 */
import type { BodyDims } from './body';
import { randomBody } from './body';
import type { CameraSpec } from './camera';
import { forwardKinematics } from './kinematics';
import type { Rng } from './math';
import { rng as makeRng } from './math';
import { makePose, type BodyPose, type JointAngles, type RootPose } from './pose';
import { deskView, personBias, renderDeskFrame, seatedLimbs, type DeskRender, type DeskSample, type PersonBias } from './desk';

/** A person's habitual upright at the desk: the joints and pelvis pose they return to. */
export interface SittingHabit {
	joints: Partial<JointAngles>;
	root: Partial<RootPose>;
}

export interface DeskSitter {
	body: BodyDims;
	habit: SittingHabit;
	/** The camera, placed once on the habitual upright. */
	spec: CameraSpec;
	bias: PersonBias;
	render: DeskRender;
}

/** Their habitual upright (as deskPose's upright, drawn once per person). */
function sittingHabit(r: Rng): SittingHabit {
	const pitch = r.chance(0.3) ? r.uniform(-18, -4) : r.uniform(-4, 8);
	const j: Partial<JointAngles> = {
		lumbarFlex: r.normal(0, 3),
		thoracicFlex: r.uniform(-2, 12),
		neckFlex: r.uniform(-6, 12),
		shoulderProtraction: r.uniform(-2, 9),
		shrug: r.normal(0, 4),
		lumbarLateral: r.normal(0, 2),
		neckLateral: r.normal(0, 3),
		headYaw: r.normal(0, 6),
		lumbarTwist: r.normal(0, 3)
	};
	// eyes on the screen: the head levels the gaze, give or take a nod
	j.headPitch = -(j.neckFlex! + j.thoracicFlex! + j.lumbarFlex! + pitch) * r.uniform(0.6, 1) + r.normal(3, 6);
	seatedLimbs(r, j, pitch);
	return { joints: j, root: { pitch, y: 0.5, yaw: 0, x: 0, z: 0 } };
}

function habitPose(h: SittingHabit): BodyPose {
	return makePose({ ...h.joints }, { ...h.root });
}

/** A person at their desk camera for a session. */
export function deskSitter(r: Rng): DeskSitter {
	const body = randomBody(r);
	const habit = sittingHabit(r);
	const { spec } = deskView(r, body, habitPose(habit));
	const bias = personBias(r);
	const hairOverEars = r.chance(0.15);
	const render: DeskRender = {
		roll: (r.normal(0, 2.5) * Math.PI) / 180,
		withVis: r.chance(0.75),
		jitter: r.uniform(0.003, 0.012),
		loseOneEar: hairOverEars ? 0.2 : r.uniform(0.02, 0.2),
		loseBothEars: hairOverEars ? 0.75 : r.uniform(0, 0.05),
		loseEyes: r.uniform(0, 0.1)
	};
	return { body, habit, spec, bias, render };
}

/** Upright drift about the habit, scaled by `k` (1: a session's spread; ~0.2: one moment's). */
function drift(r: Rng, p: BodyPose, k: number): void {
	const j = p.joints;
	const add = (name: keyof JointAngles, sd: number) => (j[name] += r.normal(0, sd * k));
	add('lumbarFlex', 2);
	add('thoracicFlex', 2);
	add('neckFlex', 3);
	add('headPitch', 5);
	add('headYaw', 10);
	add('neckLateral', 3);
	add('lumbarLateral', 2);
	add('lumbarTwist', 3);
	add('shrug', 3);
	add('shoulderProtraction', 2);
	const pitch = r.normal(0, 3 * k);
	p.root.pitch += pitch;
	j.lHipFlex += pitch;
	j.rHipFlex += pitch;
	// the chair: nearer or farther, to a side, turned a little
	p.root.z += r.normal(0, 0.05 * k);
	p.root.x += r.normal(0, 0.04 * k);
	p.root.yaw += r.normal(0, 5 * k);
}

/** Moves a pose into a slouch of `s` (0 mild .. 1 severe), from wherever the person sat. */
export function slouchFrom(r: Rng, p: BodyPose, s: number): void {
	const j = p.joints;
	const parts = {
		thoracic: r.chance(0.75),
		forwardHead: r.chance(0.65),
		protraction: r.chance(0.6),
		headDrop: r.chance(0.3),
		sideways: r.chance(0.2)
	};
	if (!parts.thoracic && !parts.forwardHead && !parts.headDrop && !parts.sideways) parts.thoracic = true;
	const mode = r.pick(['hunch', 'hunch', 'slump', 'upright-pelvis'] as const);
	let bend = 0;
	const flex = (name: keyof JointAngles, deg: number) => {
		j[name] += deg;
		bend += deg;
	};
	if (parts.thoracic) flex('thoracicFlex', r.uniform(6, 12) + 20 * s);
	if (parts.forwardHead) flex('neckFlex', r.uniform(6, 12) + 16 * s);
	if (parts.protraction) j.shoulderProtraction += r.uniform(6, 12) + 10 * s;
	if (mode === 'hunch') {
		const lean = r.uniform(2, 15) * (0.5 + s);
		p.root.pitch += lean;
		j.lHipFlex += lean;
		j.rHipFlex += lean;
		bend += lean;
	} else if (mode === 'slump') {
		// sliding down the seat: the pelvis rolls back and forward, the lower back rounds
		const back = r.uniform(5, 15);
		p.root.pitch -= back;
		j.lHipFlex -= back;
		j.rHipFlex -= back;
		p.root.y! -= r.uniform(0.02, 0.08);
		p.root.z! += r.uniform(0.03, 0.12);
		flex('lumbarFlex', r.uniform(8, 18));
		bend -= back;
	} else flex('lumbarFlex', r.uniform(0, 8));
	if (parts.sideways) {
		const side = r.chance(0.5) ? 1 : -1;
		j.lumbarLateral += side * r.uniform(6, 15);
		j.neckLateral += side * r.uniform(0, 10);
	}
	// eyes back on the screen (chin pushed forward and up), or head dropped to the desk / a phone
	j.headPitch += parts.headDrop ? r.uniform(10, 30) : -bend * r.uniform(0.6, 0.95) + r.normal(0, 4);
}

export interface SitterFrameOptions {
	slouched: boolean;
	/** 0..1 (slouched only). */
	severity?: number;
	/** Scale of the upright drift about the habit (1 = a session's). */
	drift?: number;
	/** A shared moment (e.g. a calibration recording): the pose drifted once, re-used with small wobble. */
	moment?: BodyPose;
}

/** One frame of a sitter: upright (drifting about their habit) or slouched away from it. */
export function sitterFrame(r: Rng, sitter: DeskSitter, o: SitterFrameOptions): DeskSample {
	const pose = o.moment ? { root: { ...o.moment.root }, joints: { ...o.moment.joints } } : habitPose(sitter.habit);
	drift(r, pose, o.drift ?? 1);
	const severity = o.slouched ? (o.severity ?? r.uniform(0, 1)) : 0;
	if (o.slouched) slouchFrom(r, pose, severity);
	const sk = forwardKinematics(sitter.body, pose);
	return { ...renderDeskFrame(r, sk, { ...sitter.spec }, sitter.bias, sitter.render), slouched: o.slouched ? 1 : 0, severity };
}

/** A calibration recording: `n` upright frames of one moment (recorded on request), or pooled over a session. */
export function calibrationFrames(r: Rng, sitter: DeskSitter, n: number, kind: 'recorded' | 'learnt', driftScale = 1): DeskSample[] {
	if (kind === 'learnt') return Array.from({ length: n }, () => sitterFrame(r, sitter, { slouched: false, drift: driftScale }));
	const moment = habitPose(sitter.habit);
	drift(r, moment, driftScale);
	return Array.from({ length: n }, () => sitterFrame(r, sitter, { slouched: false, moment, drift: 0.2 }));
}

export interface DeskSession {
	sitter: DeskSitter;
	calibration: DeskSample[];
	frames: DeskSample[];
}

/** `n` generated sessions from a seed: a calibration (recorded or learnt) and `frames` frames, half slouched. */
export function deskSessions(n: number, seed: number, o: { calibrationFrames?: number; frames?: number; learntShare?: number; drift?: number } = {}): DeskSession[] {
	const r = makeRng(seed);
	const out: DeskSession[] = [];
	for (let i = 0; i < n; i++) {
		const sitter = deskSitter(r);
		const learnt = r.chance(o.learntShare ?? 0.3);
		const calibration = calibrationFrames(r, sitter, learnt ? 60 : (o.calibrationFrames ?? 20), learnt ? 'learnt' : 'recorded', o.drift ?? 1);
		const frames = Array.from({ length: o.frames ?? 10 }, (_, k) => sitterFrame(r, sitter, { slouched: k % 2 === 1, drift: o.drift ?? 1 }));
		out.push({ sitter, calibration, frames });
	}
	return out;
}
