/**
 * Minimal front-view skeleton for unit tests of tracking, temporal and workout logic
 * (the kinematic generator in src/lib/synth covers postures and views; this only needs
 * a person of a given size at a given place, optionally with different proportions).
 */
import type { Landmark, PersonPose } from '../pose/types';
import { LANDMARK_COUNT, LM } from '../pose/landmarks';

export interface FixturePersonOptions {
	/** Torso centre in aspect-corrected units (x * aspect, y). */
	cx: number;
	cy: number;
	/** Torso length (shoulder midpoint to hip midpoint), aspect-corrected units. */
	scale: number;
	aspect?: number;
	/** Multiplies the arm and leg lengths (a differently built person). */
	limbs?: number;
	/** Hide hips and legs (desk webcam). */
	upperBodyOnly?: boolean;
	/** Add to every landmark (aspect-corrected units), e.g. for motion. */
	offsets?: Partial<Record<number, { x: number; y: number }>>;
	/** Head drop (nose/eyes/ears lowered by this fraction of the scale). */
	headDrop?: number;
	visibility?: number;
}

export function fixturePerson(o: FixturePersonOptions): PersonPose {
	const s = o.scale;
	const a = o.aspect ?? 1;
	const limbs = o.limbs ?? 1;
	const drop = (o.headDrop ?? 0) * s;
	const pts: Array<[number, number, number]> = [
		[LM.nose, 0, -0.83 + drop / s],
		[LM.leftEyeInner, 0.04, -0.9 + drop / s],
		[LM.leftEye, 0.07, -0.9 + drop / s],
		[LM.leftEyeOuter, 0.09, -0.9 + drop / s],
		[LM.rightEyeInner, -0.04, -0.9 + drop / s],
		[LM.rightEye, -0.07, -0.9 + drop / s],
		[LM.rightEyeOuter, -0.09, -0.9 + drop / s],
		[LM.leftEar, 0.13, -0.86 + drop / s],
		[LM.rightEar, -0.13, -0.86 + drop / s],
		[LM.mouthLeft, 0.04, -0.78 + drop / s],
		[LM.mouthRight, -0.04, -0.78 + drop / s],
		[LM.leftShoulder, 0.38, -0.5],
		[LM.rightShoulder, -0.38, -0.5],
		[LM.leftElbow, 0.42, -0.5 + 0.6 * limbs],
		[LM.rightElbow, -0.42, -0.5 + 0.6 * limbs],
		[LM.leftWrist, 0.44, -0.5 + 1.1 * limbs],
		[LM.rightWrist, -0.44, -0.5 + 1.1 * limbs],
		[LM.leftPinky, 0.45, -0.5 + 1.2 * limbs],
		[LM.rightPinky, -0.45, -0.5 + 1.2 * limbs],
		[LM.leftIndex, 0.44, -0.5 + 1.22 * limbs],
		[LM.rightIndex, -0.44, -0.5 + 1.22 * limbs],
		[LM.leftThumb, 0.42, -0.5 + 1.18 * limbs],
		[LM.rightThumb, -0.42, -0.5 + 1.18 * limbs],
		[LM.leftHip, 0.2, 0.5],
		[LM.rightHip, -0.2, 0.5],
		[LM.leftKnee, 0.21, 0.5 + 0.9 * limbs],
		[LM.rightKnee, -0.21, 0.5 + 0.9 * limbs],
		[LM.leftAnkle, 0.22, 0.5 + 1.8 * limbs],
		[LM.rightAnkle, -0.22, 0.5 + 1.8 * limbs],
		[LM.leftHeel, 0.23, 0.5 + 1.85 * limbs],
		[LM.rightHeel, -0.23, 0.5 + 1.85 * limbs],
		[LM.leftFootIndex, 0.26, 0.5 + 1.9 * limbs],
		[LM.rightFootIndex, -0.26, 0.5 + 1.9 * limbs]
	];
	const landmarks: Array<Landmark | null> = new Array(LANDMARK_COUNT).fill(null);
	for (const [i, dx, dy] of pts) {
		if (o.upperBodyOnly && i >= LM.leftHip) continue;
		const off = o.offsets?.[i] ?? { x: 0, y: 0 };
		landmarks[i] = {
			x: (o.cx + dx * s + off.x) / a,
			y: o.cy + dy * s + off.y,
			z: 0,
			visibility: o.visibility ?? 0.99
		};
	}
	return { landmarks };
}
