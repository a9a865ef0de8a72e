import { describe, expect, it } from 'vitest';
import { handsLowerBackDist } from './hands-lower-back';
import { reachWrist } from '../synth/ik';
import { averageBody } from '../synth/body';
import { forwardKinematics, ground } from '../synth/kinematics';
import { makePose } from '../synth/pose';
import { makeCamera, project } from '../synth/camera';
import { prepareBody } from './body';
import { photo, STAND } from './test-helpers';

function handsOnBack(view: number) {
	const body = averageBody();
	let pose = ground(body, makePose({ lShoulderRot: 70, rShoulderRot: 70 }));
	const sk = forwardKinematics(body, pose);
	const hip = sk.points[23].map((v, i) => (v + sk.points[24][i]) / 2);
	for (const [s, x] of [
		['l', 0.07],
		['r', -0.07]
	] as const)
		pose = reachWrist(body, pose, s, [hip[0] + x, hip[1] + 0.1, hip[2] - 0.12]);
	const sk2 = forwardKinematics(body, pose);
	const r = project(sk2, makeCamera(sk2, 0, { view, width: 640, height: 480 }));
	return prepareBody({ landmarks: r.landmarks }, 640 / 480);
}

describe('handsLowerBackDist', () => {
	it('is small with the hands on the lower back and large with them hanging, side-on', () => {
		expect(handsLowerBackDist(handsOnBack(90))!).toBeLessThan(0.2);
		expect(handsLowerBackDist(photo(STAND, 90).body)!).toBeGreaterThan(0.35);
	});

	it('is null facing the camera in a picture (front and back are not seen)', () => {
		expect(handsLowerBackDist(photo(STAND, 0).body)).toBeNull();
	});
});
