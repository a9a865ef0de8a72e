/**
 * Forward kinematics: joint angles to the 33 MediaPipe landmark positions in world metres
 * (y up, floor at y = 0).
 */
import { LM, LANDMARK_COUNT } from '../pose/landmarks';
import type { BodyDims } from './body';
import type { BodyPose } from './pose';
import { apply, mulAll, rotX, rotY, rotZ, vadd, type M3, type V3 } from './math';

/** A built-in forward tilt of the neck in a neutral stance (ear slightly ahead of the shoulder). */
export const NEUTRAL_NECK_DEG = 10;

export interface Skeleton {
	/** World positions of the 33 landmarks. */
	points: V3[];
	/** Orientation of the upper trunk (its +x is the person's left), for occlusion estimates. */
	chest: M3;
	pelvis: M3;
}

const at = (o: V3, m: M3, v: V3): V3 => vadd(o, apply(m, v));

export function forwardKinematics(body: BodyDims, pose: BodyPose): Skeleton {
	const j = pose.joints;
	const r = pose.root;
	const pts: V3[] = new Array(LANDMARK_COUNT);
	const root: V3 = [r.x, r.y, r.z];
	const Rp = mulAll(rotY(r.yaw), rotX(r.pitch), rotZ(-r.roll));

	// Pelvis and legs.
	const hw = body.hipWidth / 2;
	for (const side of [1, -1] as const) {
		const p = side === 1 ? 'l' : 'r';
		const hip = at(root, Rp, [side * hw, 0, 0]);
		const Rth = mulAll(
			Rp,
			rotZ(side * j[`${p}HipAbd`]),
			rotX(-j[`${p}HipFlex`]),
			rotY(-side * j[`${p}HipRot`])
		);
		const knee = at(hip, Rth, [0, -body.thigh, 0]);
		const Rsh = mulAll(Rth, rotX(j[`${p}KneeFlex`]));
		const ankle = at(knee, Rsh, [0, -body.shank, 0]);
		const Rft = mulAll(Rsh, rotX(-j[`${p}AnkleFlex`]));
		const ah = body.ankleHeight;
		const heel = at(ankle, Rft, [0, -ah * 0.85, -body.foot * 0.25]);
		const toe = at(ankle, Rft, [0, -ah * 0.9, body.foot * 0.72]);
		pts[side === 1 ? LM.leftHip : LM.rightHip] = hip;
		pts[side === 1 ? LM.leftKnee : LM.rightKnee] = knee;
		pts[side === 1 ? LM.leftAnkle : LM.rightAnkle] = ankle;
		pts[side === 1 ? LM.leftHeel : LM.rightHeel] = heel;
		pts[side === 1 ? LM.leftFootIndex : LM.rightFootIndex] = toe;
	}

	// Spine: lumbar bend at the pelvis, thoracic bend at mid-back.
	const Rl = mulAll(Rp, rotX(j.lumbarFlex), rotZ(-j.lumbarLateral), rotY(j.lumbarTwist));
	const midBack = at(root, Rl, [0, body.lumbar, 0]);
	const Rt = mulAll(Rl, rotX(j.thoracicFlex));
	const chest = at(midBack, Rt, [0, body.thoracic, 0]);

	// Shoulders: rounded forward (protraction) and lifted (shrug) about the spine.
	const sw = body.shoulderWidth / 2;
	const pr = (j.shoulderProtraction * Math.PI) / 180;
	const sh = (j.shrug * Math.PI) / 180;
	for (const side of [1, -1] as const) {
		const p = side === 1 ? 'l' : 'r';
		const shoulder = at(chest, Rt, [
			side * sw * Math.cos(pr) * Math.cos(sh),
			sw * Math.sin(sh),
			sw * Math.sin(pr)
		]);
		const Ra = mulAll(
			Rt,
			rotZ(side * j[`${p}ShoulderAbd`]),
			rotX(-j[`${p}ShoulderFlex`]),
			rotY(side * j[`${p}ShoulderRot`])
		);
		const elbow = at(shoulder, Ra, [0, -body.upperArm, 0]);
		const Rf = mulAll(Ra, rotX(-j[`${p}ElbowFlex`]));
		const wrist = at(elbow, Rf, [0, -body.forearm, 0]);
		const hl = body.hand;
		// Palms facing the thighs when the arm hangs: thumb forward, pinky back.
		pts[side === 1 ? LM.leftShoulder : LM.rightShoulder] = shoulder;
		pts[side === 1 ? LM.leftElbow : LM.rightElbow] = elbow;
		pts[side === 1 ? LM.leftWrist : LM.rightWrist] = wrist;
		pts[side === 1 ? LM.leftIndex : LM.rightIndex] = at(wrist, Rf, [0, -hl, hl * 0.3]);
		pts[side === 1 ? LM.leftPinky : LM.rightPinky] = at(wrist, Rf, [0, -hl * 0.85, -hl * 0.3]);
		pts[side === 1 ? LM.leftThumb : LM.rightThumb] = at(wrist, Rf, [0, -hl * 0.5, hl * 0.7]);
	}

	// Neck and head.
	const neckBase = at(chest, Rt, [0, 0.01 * body.head, -0.01 * body.head]);
	const Rn = mulAll(Rt, rotX(NEUTRAL_NECK_DEG + j.neckFlex), rotZ(-j.neckLateral));
	const ears = at(neckBase, Rn, [0, body.neck, 0]);
	const Rh = mulAll(Rn, rotX(-NEUTRAL_NECK_DEG + j.headPitch), rotY(j.headYaw));
	const h = body.head;
	const face = (v: V3): V3 => at(ears, Rh, [v[0] * h, v[1] * h, v[2] * h]);
	pts[LM.nose] = face([0, -0.025, 0.105]);
	pts[LM.leftEyeInner] = face([0.015, 0.005, 0.085]);
	pts[LM.leftEye] = face([0.032, 0.006, 0.08]);
	pts[LM.leftEyeOuter] = face([0.047, 0.006, 0.07]);
	pts[LM.rightEyeInner] = face([-0.015, 0.005, 0.085]);
	pts[LM.rightEye] = face([-0.032, 0.006, 0.08]);
	pts[LM.rightEyeOuter] = face([-0.047, 0.006, 0.07]);
	pts[LM.leftEar] = face([0.075, 0, 0]);
	pts[LM.rightEar] = face([-0.075, 0, 0]);
	pts[LM.mouthLeft] = face([0.024, -0.06, 0.088]);
	pts[LM.mouthRight] = face([-0.024, -0.06, 0.088]);
	return { points: pts, chest: Rt, pelvis: Rp };
}

/** How far each landmark's body surface reaches below its centre (m at 1.72 m), for grounding. */
export const SURFACE_RADIUS: Record<number, number> = {
	[LM.nose]: 0.04,
	[LM.leftEar]: 0.08,
	[LM.rightEar]: 0.08,
	[LM.leftShoulder]: 0.07,
	[LM.rightShoulder]: 0.07,
	[LM.leftElbow]: 0.04,
	[LM.rightElbow]: 0.04,
	[LM.leftWrist]: 0.03,
	[LM.rightWrist]: 0.03,
	[LM.leftHip]: 0.1,
	[LM.rightHip]: 0.1,
	[LM.leftKnee]: 0.05,
	[LM.rightKnee]: 0.05,
	[LM.leftAnkle]: 0.04,
	[LM.rightAnkle]: 0.04,
	[LM.leftHeel]: 0,
	[LM.rightHeel]: 0,
	[LM.leftFootIndex]: 0.01,
	[LM.rightFootIndex]: 0.01
};

/**
 * Moves the pose up or down so that its lowest body surface touches the floor (y = 0). `only`
 * limits which landmarks may touch (e.g. exclude the hands while placing them afterwards).
 */
export function ground(body: BodyDims, pose: BodyPose, only?: readonly number[]): BodyPose {
	const sk = forwardKinematics(body, pose);
	const k = body.height / 1.72;
	let low = Infinity;
	for (const [key, rad] of Object.entries(SURFACE_RADIUS)) {
		const i = Number(key);
		if (only && !only.includes(i)) continue;
		low = Math.min(low, sk.points[i][1] - rad * k);
	}
	if (!Number.isFinite(low)) return pose;
	return { root: { ...pose.root, y: pose.root.y - low }, joints: pose.joints };
}
