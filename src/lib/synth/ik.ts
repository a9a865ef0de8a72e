/**
 * Tiny inverse kinematics for placing hands: numeric, robust, and only used by presets.
 * The arm chain is the one of `forwardKinematics` (chest frame, then abduction, flexion, rotation,
 * elbow bend), evaluated on its own so that a search costs microseconds.
 */
import { LM } from '../pose/landmarks';
import type { BodyDims } from './body';
import { forwardKinematics } from './kinematics';
import { clonePose, type BodyPose } from './pose';
import { apply, mulAll, rotX, rotY, rotZ, vadd, vlen, vsub, type M3, type V3 } from './math';

type ArmSide = 'l' | 'r';

interface ArmChain {
	shoulder: V3;
	chest: M3;
	sign: 1 | -1;
	a: number;
	b: number;
}

function chainOf(body: BodyDims, pose: BodyPose, side: ArmSide): ArmChain {
	const sk = forwardKinematics(body, pose);
	return {
		shoulder: sk.points[side === 'l' ? LM.leftShoulder : LM.rightShoulder],
		chest: sk.chest,
		sign: side === 'l' ? 1 : -1,
		a: body.upperArm,
		b: body.forearm
	};
}

function armPoints(c: ArmChain, flex: number, abd: number, rot: number, elbowFlex: number) {
	const Ra = mulAll(c.chest, rotZ(c.sign * abd), rotX(-flex), rotY(c.sign * rot));
	const elbow = vadd(c.shoulder, apply(Ra, [0, -c.a, 0]));
	const wrist = vadd(elbow, apply(mulAll(Ra, rotX(-elbowFlex)), [0, -c.b, 0]));
	return { elbow, wrist };
}

/** Coarse-to-fine grid search of two angles minimising `cost`. */
function search2(
	cost: (a: number, b: number) => number,
	aRange: [number, number],
	bRange: [number, number]
): [number, number] {
	let best: [number, number] = [aRange[0], bRange[0]];
	let bestC = Infinity;
	for (let a = aRange[0]; a <= aRange[1]; a += 10)
		for (let b = bRange[0]; b <= bRange[1]; b += 10) {
			const c = cost(a, b);
			if (c < bestC) [bestC, best] = [c, [a, b]];
		}
	for (const step of [5, 2, 1, 0.5]) {
		const [a0, b0] = best;
		for (let da = -2; da <= 2; da++)
			for (let db = -2; db <= 2; db++) {
				const a = a0 + da * step;
				const b = b0 + db * step;
				const c = cost(a, b);
				if (c < bestC) [bestC, best] = [c, [a, b]];
			}
	}
	return best;
}

/**
 * Puts a wrist on `target` (world metres): the elbow bend comes from the distance, then the
 * shoulder's flexion and abduction are searched. Keeps the arm's rotation (shoulderRot), which
 * decides where the elbow points. Unreachable targets get a straight arm pointing at them.
 */
export function reachWrist(body: BodyDims, pose: BodyPose, side: ArmSide, target: V3): BodyPose {
	const out = clonePose(pose);
	const c = chainOf(body, out, side);
	const d = vlen(vsub(target, c.shoulder));
	const cosE = Math.max(-1, Math.min(1, (d * d - c.a * c.a - c.b * c.b) / (2 * c.a * c.b)));
	const e = (Math.acos(cosE) * 180) / Math.PI;
	const rot = out.joints[`${side}ShoulderRot`];
	const [flex, abd] = search2(
		(f, ab) => vlen(vsub(armPoints(c, f, ab, rot, e).wrist, target)),
		[-90, 230],
		[-40, 180]
	);
	out.joints[`${side}ElbowFlex`] = e;
	out.joints[`${side}ShoulderFlex`] = flex;
	out.joints[`${side}ShoulderAbd`] = abd;
	return out;
}

/**
 * Puts an elbow on `elbowTarget` (aiming the upper arm), then bends the elbow and turns the arm
 * so that the wrist comes as near as it can to `wristTarget` (forearms on the floor in sphinx).
 */
export function placeForearm(
	body: BodyDims,
	pose: BodyPose,
	side: ArmSide,
	elbowTarget: V3,
	wristTarget: V3
): BodyPose {
	const out = clonePose(pose);
	const c = chainOf(body, out, side);
	const [flex, abd] = search2(
		(f, ab) => vlen(vsub(armPoints(c, f, ab, 0, 0).elbow, elbowTarget)),
		[-90, 230],
		[-40, 180]
	);
	const [e, rot] = search2(
		(ef, r) => vlen(vsub(armPoints(c, flex, abd, r, ef).wrist, wristTarget)),
		[0, 160],
		[-90, 90]
	);
	out.joints[`${side}ShoulderFlex`] = flex;
	out.joints[`${side}ShoulderAbd`] = abd;
	out.joints[`${side}ElbowFlex`] = e;
	out.joints[`${side}ShoulderRot`] = rot;
	return out;
}
