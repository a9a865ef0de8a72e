/**
 * Pose presets for every posture class, randomised per call (the ranges are the point: people do
 * each pose differently). Angles follow `pose.ts`. Each preset names the label the classifier
 * should give it.
 */
import { LM } from '../pose/landmarks';
import type { PostureLabel } from '../posture/types';
import type { BodyDims } from './body';
import { forwardKinematics, ground } from './kinematics';
import { reachWrist, placeForearm } from './ik';
import { makePose, type BodyPose, type JointAngles } from './pose';
import { apply, rotY, vadd, vlen, vscale, vsub, vnorm, type Rng, type V3 } from './math';

export interface Preset {
	/** What the still classifier should say. */
	label: PostureLabel;
	/** Other labels that are not wrong for this pose (reported, not failed). */
	alsoOk?: readonly PostureLabel[];
	/** Poses a desk webcam (head and shoulders only) can show. */
	desk?: boolean;
	/** Views the pose is meant to be seen from (default all). Prone poses need the side (domain). */
	views?: readonly ViewName[];
	make(r: Rng, body: BodyDims): BodyPose;
}

export type ViewName = 'front' | 'side' | '45';

const FEET = [LM.leftHeel, LM.rightHeel, LM.leftFootIndex, LM.rightFootIndex];
const LOWER = [
	LM.leftHip,
	LM.rightHip,
	LM.leftKnee,
	LM.rightKnee,
	LM.leftAnkle,
	LM.rightAnkle,
	...FEET
];

/** Sets both ankles so that the feet lie flat (foot square to the floor) given pelvis and legs. */
function flatFeet(p: BodyPose): BodyPose {
	for (const s of ['l', 'r'] as const) {
		const shankWorld = p.root.pitch - p.joints[`${s}HipFlex`] + p.joints[`${s}KneeFlex`];
		p.joints[`${s}AnkleFlex`] = shankWorld;
	}
	return p;
}

/** Standing legs under a pelvis pitched by `pitch`, knees bent by `knee` (thighs forward half). */
function standingLegs(j: Partial<JointAngles>, pitch: number, knee: number, r: Rng) {
	for (const s of ['l', 'r'] as const) {
		const k = Math.max(0, knee + r.normal(0, 3));
		j[`${s}KneeFlex`] = k;
		j[`${s}HipFlex`] = pitch + k / 2 + r.normal(0, 2);
		j[`${s}HipAbd`] = r.uniform(0, 8);
	}
}

/** A natural standing arm: hanging, slightly forward and bent. */
function hangingArms(j: Partial<JointAngles>, r: Rng) {
	for (const s of ['l', 'r'] as const) {
		j[`${s}ShoulderFlex`] = r.uniform(-5, 15);
		j[`${s}ShoulderAbd`] = r.uniform(3, 15);
		j[`${s}ElbowFlex`] = r.uniform(5, 30);
	}
}

/** Which way the person faces (unit, horizontal) and their left, for a pose. */
function facing(p: BodyPose): { fwd: V3; left: V3 } {
	const fwd = apply(rotY(p.root.yaw), [0, 0, 1]);
	const left = apply(rotY(p.root.yaw), [1, 0, 0]);
	return { fwd, left };
}

const yaw = (r: Rng) => r.uniform(-180, 180);

/** Upright standing trunk with small natural variation. */
function uprightTrunk(j: Partial<JointAngles>, r: Rng) {
	j.lumbarFlex = r.normal(0, 3);
	j.thoracicFlex = r.uniform(0, 10);
	j.shoulderProtraction = r.uniform(0, 6);
	j.neckFlex = r.uniform(-5, 10);
	j.headPitch = -(j.neckFlex! + j.thoracicFlex!) * r.uniform(0.5, 1) + r.normal(0, 5);
	j.lumbarLateral = r.normal(0, 2);
}

function standing(r: Rng, body: BodyDims, j: Partial<JointAngles>, pitch: number, knee: number) {
	standingLegs(j, pitch, knee, r);
	const p = flatFeet(makePose(j, { yaw: yaw(r), pitch }));
	return ground(body, p, FEET);
}

/** Seated on an (invisible) chair: thighs level, shanks near vertical, feet on the floor. */
function seated(r: Rng, body: BodyDims, j: Partial<JointAngles>, pitch: number): BodyPose {
	for (const s of ['l', 'r'] as const) {
		const thigh = r.uniform(80, 100);
		j[`${s}HipFlex`] = pitch + thigh;
		j[`${s}KneeFlex`] = thigh + r.uniform(-15, 20);
		j[`${s}HipAbd`] = r.uniform(0, 12);
	}
	const p = flatFeet(makePose(j, { yaw: yaw(r), pitch }));
	return ground(body, p, FEET);
}

/** Seated arm variants: hands on the desk, in the lap, or resting on the knees. */
function seatedArms(p: BodyPose, body: BodyDims, r: Rng, allowKnees = true): BodyPose {
	const v = r.pick(allowKnees ? ['desk', 'lap', 'knees', 'desk'] : ['desk', 'lap']);
	if (v === 'desk') {
		for (const s of ['l', 'r'] as const) {
			p.joints[`${s}ShoulderFlex`] = r.uniform(20, 50);
			p.joints[`${s}ShoulderAbd`] = r.uniform(5, 20);
			p.joints[`${s}ElbowFlex`] = r.uniform(60, 100);
		}
		return p;
	}
	const sk = forwardKinematics(body, p);
	let out = p;
	for (const s of ['l', 'r'] as const) {
		const hip = sk.points[s === 'l' ? LM.leftHip : LM.rightHip];
		const knee = sk.points[s === 'l' ? LM.leftKnee : LM.rightKnee];
		const u = v === 'knees' ? r.uniform(0.8, 0.95) : r.uniform(0.35, 0.6);
		const target = vadd(vadd(hip, vscale(vsub(knee, hip), u)), [0, 0.08, 0]);
		out = reachWrist(body, out, s, target);
	}
	return out;
}

/** Standing arm variants that keep the back upright. */
function standingArms(p: BodyPose, body: BodyDims, r: Rng): BodyPose {
	const v = r.pick(['hang', 'hang', 'akimbo', 'crossed', 'phone']);
	if (v === 'hang') {
		hangingArms(p.joints, r);
		return p;
	}
	const sk = forwardKinematics(body, p);
	const { fwd, left } = facing(p);
	let out = p;
	for (const s of ['l', 'r'] as const) {
		const sign = s === 'l' ? 1 : -1;
		const hip = sk.points[s === 'l' ? LM.leftHip : LM.rightHip];
		const sh = sk.points[s === 'l' ? LM.leftShoulder : LM.rightShoulder];
		let target: V3;
		if (v === 'akimbo') {
			out.joints[`${s}ShoulderRot`] = -30;
			target = vadd(vadd(hip, vscale(left, sign * 0.06)), [0, 0.1, 0]);
		} else if (v === 'crossed') {
			const other = sk.points[s === 'l' ? LM.rightElbow : LM.leftElbow];
			target = vadd(vadd(vscale(vadd(other, sh), 0.5), vscale(fwd, 0.12)), [0, -0.12, 0]);
		} else {
			const chest = vscale(vadd(sk.points[LM.leftShoulder], sk.points[LM.rightShoulder]), 0.5);
			target = vadd(vadd(chest, vscale(fwd, 0.3)), [0, -0.2, 0]);
		}
		out = reachWrist(body, out, s, target);
	}
	return out;
}

function lookForward(j: Partial<JointAngles>, r: Rng) {
	const bend = (j.neckFlex ?? 0) + (j.thoracicFlex ?? 0) + (j.lumbarFlex ?? 0);
	j.headPitch = -bend * r.uniform(0.4, 0.9) + r.normal(0, 5);
}

export const PRESETS = {
	standing_upright: {
		label: 'upright',
		make(r, body) {
			const j: Partial<JointAngles> = {};
			uprightTrunk(j, r);
			return standingArms(standing(r, body, j, r.normal(0, 3), r.uniform(0, 8)), body, r);
		}
	},
	sitting_upright: {
		label: 'upright',
		desk: true,
		make(r, body) {
			const j: Partial<JointAngles> = {};
			uprightTrunk(j, r);
			// Sitting tall or leaning back on the backrest with a straight back (reclined 100-110
			// degrees is an ergonomic recommendation, not a slump).
			const pitch = r.chance(0.3) ? r.uniform(-18, -5) : r.uniform(-4, 8);
			return seatedArms(seated(r, body, j, pitch), body, r);
		}
	},
	sitting_slouched: {
		label: 'slouched',
		desk: true,
		make(r, body) {
			const j: Partial<JointAngles> = {};
			let pitch: number;
			if (r.chance(0.5)) {
				// Hunched towards the screen: rounded back, head pushed forward.
				pitch = r.uniform(-5, 10);
				j.lumbarFlex = r.uniform(8, 20);
				j.thoracicFlex = r.uniform(15, 30);
				j.neckFlex = r.uniform(10, 25);
			} else {
				// Slumped back: pelvis rolled back, back rounded, chin forward.
				pitch = r.uniform(-25, -12);
				j.lumbarFlex = r.uniform(10, 20);
				j.thoracicFlex = r.uniform(20, 35);
				j.neckFlex = r.uniform(10, 25);
			}
			j.shoulderProtraction = r.uniform(8, 20);
			lookForward(j, r);
			return seatedArms(seated(r, body, j, pitch), body, r, false);
		}
	},
	standing_slouched: {
		label: 'slouched',
		make(r, body) {
			const j: Partial<JointAngles> = {};
			j.lumbarFlex = r.uniform(0, 8);
			j.thoracicFlex = r.uniform(20, 35);
			j.neckFlex = r.uniform(12, 28);
			j.shoulderProtraction = r.uniform(10, 22);
			lookForward(j, r);
			hangingArms(j, r);
			return standing(r, body, j, r.uniform(-8, 2), r.uniform(0, 10));
		}
	},
	hands_on_knees: {
		label: 'hands_on_knees',
		make(r, body) {
			// The post-sprint rest: bent at the hips, knees a little bent, hands braced on the knees.
			// Includes the bow with straighter legs and a flat back (the real photos' "ruku").
			const trunk = r.uniform(45, 95);
			const j: Partial<JointAngles> = {};
			j.lumbarFlex = r.uniform(0, 15);
			j.thoracicFlex = r.uniform(0, 20);
			const pitch = Math.max(15, trunk - j.lumbarFlex - 0.6 * j.thoracicFlex);
			j.neckFlex = r.uniform(-25, 15);
			j.headPitch = r.uniform(-25, 10);
			// Reaching down, the shoulder blades slide forward and down towards the hands.
			j.shoulderProtraction = r.uniform(15, 35);
			j.shrug = -r.uniform(10, 30);
			// Less bent at the hips means more bent at the knees, or the hands could not reach.
			const knee =
				trunk > 75 && r.chance(0.4) ? r.uniform(0, 12) : r.uniform(15, 35) + Math.max(0, 70 - trunk) * 0.6;
			let p = standing(r, body, j, pitch, knee);
			const sk = forwardKinematics(body, p);
			const { fwd, left } = facing(p);
			const reach = body.upperArm + body.forearm;
			for (const s of ['l', 'r'] as const) {
				const sign = s === 'l' ? 1 : -1;
				const knee3 = sk.points[s === 'l' ? LM.leftKnee : LM.rightKnee];
				const hip = sk.points[s === 'l' ? LM.leftHip : LM.rightHip];
				const sh = sk.points[s === 'l' ? LM.leftShoulder : LM.rightShoulder];
				// The palm on the knee or the lower thigh: the wrist a little up the thigh, on top of it;
				// further up the thigh when the knee is out of reach.
				let u = r.uniform(0.08, 0.3);
				const at = (k: number) =>
					vadd(
						vadd(vadd(knee3, vscale(vsub(hip, knee3), k)), vscale(fwd, r.uniform(0.02, 0.06))),
						vscale(left, sign * r.uniform(-0.03, 0.04))
					);
				let target = at(u);
				while (u < 0.6 && vlen(vsub(target, sh)) > reach * 0.97) target = at((u += 0.05));
				p.joints[`${s}ShoulderRot`] = r.uniform(-20, 20);
				p = reachWrist(body, p, s, target);
			}
			return p;
		}
	},
	forward_fold: {
		label: 'forward_fold',
		make(r, body) {
			const j: Partial<JointAngles> = {};
			// Toe touch: the trunk hangs past horizontal (>~105 degrees from vertical) over straight legs.
			const pitch = r.uniform(75, 110);
			j.lumbarFlex = r.uniform(15, 35);
			j.thoracicFlex = r.uniform(10, 30);
			j.neckFlex = r.uniform(0, 30);
			j.headPitch = r.uniform(-10, 20);
			let p = standing(r, body, j, pitch, r.uniform(0, 20));
			const sk = forwardKinematics(body, p);
			const { fwd, left } = facing(p);
			const where = r.pick(['toes', 'shins', 'floor', 'hang']);
			for (const s of ['l', 'r'] as const) {
				const sign = s === 'l' ? 1 : -1;
				const ankle = sk.points[s === 'l' ? LM.leftAnkle : LM.rightAnkle];
				const toe = sk.points[s === 'l' ? LM.leftFootIndex : LM.rightFootIndex];
				const sh = sk.points[s === 'l' ? LM.leftShoulder : LM.rightShoulder];
				let target: V3;
				if (where === 'toes') target = vadd(toe, [0, 0.04, 0]);
				else if (where === 'shins') target = vadd(vadd(ankle, [0, r.uniform(0.1, 0.25), 0]), vscale(fwd, 0.06));
				else if (where === 'floor') target = vadd(vadd([ankle[0], 0.03, ankle[2]], vscale(fwd, r.uniform(0.05, 0.3))), vscale(left, sign * 0.1));
				else target = vadd(sh, [0, -0.6, 0]);
				p = reachWrist(body, p, s, target);
			}
			return p;
		}
	},
	cobra: {
		label: 'cobra',
		views: ['side', '45'],
		make(r, body) {
			// Face down, hips on the floor, arms pushing the chest up (domain: "hips stay glued").
			const j: Partial<JointAngles> = {};
			j.lumbarFlex = -r.uniform(25, 50);
			j.thoracicFlex = -r.uniform(5, 20);
			j.neckFlex = -r.uniform(0, 25);
			j.headPitch = r.uniform(-20, 10);
			return prone(r, body, j, 'hands');
		}
	},
	sphinx: {
		label: 'sphinx',
		views: ['side', '45'],
		make(r, body) {
			// Prone on the elbows: forearms on the floor, gentle lumbar extension.
			const j: Partial<JointAngles> = {};
			j.lumbarFlex = -r.uniform(12, 25);
			j.thoracicFlex = -r.uniform(0, 10);
			j.neckFlex = -r.uniform(-5, 20);
			j.headPitch = r.uniform(-15, 15);
			return prone(r, body, j, 'forearms');
		}
	},
	back_extension: {
		label: 'back_extension',
		make(r, body) {
			// "Hands on the lower back, fingers pointing down, legs straight; bend back slowly."
			const j: Partial<JointAngles> = {};
			const pitch = -r.uniform(3, 12);
			j.lumbarFlex = -r.uniform(5, 25);
			j.thoracicFlex = -r.uniform(0, 10);
			j.neckFlex = -r.uniform(0, 20);
			j.headPitch = r.uniform(-15, 10);
			let p = standing(r, body, j, pitch, r.uniform(0, 10));
			const sk = forwardKinematics(body, p);
			const { fwd, left } = facing(p);
			const hm = vscale(vadd(sk.points[LM.leftHip], sk.points[LM.rightHip]), 0.5);
			const sm = vscale(vadd(sk.points[LM.leftShoulder], sk.points[LM.rightShoulder]), 0.5);
			const lumbar = vadd(hm, vscale(vsub(sm, hm), r.uniform(0.05, 0.3)));
			for (const s of ['l', 'r'] as const) {
				const sign = s === 'l' ? 1 : -1;
				p.joints[`${s}ShoulderRot`] = r.uniform(50, 90);
				const target = vadd(vadd(lumbar, vscale(fwd, -r.uniform(0.09, 0.14))), vscale(left, sign * r.uniform(0.04, 0.1)));
				p = reachWrist(body, p, s, target);
			}
			return p;
		}
	},
	hanging: {
		label: 'hanging',
		make(r, body) {
			const j: Partial<JointAngles> = {};
			// Overhead, a negative abduction flares the arms outward: a grip at or beyond shoulder width.
			const grip = r.uniform(0, 20);
			for (const s of ['l', 'r'] as const) {
				j[`${s}ShoulderFlex`] = r.uniform(165, 180);
				j[`${s}ShoulderAbd`] = -grip + r.normal(0, 2);
				j[`${s}ElbowFlex`] = r.uniform(0, 15);
			}
			j.shrug = r.uniform(5, 30);
			j.neckFlex = r.uniform(-10, 10);
			const legs = r.pick(['straight', 'bent', 'tucked']);
			for (const s of ['l', 'r'] as const) {
				j[`${s}HipFlex`] = legs === 'tucked' ? r.uniform(20, 45) : r.uniform(0, 15);
				j[`${s}KneeFlex`] = legs === 'straight' ? r.uniform(0, 10) : r.uniform(40, 90);
				j[`${s}AnkleFlex`] = -r.uniform(10, 30);
			}
			// Feet off the floor: the body hangs, its lowest point 0.1-0.3 m up.
			const p = ground(body, makePose(j, { yaw: yaw(r), pitch: r.normal(0, 4) }));
			p.root.y += r.uniform(0.1, 0.3);
			return p;
		}
	},
	arms_overhead_standing: {
		label: 'upright',
		alsoOk: ['other'],
		make(r, body) {
			// Standing with the hands joined overhead (tree-pose arms) or a wide V (jumping jack):
			// the back is upright; the arms alone must not read as hanging from a bar.
			const j: Partial<JointAngles> = {};
			uprightTrunk(j, r);
			let p = standing(r, body, j, r.normal(0, 3), r.uniform(0, 8));
			if (r.chance(0.5)) {
				const sk = forwardKinematics(body, p);
				const head = sk.points[LM.nose];
				const top = vadd(head, [0, r.uniform(0.25, 0.4), 0]);
				for (const s of ['l', 'r'] as const) p = reachWrist(body, p, s, top);
			} else {
				for (const s of ['l', 'r'] as const) {
					p.joints[`${s}ShoulderAbd`] = r.uniform(130, 160);
					p.joints[`${s}ElbowFlex`] = r.uniform(0, 15);
				}
			}
			return p;
		}
	},
	childs_pose: {
		label: 'other',
		make(r, body) {
			// Kneeling, sitting back on the heels, chest on the thighs, forehead down.
			const j: Partial<JointAngles> = {};
			const pitch = r.uniform(75, 110);
			const thigh = r.uniform(55, 80);
			const shin = -90;
			for (const s of ['l', 'r'] as const) {
				j[`${s}HipFlex`] = pitch + thigh;
				j[`${s}KneeFlex`] = thigh - shin;
				j[`${s}AnkleFlex`] = -r.uniform(30, 50);
				j[`${s}HipAbd`] = r.uniform(0, 20);
			}
			j.lumbarFlex = r.uniform(10, 25);
			j.thoracicFlex = r.uniform(5, 20);
			j.neckFlex = r.uniform(0, 20);
			let p = ground(body, makePose(j, { yaw: yaw(r), pitch }));
			const sk = forwardKinematics(body, p);
			const { fwd, left } = facing(p);
			const forward = r.chance(0.6);
			for (const s of ['l', 'r'] as const) {
				const sign = s === 'l' ? 1 : -1;
				const sh = sk.points[s === 'l' ? LM.leftShoulder : LM.rightShoulder];
				const ankle = sk.points[s === 'l' ? LM.leftAnkle : LM.rightAnkle];
				const target: V3 = forward
					? vadd(vadd([sh[0], 0.03, sh[2]], vscale(fwd, r.uniform(0.3, 0.5))), vscale(left, sign * 0.1))
					: vadd([ankle[0], 0.04, ankle[2]], vscale(left, sign * 0.08));
				p = reachWrist(body, p, s, target);
			}
			return p;
		}
	},
	prostration: {
		label: 'other',
		make(r, body) {
			// Kneeling prostration ("sujud"): knees and shins down, hips over the knees, forehead
			// and palms on the floor.
			const j: Partial<JointAngles> = {};
			const pitch = r.uniform(95, 130);
			const thigh = r.uniform(10, 35);
			for (const s of ['l', 'r'] as const) {
				j[`${s}HipFlex`] = pitch + thigh;
				j[`${s}KneeFlex`] = thigh + 90;
				j[`${s}AnkleFlex`] = r.uniform(-40, 20);
				j[`${s}HipAbd`] = r.uniform(0, 12);
			}
			j.lumbarFlex = r.uniform(0, 15);
			j.thoracicFlex = r.uniform(0, 15);
			j.neckFlex = r.uniform(0, 25);
			let p = ground(body, makePose(j, { yaw: yaw(r), pitch }));
			const sk = forwardKinematics(body, p);
			const { fwd, left } = facing(p);
			for (const s of ['l', 'r'] as const) {
				const sign = s === 'l' ? 1 : -1;
				const nose = sk.points[LM.nose];
				p.joints[`${s}ShoulderRot`] = r.uniform(-20, 20);
				const target = vadd(vadd([nose[0], 0.03, nose[2]], vscale(fwd, -r.uniform(0, 0.12))), vscale(left, sign * r.uniform(0.15, 0.25)));
				p = reachWrist(body, p, s, target);
			}
			return p;
		}
	},
	kneel_sitting: {
		label: 'upright',
		alsoOk: ['other'],
		make(r, body) {
			// Sitting back on the heels with a tall back.
			const j: Partial<JointAngles> = {};
			uprightTrunk(j, r);
			const pitch = r.uniform(-5, 10);
			for (const s of ['l', 'r'] as const) {
				const thigh = r.uniform(65, 85);
				j[`${s}HipFlex`] = pitch + thigh;
				j[`${s}KneeFlex`] = thigh + 90;
				j[`${s}AnkleFlex`] = -r.uniform(30, 50);
			}
			let p = ground(body, makePose(j, { yaw: yaw(r), pitch }));
			p = seatedArms(p, body, r, false);
			return p;
		}
	},
	squat: {
		label: 'other',
		make(r, body) {
			// Knees over the toes and the trunk leaning forward just enough to keep the weight over
			// the feet (the hip-shoulder midpoint above the ankles), as balance demands.
			const j: Partial<JointAngles> = {};
			const thigh = r.uniform(70, 100);
			const tilt = r.uniform(25, 45);
			const behind = body.thigh * Math.sin((thigh * Math.PI) / 180) - body.shank * Math.sin((tilt * Math.PI) / 180);
			const torso = body.lumbar + body.thoracic;
			const lean = Math.min(55, (Math.asin(Math.max(0, Math.min(1, (2 * behind) / torso))) * 180) / Math.PI) + r.normal(0, 4);
			j.lumbarFlex = r.uniform(-5, 8);
			const pitch = lean - j.lumbarFlex;
			for (const s of ['l', 'r'] as const) {
				j[`${s}HipFlex`] = pitch + thigh + r.normal(0, 3);
				j[`${s}KneeFlex`] = thigh + tilt + r.normal(0, 3);
				j[`${s}HipAbd`] = r.uniform(5, 25);
			}
			j.neckFlex = r.uniform(-10, 10);
			lookForward(j, r);
			const arms = r.pick(['forward', 'chest']);
			for (const s of ['l', 'r'] as const) {
				j[`${s}ShoulderFlex`] = arms === 'forward' ? r.uniform(70, 100) : r.uniform(20, 45);
				j[`${s}ElbowFlex`] = arms === 'forward' ? r.uniform(0, 20) : r.uniform(100, 130);
			}
			return ground(body, flatFeet(makePose(j, { yaw: yaw(r), pitch })), FEET);
		}
	},
	lunge: {
		label: 'other',
		alsoOk: ['upright'],
		make(r, body) {
			const j: Partial<JointAngles> = {};
			const pitch = r.uniform(-5, 10);
			const [front, back] = r.chance(0.5) ? (['l', 'r'] as const) : (['r', 'l'] as const);
			const fThigh = r.uniform(75, 95);
			j[`${front}HipFlex`] = pitch + fThigh;
			j[`${front}KneeFlex`] = fThigh + r.uniform(-5, 15);
			const bThigh = -r.uniform(15, 35);
			j[`${back}HipFlex`] = pitch + bThigh;
			j[`${back}KneeFlex`] = r.uniform(10, 80);
			j[`${back}AnkleFlex`] = r.uniform(10, 40);
			uprightTrunk(j, r);
			const p = makePose(j, { yaw: yaw(r), pitch });
			p.joints[`${front}AnkleFlex`] = pitch - j[`${front}HipFlex`]! + j[`${front}KneeFlex`]!;
			hangingArms(p.joints, r);
			return ground(body, p, [...FEET, LM.leftKnee, LM.rightKnee]);
		}
	},
	plank: {
		label: 'other',
		views: ['side', '45'],
		make(r, body) {
			const j: Partial<JointAngles> = {};
			const forearms = r.chance(0.4);
			const legLen = body.thigh + body.shank;
			const len = legLen + body.lumbar + body.thoracic;
			const support = forearms ? body.upperArm + 0.05 : body.upperArm + body.forearm + 0.03;
			const pitch = (Math.acos(Math.min(1, support / len)) * 180) / Math.PI + r.normal(0, 3);
			j.lumbarFlex = r.uniform(-8, 8);
			j.neckFlex = r.uniform(-20, 10);
			for (const s of ['l', 'r'] as const) j[`${s}AnkleFlex`] = r.uniform(0, 20);
			let p = ground(body, makePose(j, { yaw: yaw(r), pitch }), FEET);
			const sk = forwardKinematics(body, p);
			const { fwd } = facing(p);
			for (const s of ['l', 'r'] as const) {
				const sh = sk.points[s === 'l' ? LM.leftShoulder : LM.rightShoulder];
				if (forearms) {
					const elbow: V3 = [sh[0], 0.04, sh[2]];
					p = placeForearm(body, p, s, elbow, vadd(elbow, vscale(fwd, body.forearm)));
				} else p = reachWrist(body, p, s, vadd([sh[0], 0.03, sh[2]], vscale(fwd, r.uniform(-0.05, 0.08))));
			}
			return p;
		}
	},
	downward_dog: {
		label: 'other',
		make(r, body) {
			const j: Partial<JointAngles> = {};
			const pitch = r.uniform(115, 140);
			const legBack = r.uniform(25, 45);
			for (const s of ['l', 'r'] as const) {
				j[`${s}HipFlex`] = pitch - legBack;
				j[`${s}KneeFlex`] = r.uniform(0, 20);
				j[`${s}HipAbd`] = r.uniform(0, 8);
			}
			j.lumbarFlex = r.uniform(-10, 10);
			j.neckFlex = r.uniform(-10, 20);
			let p = flatFeet(makePose(j, { yaw: yaw(r), pitch }));
			for (const s of ['l', 'r'] as const) p.joints[`${s}AnkleFlex`] -= r.uniform(0, 30);
			p = ground(body, p, FEET);
			const sk = forwardKinematics(body, p);
			const hm = vscale(vadd(sk.points[LM.leftHip], sk.points[LM.rightHip]), 0.5);
			const sm = vscale(vadd(sk.points[LM.leftShoulder], sk.points[LM.rightShoulder]), 0.5);
			const dir = vnorm(vsub(sm, hm));
			for (const s of ['l', 'r'] as const) {
				const sh = sk.points[s === 'l' ? LM.leftShoulder : LM.rightShoulder];
				// Hands where the line of the trunk meets the floor.
				const k = dir[1] < -0.05 ? (sh[1] - 0.03) / -dir[1] : 0.6;
				p = reachWrist(body, p, s, vadd(sh, vscale(dir, Math.min(k, 0.9))));
			}
			return p;
		}
	},
	supine: {
		label: 'other',
		views: ['side', '45'],
		make(r, body) {
			// Lying on the back, legs straight or up on a chair (90/90).
			const j: Partial<JointAngles> = {};
			const chair = r.chance(0.5);
			for (const s of ['l', 'r'] as const) {
				j[`${s}HipFlex`] = chair ? r.uniform(80, 95) : r.uniform(0, 30);
				j[`${s}KneeFlex`] = chair ? r.uniform(80, 95) : r.uniform(0, 60);
			}
			j.neckFlex = r.uniform(0, 20);
			hangingArms(j, r);
			return ground(body, makePose(j, { yaw: yaw(r), pitch: -90 }));
		}
	}
} satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;

/** Shared by cobra and sphinx: face down with hips on the floor, then the arms placed. */
function prone(r: Rng, body: BodyDims, j: Partial<JointAngles>, arms: 'hands' | 'forearms'): BodyPose {
	for (const s of ['l', 'r'] as const) {
		j[`${s}HipFlex`] = r.uniform(-8, 5);
		j[`${s}KneeFlex`] = r.uniform(0, 15);
		j[`${s}AnkleFlex`] = -r.uniform(40, 70);
		j[`${s}HipAbd`] = r.uniform(0, 10);
	}
	let p = ground(body, makePose(j, { yaw: yaw(r), pitch: 90 }), LOWER);
	const sk = forwardKinematics(body, p);
	const { fwd, left } = facing(p);
	for (const s of ['l', 'r'] as const) {
		const sign = s === 'l' ? 1 : -1;
		const sh = sk.points[s === 'l' ? LM.leftShoulder : LM.rightShoulder];
		const floor: V3 = vadd([sh[0], 0.03, sh[2]], vscale(left, sign * r.uniform(0, 0.08)));
		if (arms === 'hands') {
			p.joints[`${s}ShoulderRot`] = r.uniform(-30, 10);
			p = reachWrist(body, p, s, vadd(floor, vscale(fwd, r.uniform(-0.05, 0.15))));
		} else {
			const elbow = vadd(floor, vscale(fwd, r.uniform(0, 0.1)));
			p = placeForearm(body, p, s, elbow, vadd(elbow, vadd(vscale(fwd, body.forearm * 0.95), vscale(left, -sign * 0.05))));
		}
	}
	return p;
}
