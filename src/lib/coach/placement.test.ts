import { describe, expect, it } from 'vitest';
import { averageBody } from '../synth/body';
import { makeCamera, project } from '../synth/camera';
import { forwardKinematics } from '../synth/kinematics';
import { pronePose, standingPose } from '../synth/exercise-sequences';
import type { BodyPose } from '../synth/pose';
import type { PersonPose } from '../pose/types';
import { checkPlacement } from './placement';

const body = averageBody();
function shot(pose: BodyPose, view: number, o: { fill?: number; targetDy?: number } = {}): PersonPose {
	const sk = forwardKinematics(body, pose);
	const cam = makeCamera(sk, pose.root.yaw, { view, fill: o.fill ?? 0.8, width: 1280, height: 720 });
	if (o.targetDy) {
		// look higher up: the feet drop out of the bottom of the frame
		cam.position[1] += o.targetDy;
	}
	return { landmarks: project(sk, cam).landmarks };
}
const A = 1280 / 720;

describe('camera placement', () => {
	it('nobody: step into the frame', () => {
		const c = checkPlacement('cobra', null, A);
		expect(c).toMatchObject({ ok: false, reasons: ['no_person'] });
		expect(c.message).toMatch(/frame/);
	});

	it('cobra and sphinx want the whole body from the side; facing the camera: turn side-on', () => {
		const lying = pronePose(body, 0, { liftDeg: 35 });
		for (const ex of ['cobra', 'sphinx'] as const) {
			expect(checkPlacement(ex, shot(lying, 90), A).ok).toBe(true);
			expect(checkPlacement(ex, shot(lying, 45), A).ok).toBe(true);
		}
		const standing = standingPose(body, 0);
		expect(checkPlacement('cobra', shot(standing, 90), A).ok).toBe(true);
		const front = checkPlacement('cobra', shot(standing, 0), A);
		expect(front.reasons).toEqual(['turn_side_on']);
		expect(front.message).toMatch(/side-on/);
		// hanging can be coached from the front
		expect(checkPlacement('hang', shot(standing, 0), A).reasons).not.toContain('turn_side_on');
	});

	it('feet out of the frame: step back', () => {
		const c = checkPlacement('back_extension', shot(standingPose(body, 0), 90, { fill: 1.6, targetDy: 0.5 }), A);
		expect(c.ok).toBe(false);
		expect(c.reasons[0]).toBe('feet_out_of_frame');
		expect(c.message).toMatch(/Step back/);
	});
});
