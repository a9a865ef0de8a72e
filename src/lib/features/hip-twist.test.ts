import { describe, expect, it } from 'vitest';
import { averageBody } from '../synth/body';
import { makeCamera, project } from '../synth/camera';
import { forwardKinematics } from '../synth/kinematics';
import { hangPose } from '../synth/exercise-sequences';
import { prepareBody } from './body';
import { hipTwist } from './hip-twist';

const body = averageBody();
/** Hanging, hips turned `twist` degrees to the person's left, seen from the front. */
const shot = (twist: number, world = false) => {
	const pose = hangPose(body, 0, twist);
	const sk = forwardKinematics(body, pose);
	const r = project(sk, makeCamera(sk, 0, { view: 0, fill: 0.8, width: 1280, height: 720 }));
	return prepareBody(world ? { landmarks: [], worldLandmarks: r.worldLandmarks } : { landmarks: r.landmarks }, 1280 / 720);
};

describe('hipTwist', () => {
	it('world landmarks: the signed turn of the hips under the shoulders', () => {
		expect(hipTwist(shot(30, true)).yawDeg!).toBeCloseTo(30, -1);
		expect(hipTwist(shot(-30, true)).yawDeg!).toBeCloseTo(-30, -1);
		expect(Math.abs(hipTwist(shot(0, true)).yawDeg!)).toBeLessThan(3);
	});

	it('a picture from the front: the hips look narrower and the feet swing across', () => {
		const still = hipTwist(shot(0));
		const left = hipTwist(shot(35));
		const right = hipTwist(shot(-35));
		expect(still.yawDeg).toBeNull();
		expect(left.widthRatio! / still.widthRatio!).toBeLessThan(0.88);
		expect(right.widthRatio! / still.widthRatio!).toBeLessThan(0.88);
		// Facing the camera the person's left is the picture's right.
		expect(left.feetX! - still.feetX!).toBeGreaterThan(0.1);
		expect(right.feetX! - still.feetX!).toBeLessThan(-0.1);
	});
});
