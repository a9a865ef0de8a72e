import { describe, expect, it } from 'vitest';
import { LM } from '../pose/landmarks';
import type { Landmark } from '../pose/types';
import { prepareBody } from './body';
import { deskFace } from './test-helpers';
import { UPPER_BODY_POSE_FEATURES, upperBodyPose } from './upper-body-pose';

const pose = (lm: Array<Landmark | null>) => upperBodyPose(prepareBody({ landmarks: lm }, 1));
const f = (name: (typeof UPPER_BODY_POSE_FEATURES)[number]) => UPPER_BODY_POSE_FEATURES.indexOf(name);

describe('upperBodyPose', () => {
	it('heights over shoulder width; a dropped head reads lower', () => {
		const a = pose(deskFace())!;
		expect(a[f('earHeight')]).toBeCloseTo(0.28 / 0.4, 6);
		expect(a[f('noseHeight')]).toBeCloseTo(0.3 / 0.4, 6);
		const dropped = deskFace().map((l, i) => (l && i <= LM.rightEar ? { ...l, y: l.y + 0.06 } : l));
		expect(pose(dropped)![f('earHeight')]).toBeLessThan(a[f('earHeight')] - 0.1);
	});

	it('signs the head offset (a move to either side is a move)', () => {
		const right = deskFace().map((l, i) => (l && i < LM.leftShoulder ? { ...l, x: l.x - 0.04 } : l));
		const left = deskFace().map((l, i) => (l && i < LM.leftShoulder ? { ...l, x: l.x + 0.04 } : l));
		expect(pose(right)![f('headOffset')]).toBeCloseTo(-0.1, 6);
		expect(pose(left)![f('headOffset')]).toBeCloseTo(0.1, 6);
	});

	it('puts a turned head\'s ear span back to a frontal one, so a turn is not read as coming nearer', () => {
		const turned = deskFace();
		// yaw ~35 degrees: the ears' span shortens by cos, the nose moves off their midpoint by sin times its depth
		const c = Math.cos((35 * Math.PI) / 180);
		const s = Math.sin((35 * Math.PI) / 180);
		turned[LM.leftEar] = { x: 0.5 + 0.08 * c, y: 0.52 };
		turned[LM.rightEar] = { x: 0.5 - 0.08 * c, y: 0.52 };
		turned[LM.nose] = { x: 0.5 + 0.16 * 0.8 * s, y: 0.5 };
		const raw = (0.16 * c) / 0.4;
		const got = pose(turned)![f('earSpan')];
		expect(Math.abs(got - 0.4)).toBeLessThan(Math.abs(raw - 0.4) / 3);
	});

	it('needs both shoulders and the nose or an ear; framing only on image bodies', () => {
		const noShoulder = deskFace();
		noShoulder[LM.rightShoulder] = null;
		expect(pose(noShoulder)).toBeNull();
		const noFace = deskFace();
		noFace[LM.nose] = noFace[LM.leftEar] = noFace[LM.rightEar] = null;
		expect(pose(noFace)).toBeNull();
		const a = pose(deskFace())!;
		expect(a[f('logShoulderWidth')]).toBeCloseTo(Math.log(0.4), 6);
		expect(a[f('shoulderY')]).toBeCloseTo(0.8, 6);
	});
});
