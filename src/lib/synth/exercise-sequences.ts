/**
 * Exercise takes for the coach's tests: whole sets of the extension stretches (domain: cobra,
 * standing back extension, hanging, prone on the elbows) as time sequences of landmark frames, with
 * the truth that made them (each rep's peak angle, hold, and the faults put in).
 *
 * Poses are built from targets, not joint angles: the spine is bent until the trunk line
 * (mid-hips to mid-shoulders, the line the coach measures) reaches the wanted angle, measured on the
 * skeleton itself, so the truth is exact. Between keyframes poses are eased as in `sequence`.
 */
import type { PoseFrame } from '../pose/types';
import { LM } from '../pose/landmarks';
import type { BodyDims } from './body';
import { makeCamera, project, type CameraSpec } from './camera';
import { forwardKinematics, ground } from './kinematics';
import { placeForearm, reachWrist } from './ik';
import { apply, rotY, vadd, vscale, vsub, type Rng, type V3 } from './math';
import { addNoise, type NoiseSpec } from './noise';
import { clonePose, makePose, type BodyPose, type JointAngles } from './pose';
import { sequence, type Keyframe } from './sequence';

const RAD = 180 / Math.PI;

const FEET = [LM.leftHeel, LM.rightHeel, LM.leftFootIndex, LM.rightFootIndex];
const LOWER = [LM.leftHip, LM.rightHip, LM.leftKnee, LM.rightKnee, LM.leftAnkle, LM.rightAnkle, ...FEET];
const LEGS_ONLY = [LM.leftKnee, LM.rightKnee, LM.leftAnkle, LM.rightAnkle, ...FEET];

const midOf = (p: V3[], a: number, b: number): V3 => vscale(vadd(p[a], p[b]), 0.5);

/** The person's forward and left (horizontal unit vectors) for a root yaw. */
function axes(yawDeg: number): { fwd: V3; left: V3 } {
	return { fwd: apply(rotY(yawDeg), [0, 0, 1]), left: apply(rotY(yawDeg), [1, 0, 0]) };
}

/** Elevation of the trunk line (mid-hips to mid-shoulders) above the horizontal, degrees. */
export function trunkElevationOf(body: BodyDims, pose: BodyPose): number {
	const p = forwardKinematics(body, pose).points;
	const d = vsub(midOf(p, LM.leftShoulder, LM.rightShoulder), midOf(p, LM.leftHip, LM.rightHip));
	return Math.atan2(d[1], Math.hypot(d[0], d[2])) * RAD;
}

/** Lean of the trunk line back from vertical (+ = behind the hips, as in a back extension), degrees. */
export function trunkBackLeanOf(body: BodyDims, pose: BodyPose): number {
	const p = forwardKinematics(body, pose).points;
	const d = vsub(midOf(p, LM.leftShoulder, LM.rightShoulder), midOf(p, LM.leftHip, LM.rightHip));
	const { fwd } = axes(pose.root.yaw);
	const f = d[0] * fwd[0] + d[2] * fwd[2];
	return Math.atan2(-f, d[1]) * RAD;
}

/** Height of the mid-hips above the floor, metres. */
export function hipHeightOf(body: BodyDims, pose: BodyPose): number {
	return midOf(forwardKinematics(body, pose).points, LM.leftHip, LM.rightHip)[1];
}

/**
 * Puts a wrist on `target` starting from the arm of `near` (a neighbouring keyframe), searching the
 * shoulder angles only around it: interpolating between two keyframes then moves the arm smoothly
 * instead of swinging it through another solution of the same reach.
 */
export function reachWristNear(body: BodyDims, pose: BodyPose, side: 'l' | 'r', target: V3, near: BodyPose): BodyPose {
	const out = clonePose(pose);
	const sk = forwardKinematics(body, out);
	const sh = sk.points[side === 'l' ? LM.leftShoulder : LM.rightShoulder];
	const d = Math.hypot(target[0] - sh[0], target[1] - sh[1], target[2] - sh[2]);
	const a = body.upperArm;
	const b = body.forearm;
	const cosE = Math.max(-1, Math.min(1, (d * d - a * a - b * b) / (2 * a * b)));
	out.joints[`${side}ElbowFlex`] = Math.acos(cosE) * RAD;
	out.joints[`${side}ShoulderRot`] = near.joints[`${side}ShoulderRot`];
	const wi = side === 'l' ? LM.leftWrist : LM.rightWrist;
	const cost = (flex: number, abd: number) => {
		out.joints[`${side}ShoulderFlex`] = flex;
		out.joints[`${side}ShoulderAbd`] = abd;
		const w = forwardKinematics(body, out).points[wi];
		return Math.hypot(w[0] - target[0], w[1] - target[1], w[2] - target[2]);
	};
	let best: [number, number] = [near.joints[`${side}ShoulderFlex`], near.joints[`${side}ShoulderAbd`]];
	let bestC = cost(...best);
	for (const step of [8, 4, 2, 1, 0.5]) {
		for (let k = 0; k < 6; k++) {
			const [f0, a0] = best;
			let moved = false;
			for (const [df, da] of [[step, 0], [-step, 0], [0, step], [0, -step], [step, step], [-step, -step], [step, -step], [-step, step]]) {
				const c = cost(f0 + df, a0 + da);
				if (c < bestC) [bestC, best, moved] = [c, [f0 + df, a0 + da], true];
			}
			if (!moved) break;
		}
	}
	out.joints[`${side}ShoulderFlex`] = best[0];
	out.joints[`${side}ShoulderAbd`] = best[1];
	return out;
}

/** Bisection for an increasing function: the x in [lo, hi] where f(x) = target (clamped). */
function solve(f: (x: number) => number, target: number, lo: number, hi: number): number {
	let a = lo;
	let b = hi;
	if (f(a) >= target) return a;
	if (f(b) <= target) return b;
	for (let i = 0; i < 40; i++) {
		const m = (a + b) / 2;
		if (f(m) < target) a = m;
		else b = m;
	}
	return (a + b) / 2;
}

// ---------------------------------------------------------------------------------------------
// Prone: cobra and sphinx

export interface ProneSpec {
	/** Trunk line above the floor, degrees (cobra 25-60, sphinx 15-30, lying flat ~3). */
	liftDeg: number;
	/** Pelvis raised off the floor, metres (the cobra fault: "hips stay glued to the floor"). */
	hipLiftM?: number;
	/** Knees bent, degrees (the fault: legs not long). Default ~3. */
	kneeFlexDeg?: number;
	/** Extra neck and head extension, degrees (the fault: cranking the head back). */
	neckExtDeg?: number;
	/** Shoulders lifted towards the ears, degrees of shrug (the fault). */
	shrugDeg?: number;
	/**
	 * Arms: 'push' hands planted by the shoulders (at `hands` if given), 'sides' hands by the hips (no
	 * push), 'forearms' forearms flat on the floor, elbows under the shoulders (sphinx).
	 */
	arms?: 'push' | 'sides' | 'forearms';
	hands?: readonly [V3, V3];
}

function proneBase(yaw: number, s: ProneSpec, spine: number, hipFlex: number): BodyPose {
	const j: Partial<JointAngles> = {};
	// Lying face down the thighs slope from the hips (~10 cm up) to the knees (~5 cm), the shins lie
	// flat and the tops of the feet rest on the floor.
	for (const side of ['l', 'r'] as const) {
		j[`${side}HipFlex`] = 6 + hipFlex;
		j[`${side}KneeFlex`] = Math.max(6, s.kneeFlexDeg ?? 6);
		j[`${side}AnkleFlex`] = -62;
		j[`${side}HipAbd`] = 4;
	}
	j.lumbarFlex = -0.7 * spine;
	j.thoracicFlex = -0.3 * spine;
	const ext = s.neckExtDeg ?? 0;
	j.neckFlex = -8 - ext;
	j.headPitch = 5 - 0.8 * ext;
	j.shrug = s.shrugDeg ?? 0;
	return makePose(j, { yaw, pitch: 90 });
}

/**
 * A prone pose with the trunk at `spec.liftDeg` above the floor, hips down (or raised by
 * `hipLiftM`), legs long, arms as asked.
 */
export function pronePose(body: BodyDims, yaw: number, spec: ProneSpec, near?: BodyPose): BodyPose {
	const spine = solve((x) => trunkElevationOf(body, proneBase(yaw, spec, x, 0)), spec.liftDeg, -20, 110);
	const flat = ground(body, proneBase(yaw, spec, spine, 0), LOWER);
	let p = flat;
	const lift = spec.hipLiftM ?? 0;
	if (lift > 0) {
		const base = hipHeightOf(body, flat);
		// Legs angled down to the floor so the hips rise while knees and feet stay down.
		const flex = solve(
			(a) => hipHeightOf(body, ground(body, proneBase(yaw, spec, spine, a), LEGS_ONLY)) - base,
			lift,
			0,
			60
		);
		p = ground(body, proneBase(yaw, spec, spine, flex), LEGS_ONLY);
	}
	return placeProneArms(body, p, spec, near);
}

/** Where the hands go for a cobra at this pose: on the floor under the shoulders, a little forward. */
export function cobraHands(body: BodyDims, pose: BodyPose): [V3, V3] {
	const sk = forwardKinematics(body, pose);
	const { fwd, left } = axes(pose.root.yaw);
	const k = body.height / 1.72;
	const out: V3[] = [];
	for (const side of [1, -1] as const) {
		const sh = sk.points[side === 1 ? LM.leftShoulder : LM.rightShoulder];
		out.push(vadd(vadd([sh[0], 0.03 * k, sh[2]], vscale(fwd, 0.04 * k)), vscale(left, side * 0.03 * k)));
	}
	return [out[0], out[1]];
}

function placeProneArms(body: BodyDims, pose: BodyPose, spec: ProneSpec, near?: BodyPose): BodyPose {
	const arms = spec.arms ?? 'push';
	const sk = forwardKinematics(body, pose);
	const { fwd, left } = axes(pose.root.yaw);
	const k = body.height / 1.72;
	let p = pose;
	if (arms === 'push') {
		const hands = spec.hands ?? cobraHands(body, pose);
		for (const [i, side] of (['l', 'r'] as const).entries()) {
			p.joints[`${side}ShoulderRot`] = -10;
			p = near ? reachWristNear(body, p, side, hands[i], near) : reachWrist(body, p, side, hands[i]);
		}
	} else if (arms === 'sides') {
		for (const side of ['l', 'r'] as const) {
			const sign = side === 'l' ? 1 : -1;
			const hip = sk.points[side === 'l' ? LM.leftHip : LM.rightHip];
			const target = vadd(vadd([hip[0], 0.04 * k, hip[2]], vscale(fwd, 0.1 * k)), vscale(left, sign * 0.12 * k));
			p = near ? reachWristNear(body, p, side, target, near) : reachWrist(body, p, side, target);
		}
	} else {
		for (const side of ['l', 'r'] as const) {
			const sign = side === 'l' ? 1 : -1;
			const sh = sk.points[side === 'l' ? LM.leftShoulder : LM.rightShoulder];
			const elbow = vadd(vadd([sh[0], 0.04 * k, sh[2]], vscale(fwd, 0.05 * k)), vscale(left, sign * 0.02 * k));
			const wrist = vadd(elbow, vadd(vscale(fwd, body.forearm * 0.95), vscale(left, -sign * 0.05 * k)));
			p = placeForearm(body, p, side, elbow, wrist);
		}
	}
	return p;
}

// ---------------------------------------------------------------------------------------------
// Getting down to the floor from standing (stand, kneel, hands and knees, lie down)

/** Keyframe poses of getting down from standing to lying face down, before a prone stretch. */
export function getDownPoses(body: BodyDims, yaw: number): BodyPose[] {
	const standing = ground(body, makePose({ lShoulderAbd: 8, rShoulderAbd: 8, lElbowFlex: 10, rElbowFlex: 10 }, { yaw }), FEET);
	const kneelJ: Partial<JointAngles> = {};
	for (const s of ['l', 'r'] as const) {
		kneelJ[`${s}KneeFlex`] = 90;
		kneelJ[`${s}AnkleFlex`] = -40;
		kneelJ[`${s}ShoulderAbd`] = 8;
		kneelJ[`${s}ElbowFlex`] = 10;
	}
	const kneel = ground(body, makePose(kneelJ, { yaw }), LEGS_ONLY);
	const quadJ: Partial<JointAngles> = {};
	for (const s of ['l', 'r'] as const) {
		quadJ[`${s}HipFlex`] = 90;
		quadJ[`${s}KneeFlex`] = 90;
		quadJ[`${s}AnkleFlex`] = -40;
	}
	quadJ.neckFlex = -10;
	let quad = ground(body, makePose(quadJ, { yaw, pitch: 90 }), LEGS_ONLY);
	const sk = forwardKinematics(body, quad);
	for (const side of ['l', 'r'] as const) {
		const sh = sk.points[side === 'l' ? LM.leftShoulder : LM.rightShoulder];
		quad = reachWrist(body, quad, side, [sh[0], 0.03, sh[2]]);
	}
	return [standing, kneel, quad];
}

// ---------------------------------------------------------------------------------------------
// Standing back extension

export interface BackExtensionSpec {
	/** Trunk line back from vertical, degrees. */
	backDeg: number;
	kneeFlexDeg?: number;
	/** 'back': hands on the lower back, fingers down (domain); 'sides': arms hanging (the fault). */
	hands?: 'back' | 'sides';
}

function standingBase(yaw: number, s: BackExtensionSpec, bend: number): BodyPose {
	const j: Partial<JointAngles> = {};
	const pitch = -0.3 * bend;
	const knee = s.kneeFlexDeg ?? 3;
	for (const side of ['l', 'r'] as const) {
		j[`${side}KneeFlex`] = knee;
		j[`${side}HipFlex`] = pitch + knee / 2;
		j[`${side}HipAbd`] = 4;
		j[`${side}ShoulderAbd`] = 8;
		j[`${side}ElbowFlex`] = 10;
	}
	j.lumbarFlex = -0.5 * bend;
	j.thoracicFlex = -0.2 * bend;
	j.neckFlex = 0.3 * bend;
	const p = makePose(j, { yaw, pitch });
	// Feet flat on the floor.
	for (const side of ['l', 'r'] as const) p.joints[`${side}AnkleFlex`] = pitch - p.joints[`${side}HipFlex`] + knee;
	return p;
}

/**
 * A standing back extension with the trunk line `backDeg` behind vertical; `near` (another keyframe
 * of the set) keeps the arms on the same solution.
 */
export function backExtensionPose(body: BodyDims, yaw: number, spec: BackExtensionSpec, near?: BodyPose): BodyPose {
	const bend = solve((x) => trunkBackLeanOf(body, standingBase(yaw, spec, x)), spec.backDeg, -10, 120);
	let p = ground(body, standingBase(yaw, spec, bend), FEET);
	if ((spec.hands ?? 'back') === 'back') {
		const sk = forwardKinematics(body, p);
		const { fwd, left } = axes(yaw);
		const hm = midOf(sk.points, LM.leftHip, LM.rightHip);
		const sm = midOf(sk.points, LM.leftShoulder, LM.rightShoulder);
		const lumbar = vadd(hm, vscale(vsub(sm, hm), 0.2));
		const k = body.height / 1.72;
		for (const side of ['l', 'r'] as const) {
			const sign = side === 'l' ? 1 : -1;
			const target = vadd(vadd(lumbar, vscale(fwd, -0.12 * k)), vscale(left, sign * 0.07 * k));
			p.joints[`${side}ShoulderRot`] = 70;
			p = near ? reachWristNear(body, p, side, target, near) : reachWrist(body, p, side, target);
		}
	}
	return p;
}

// ---------------------------------------------------------------------------------------------
// Hanging

/**
 * Hanging from a bar, arms overhead, feet off the floor; `twistDeg` turns the hips and legs to the
 * person's left (+) or right (-) under a still chest (domain: "slowly rotate the body to each side").
 */
export function hangPose(body: BodyDims, yaw: number, twistDeg = 0, floorY?: number): BodyPose {
	const j: Partial<JointAngles> = {};
	for (const s of ['l', 'r'] as const) {
		j[`${s}ShoulderFlex`] = 176;
		j[`${s}ShoulderAbd`] = 14;
		j[`${s}ElbowFlex`] = 5;
		j[`${s}KneeFlex`] = 4;
		j[`${s}AnkleFlex`] = -25;
	}
	j.shrug = 15;
	j.lumbarTwist = -twistDeg;
	const p = makePose(j, { yaw: yaw + twistDeg });
	const g = ground(body, p);
	g.root.y = floorY ?? g.root.y + 0.15;
	return g;
}

/** Standing with the arms hanging, before reaching up to the bar. */
export function standingPose(body: BodyDims, yaw: number): BodyPose {
	return ground(body, makePose({ lShoulderAbd: 8, rShoulderAbd: 8, lElbowFlex: 10, rElbowFlex: 10 }, { yaw }), FEET);
}

// ---------------------------------------------------------------------------------------------
// Takes

export interface RepTruth {
	/** When the movement starts, reaches the top, starts back, and is back down (ms). */
	startT: number;
	topT: number;
	leaveT: number;
	endT: number;
	/** The angle reached (cobra: trunk above the floor; back extension: trunk behind vertical). */
	peakDeg: number;
	/** Faults put into this rep. */
	faults: string[];
}

export interface Take {
	frames: PoseFrame[];
	body: BodyDims;
	reps: RepTruth[];
	keyframes: Keyframe[];
}

export interface RenderOptions {
	rng: Rng;
	/** Camera yaw around the person: 90 side, 45 three-quarter, 0 front (sign random when view named). */
	view: 'side' | '45' | 'front' | number;
	fps?: number;
	noise?: NoiseSpec | false;
	world?: boolean;
	width?: number;
	height?: number;
	/** Camera elevation, degrees (default random -8..10). */
	pitch?: number;
}

/** A fixed camera framing `ref` (the pose the set is mostly in), rendering all poses. */
export function renderTake(body: BodyDims, keyframes: readonly Keyframe[], ref: BodyPose, o: RenderOptions): PoseFrame[] {
	const r = o.rng;
	const sideSign = r.chance(0.5) ? 1 : -1;
	const view =
		typeof o.view === 'number'
			? o.view
			: sideSign * (o.view === 'side' ? 90 : o.view === '45' ? 45 : 0) + r.normal(0, 3);
	const cam: CameraSpec = {
		view,
		pitch: o.pitch ?? r.uniform(-8, 10),
		fill: r.uniform(0.6, 0.8),
		fovDeg: r.uniform(58, 72),
		width: o.width ?? 1280,
		height: o.height ?? 720
	};
	const camera = makeCamera(forwardKinematics(body, ref), ref.root.yaw, cam);
	return sequence(keyframes, o.fps ?? 30).map((f) => {
		let rendered = project(forwardKinematics(body, f.pose), camera, r);
		if (o.noise !== false) rendered = addNoise(rendered, r, o.noise ?? {});
		const person = o.world
			? { landmarks: rendered.landmarks, worldLandmarks: rendered.worldLandmarks }
			: { landmarks: rendered.landmarks };
		return { t: f.t, people: [person], width: rendered.width, height: rendered.height };
	});
}

export interface CobraRep extends Omit<ProneSpec, 'liftDeg' | 'arms' | 'hands'> {
	peakDeg: number;
	riseMs?: number;
	holdMs?: number;
	lowerMs?: number;
	/** Lying flat before this rep. */
	restMs?: number;
	/** Arms by the sides (no push from the hands). */
	noPush?: boolean;
	/** The faults come and go during the hold (present in its middle third) instead of all along. */
	faultMidHold?: boolean;
}

const FLAT_DEG = 3;

/** Faults a cobra rep spec puts in, by the coach's fault names. */
export function cobraFaults(rep: CobraRep): string[] {
	const f: string[] = [];
	if ((rep.hipLiftM ?? 0) >= 0.15) f.push('hips_lifted');
	if (rep.noPush) f.push('arms_not_pushing');
	if ((rep.shrugDeg ?? 0) >= 25) f.push('shoulders_shrugged');
	if ((rep.neckExtDeg ?? 0) >= 35) f.push('neck_cranked');
	if ((rep.kneeFlexDeg ?? 0) >= 50) f.push('knees_bent');
	return f;
}

/**
 * A cobra set: lying face down (after getting down from standing when `fromStanding`), then each
 * rep: rest flat, rise to the peak, hold, lower. Faults are present at the top of their rep.
 */
export function cobraTake(
	body: BodyDims,
	reps: readonly CobraRep[],
	o: RenderOptions & { yaw?: number; fromStanding?: boolean; tailMs?: number }
): Take {
	const yaw = o.yaw ?? o.rng.uniform(-180, 180);
	const keys: Keyframe[] = [];
	let t = 0;
	if (o.fromStanding) {
		const [stand, kneel, quad] = getDownPoses(body, yaw);
		keys.push({ t: 0, pose: stand }, { t: 1000, pose: stand }, { t: 2200, pose: kneel }, { t: 3400, pose: quad });
		t = 4800;
	}
	const truth: RepTruth[] = [];
	let ref: BodyPose | null = null;
	/** The previous keyframe's arms, so that every keyframe's arms come from one IK solution family. */
	let prevArms: BodyPose | null = null;
	for (const rep of reps) {
		const clean = pronePose(body, yaw, { liftDeg: rep.peakDeg }, prevArms ?? undefined);
		const hands = cobraHands(body, clean);
		const top = pronePose(body, yaw, { ...rep, liftDeg: rep.peakDeg, arms: rep.noPush ? 'sides' : 'push', hands: rep.noPush ? undefined : hands }, clean);
		const flat = pronePose(body, yaw, { liftDeg: FLAT_DEG, arms: rep.noPush ? 'sides' : 'push', hands }, rep.noPush ? top : clean);
		ref ??= top;
		const rest = rep.restMs ?? 1500;
		const rise = rep.riseMs ?? 1800;
		const hold = rep.holdMs ?? 2500;
		const lower = rep.lowerMs ?? 1500;
		keys.push({ t, pose: flat });
		const startT = t + rest;
		keys.push({ t: startT, pose: flat });
		if (rep.faultMidHold) {
			const cleanTop = clean;
			keys.push({ t: startT + rise, pose: cleanTop });
			keys.push({ t: startT + rise + hold / 4, pose: clonePose(cleanTop) });
			keys.push({ t: startT + rise + (hold * 3) / 8, pose: top });
			keys.push({ t: startT + rise + (hold * 5) / 8, pose: clonePose(top) });
			keys.push({ t: startT + rise + (hold * 3) / 4, pose: clonePose(cleanTop) });
			keys.push({ t: startT + rise + hold, pose: clonePose(cleanTop) });
		} else {
			keys.push({ t: startT + rise, pose: top });
			keys.push({ t: startT + rise + hold, pose: clonePose(top) });
		}
		keys.push({ t: startT + rise + hold + lower, pose: flat });
		prevArms = flat;
		truth.push({
			startT,
			topT: startT + rise,
			leaveT: startT + rise + hold,
			endT: startT + rise + hold + lower,
			peakDeg: trunkElevationOf(body, top),
			faults: cobraFaults(rep)
		});
		t = startT + rise + hold + lower;
	}
	const last = keys[keys.length - 1].pose;
	keys.push({ t: t + (o.tailMs ?? 1500), pose: clonePose(last) });
	const frames = renderTake(body, keys, ref ?? last, o);
	return { frames, body, reps: truth, keyframes: keys };
}

export interface BackExtensionRep extends Omit<BackExtensionSpec, 'backDeg'> {
	peakDeg: number;
	bendMs?: number;
	holdMs?: number;
	returnMs?: number;
	restMs?: number;
}

/** Faults a back-extension rep spec puts in, by the coach's fault names. */
export function backExtensionFaults(rep: BackExtensionRep): string[] {
	const f: string[] = [];
	if ((rep.kneeFlexDeg ?? 0) >= 35) f.push('knees_bent');
	if (rep.hands === 'sides') f.push('hands_not_on_back');
	if ((rep.bendMs ?? 2500) < 800) f.push('too_fast');
	if ((rep.holdMs ?? 3000) < 600) f.push('no_hold');
	return f;
}

/** A standing back-extension set: stand tall, bend back, hold, return; repeat. */
export function backExtensionTake(body: BodyDims, reps: readonly BackExtensionRep[], o: RenderOptions & { yaw?: number }): Take {
	const yaw = o.yaw ?? o.rng.uniform(-180, 180);
	const keys: Keyframe[] = [];
	const truth: RepTruth[] = [];
	let t = 0;
	let ref: BodyPose | null = null;
	let prev: BodyPose | null = null;
	for (const rep of reps) {
		const upright = backExtensionPose(body, yaw, { backDeg: 0, kneeFlexDeg: rep.kneeFlexDeg, hands: rep.hands }, prev ?? undefined);
		prev = upright;
		const top = backExtensionPose(body, yaw, { backDeg: rep.peakDeg, kneeFlexDeg: rep.kneeFlexDeg, hands: rep.hands }, upright);
		ref ??= upright;
		const rest = rep.restMs ?? 1500;
		const bend = rep.bendMs ?? 2500;
		const hold = rep.holdMs ?? 3000;
		const back = rep.returnMs ?? 2000;
		keys.push({ t, pose: upright });
		const startT = t + rest;
		keys.push({ t: startT, pose: upright });
		keys.push({ t: startT + bend, pose: top });
		keys.push({ t: startT + bend + hold, pose: clonePose(top) });
		keys.push({ t: startT + bend + hold + back, pose: upright });
		truth.push({
			startT,
			topT: startT + bend,
			leaveT: startT + bend + hold,
			endT: startT + bend + hold + back,
			peakDeg: trunkBackLeanOf(body, top),
			faults: backExtensionFaults(rep)
		});
		t = startT + bend + hold + back;
	}
	const last = keys[keys.length - 1].pose;
	keys.push({ t: t + 1500, pose: clonePose(last) });
	return { frames: renderTake(body, keys, ref ?? last, o), body, reps: truth, keyframes: keys };
}

export interface HangPlan {
	/** Hang length, ms. */
	hangMs: number;
	/** Twists during the hang: degrees (+ left, - right) reached at `atMs` from the hang's start, held `holdMs`. */
	twists?: ReadonlyArray<{ deg: number; atMs: number; holdMs?: number }>;
}

/** Standing, reaching up, hanging (with slow twists), stepping down. */
export function hangTake(body: BodyDims, plan: HangPlan, o: RenderOptions & { yaw?: number }): Take & { hangFromT: number; hangToT: number } {
	const yaw = o.yaw ?? o.rng.uniform(-180, 180);
	const stand = standingPose(body, yaw);
	const hang = hangPose(body, yaw);
	const floorY = hang.root.y;
	const keys: Keyframe[] = [
		{ t: 0, pose: stand },
		{ t: 1500, pose: stand },
		{ t: 2700, pose: hang }
	];
	const from = 2700;
	let t = from;
	for (const tw of plan.twists ?? []) {
		const turnMs = 1500;
		const at = from + tw.atMs;
		keys.push({ t: Math.max(t, at - turnMs), pose: hangPose(body, yaw, 0, floorY) });
		keys.push({ t: at, pose: hangPose(body, yaw, tw.deg, floorY) });
		keys.push({ t: at + (tw.holdMs ?? 1000), pose: hangPose(body, yaw, tw.deg, floorY) });
		t = at + (tw.holdMs ?? 1000) + turnMs;
		keys.push({ t, pose: hangPose(body, yaw, 0, floorY) });
	}
	const to = from + plan.hangMs;
	keys.push({ t: Math.max(t, to), pose: hangPose(body, yaw, 0, floorY) });
	keys.push({ t: Math.max(t, to) + 1200, pose: stand });
	keys.push({ t: Math.max(t, to) + 2500, pose: stand });
	return { frames: renderTake(body, keys, hang, o), body, reps: [], keyframes: keys, hangFromT: from, hangToT: Math.max(t, to) };
}

/**
 * Prone on the elbows: lying flat, then sphinx for each segment's `holdMs`, with `breakMs` lying flat
 * (or out of frame when `awayMs`) between segments.
 */
export function sphinxTake(
	body: BodyDims,
	segments: ReadonlyArray<{ holdMs: number; breakMs?: number }>,
	o: RenderOptions & { yaw?: number; liftDeg?: number }
): Take & { segments: Array<{ fromT: number; toT: number }> } {
	const yaw = o.yaw ?? o.rng.uniform(-180, 180);
	const sphinx = pronePose(body, yaw, { liftDeg: o.liftDeg ?? 22, arms: 'forearms' });
	const flat = pronePose(body, yaw, { liftDeg: FLAT_DEG, arms: 'sides' });
	const keys: Keyframe[] = [{ t: 0, pose: flat }];
	const segs: Array<{ fromT: number; toT: number }> = [];
	let t = 1500;
	for (const s of segments) {
		keys.push({ t, pose: flat });
		const from = t + 1500;
		keys.push({ t: from, pose: sphinx });
		keys.push({ t: from + s.holdMs, pose: clonePose(sphinx) });
		segs.push({ fromT: from, toT: from + s.holdMs });
		t = from + s.holdMs + 1500;
		keys.push({ t, pose: flat });
		t += s.breakMs ?? 2000;
	}
	keys.push({ t, pose: flat });
	return { frames: renderTake(body, keys, sphinx, o), body, reps: [], keyframes: keys, segments: segs };
}

// ---------------------------------------------------------------------------------------------
// Degrading a take

/**
 * Landmark dropouts between `fromT` and `toT`: 'empty' frames (nobody found), or every landmark at
 * low visibility ('lowVis', the model unsure of a prone body).
 */
export function withDropout(frames: readonly PoseFrame[], fromT: number, toT: number, mode: 'empty' | 'lowVis' = 'empty'): PoseFrame[] {
	return frames.map((f) => {
		if (f.t < fromT || f.t >= toT) return f;
		if (mode === 'empty') return { ...f, people: [] };
		return {
			...f,
			people: f.people.map((p) => ({ landmarks: p.landmarks.map((l) => (l ? { ...l, visibility: 0.1 } : l)) }))
		};
	});
}
