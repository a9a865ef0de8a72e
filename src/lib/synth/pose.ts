/**
 * A body pose: named joint angles (degrees) plus the pelvis's position and orientation. Everything
 * a pose needs is plain numbers, so poses interpolate (see `sequence`) and serialise.
 *
 * Joint conventions (body frame: +x the person's left, +y up, +z forward):
 * - pelvis (root) pitch + tips the pelvis forward (bowing), roll + leans to the person's left, yaw
 *   turns the person to their left (about world up);
 * - lumbar/thoracic/neck flex + bends forward (flexion), - backward (extension); *Lateral + bends
 *   to the person's left; lumbarTwist + turns the chest to the left;
 * - headPitch + nods down; headYaw + turns the face to the left;
 * - shoulderProtraction + brings the shoulder points forward (rounded shoulders); shrug + lifts them;
 * - per side (prefix l/r): shoulderFlex + raises the arm forward (180 = overhead), shoulderAbd +
 *   raises it sideways, shoulderRot + turns the forearm's plane inward, elbowFlex 0 = straight;
 *   hipFlex + brings the thigh forward, hipAbd + spreads the leg out, hipRot + turns it inward,
 *   kneeFlex 0 = straight (+ bends the shank back), ankleFlex + lifts the toes (dorsiflexion).
 */

export const JOINTS = [
	'lumbarFlex',
	'lumbarLateral',
	'lumbarTwist',
	'thoracicFlex',
	'shoulderProtraction',
	'shrug',
	'neckFlex',
	'neckLateral',
	'headPitch',
	'headYaw',
	'lShoulderFlex',
	'lShoulderAbd',
	'lShoulderRot',
	'lElbowFlex',
	'rShoulderFlex',
	'rShoulderAbd',
	'rShoulderRot',
	'rElbowFlex',
	'lHipFlex',
	'lHipAbd',
	'lHipRot',
	'lKneeFlex',
	'lAnkleFlex',
	'rHipFlex',
	'rHipAbd',
	'rHipRot',
	'rKneeFlex',
	'rAnkleFlex'
] as const;

export type JointName = (typeof JOINTS)[number];
export type JointAngles = Record<JointName, number>;

export interface RootPose {
	/** Pelvis centre in metres, world frame (y up, floor at y = 0). */
	x: number;
	y: number;
	z: number;
	/** Degrees: yaw about world up, then pitch forward, then roll to the left. */
	yaw: number;
	pitch: number;
	roll: number;
}

export interface BodyPose {
	root: RootPose;
	joints: JointAngles;
}

/** Standing at attention: every joint angle 0, arms hanging, pelvis 1 m up facing +z. */
export function neutralPose(): BodyPose {
	const joints = {} as JointAngles;
	for (const j of JOINTS) joints[j] = 0;
	return { root: { x: 0, y: 1, z: 0, yaw: 0, pitch: 0, roll: 0 }, joints };
}

/** A pose from partial joints and root (the rest neutral). */
export function makePose(joints: Partial<JointAngles> = {}, root: Partial<RootPose> = {}): BodyPose {
	const p = neutralPose();
	Object.assign(p.joints, joints);
	Object.assign(p.root, root);
	return p;
}

export function clonePose(p: BodyPose): BodyPose {
	return { root: { ...p.root }, joints: { ...p.joints } };
}

/** Linear interpolation of every angle and the root (u = 0 gives a, 1 gives b). */
export function lerpPose(a: BodyPose, b: BodyPose, u: number): BodyPose {
	const out = neutralPose();
	for (const j of JOINTS) out.joints[j] = a.joints[j] + (b.joints[j] - a.joints[j]) * u;
	for (const k of ['x', 'y', 'z', 'yaw', 'pitch', 'roll'] as const)
		out.root[k] = a.root[k] + (b.root[k] - a.root[k]) * u;
	return out;
}
