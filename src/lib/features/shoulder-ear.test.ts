import { describe, expect, it } from 'vitest';
import { averageBody } from '../synth/body';
import { makeCamera, project } from '../synth/camera';
import { forwardKinematics } from '../synth/kinematics';
import { pronePose } from '../synth/exercise-sequences';
import { prepareBody } from './body';
import { shoulderEarDist } from './shoulder-ear';
import { drawnBody } from './test-helpers';

const body = averageBody();
const shot = (shrugDeg: number) => {
	const pose = pronePose(body, 0, { liftDeg: 40, shrugDeg });
	const sk = forwardKinematics(body, pose);
	const r = project(sk, makeCamera(sk, 0, { view: 90, fill: 0.8, width: 1280, height: 720 }));
	return prepareBody({ landmarks: r.landmarks }, 1280 / 720);
};

describe('shoulderEarDist', () => {
	it('shortens when the shoulders are drawn up to the ears', () => {
		const relaxed = shoulderEarDist(shot(0))!;
		const shrugged = shoulderEarDist(shot(35))!;
		expect(relaxed).toBeGreaterThan(0.3);
		expect(shrugged / relaxed).toBeLessThan(0.7);
	});

	it('is null without an ear and a shoulder on one side', () => {
		expect(shoulderEarDist(drawnBody({ leftEar: [0.5, 0.2], rightShoulder: [0.5, 0.4] }))).toBeNull();
	});
});
