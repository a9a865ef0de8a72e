/**
 * Helpers for the feature tests: people drawn point by point, or posed on the skeleton model and
 * photographed from a chosen side without noise.
 */
import type { Landmark, PersonPose } from '../pose/types';
import { LM, LANDMARK_COUNT, type LandmarkName } from '../pose/landmarks';
import { averageBody } from '../synth/body';
import { makeCamera, project } from '../synth/camera';
import { forwardKinematics, ground } from '../synth/kinematics';
import { makePose, type JointAngles, type RootPose } from '../synth/pose';
import { prepareBody } from './body';
import type { Body } from './types';

/** A person from named image points ([x, y] in 0..1, optional visibility); the rest null. */
export function drawn(points: Partial<Record<LandmarkName, [number, number] | [number, number, number]>>): PersonPose {
	const landmarks: Array<Landmark | null> = new Array(LANDMARK_COUNT).fill(null);
	for (const [name, p] of Object.entries(points)) {
		const [x, y, visibility] = p as number[];
		landmarks[LM[name as LandmarkName]] = visibility === undefined ? { x, y } : { x, y, visibility };
	}
	return { landmarks };
}

/**
 * Head and shoulders facing a desk webcam, square on (image landmarks, the rest null): shoulders 0.4 apart
 * at y 0.8, nose at the middle 0.3 above them, ears 0.16 apart at 0.28 above, eyes 0.06 apart above the nose.
 */
export function deskFace(): Array<Landmark | null> {
	const lm: Array<Landmark | null> = new Array(LANDMARK_COUNT).fill(null);
	lm[LM.leftShoulder] = { x: 0.7, y: 0.8 };
	lm[LM.rightShoulder] = { x: 0.3, y: 0.8 };
	lm[LM.nose] = { x: 0.5, y: 0.5 };
	lm[LM.leftEar] = { x: 0.58, y: 0.52 };
	lm[LM.rightEar] = { x: 0.42, y: 0.52 };
	lm[LM.leftEye] = { x: 0.53, y: 0.48 };
	lm[LM.rightEye] = { x: 0.47, y: 0.48 };
	return lm;
}

/** A prepared body from named image points. */
export function drawnBody(points: Parameters<typeof drawn>[0], aspect = 1): Body {
	return prepareBody(drawn(points), aspect);
}

export interface Photo {
	person: PersonPose;
	aspect: number;
	body: Body;
}

/**
 * The average adult in a pose, grounded, photographed without noise from `view` degrees around
 * (0 front, 90 their left side, 45 three-quarter), 640x480, whole body in frame. `world` hands
 * over world landmarks only (then features are true 3-D; with image landmarks too, those win).
 */
export function photo(
	joints: Partial<JointAngles>,
	view: number,
	opts: { root?: Partial<RootPose>; world?: boolean; ground?: boolean } = {}
): Photo {
	const body = averageBody();
	let pose = makePose(joints, opts.root ?? {});
	if (opts.ground !== false) pose = ground(body, pose);
	const sk = forwardKinematics(body, pose);
	const cam = makeCamera(sk, pose.root.yaw, { view, pitch: 5, fill: 0.8, width: 640, height: 480 });
	const r = project(sk, cam);
	const person: PersonPose = opts.world
		? { landmarks: [], worldLandmarks: r.worldLandmarks }
		: { landmarks: r.landmarks };
	const aspect = 640 / 480;
	return { person, aspect, body: prepareBody(person, aspect) };
}

/** Standing tall, arms hanging. */
export const STAND: Partial<JointAngles> = { lShoulderAbd: 8, rShoulderAbd: 8, lElbowFlex: 10, rElbowFlex: 10 };

/** Bent forward at the hips by `deg` with straight legs and the thighs kept vertical. */
export function bent(deg: number): { joints: Partial<JointAngles>; root: Partial<RootPose> } {
	return { joints: { ...STAND, lHipFlex: deg, rHipFlex: deg, lAnkleFlex: 0, rAnkleFlex: 0 }, root: { pitch: deg } };
}

/** Sitting on a chair: thighs level, shins vertical. */
export const SIT: Partial<JointAngles> = {
	lHipFlex: 90,
	rHipFlex: 90,
	lKneeFlex: 90,
	rKneeFlex: 90,
	lShoulderFlex: 30,
	rShoulderFlex: 30,
	lElbowFlex: 80,
	rElbowFlex: 80
};
