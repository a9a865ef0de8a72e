import { describe, expect, it } from 'vitest';
import { averageBody } from '../synth/body';
import { makeCamera, project } from '../synth/camera';
import { forwardKinematics } from '../synth/kinematics';
import { pronePose, trunkElevationOf } from '../synth/exercise-sequences';
import { prepareBody } from './body';
import { floorLine } from './floor-line';
import { trunkElevationDeg } from './trunk-elevation';
import { drawnBody } from './test-helpers';

const body = averageBody();

/** A cobra at `lift` degrees photographed from `view` degrees around the head end's left, camera tilted by `pitch`. */
function shot(lift: number, view: number, pitch = 0, world = false) {
	const pose = pronePose(body, 20, { liftDeg: lift });
	const sk = forwardKinematics(body, pose);
	const r = project(sk, makeCamera(sk, pose.root.yaw, { view, pitch, fill: 0.8, width: 1280, height: 720 }));
	const person = world ? { landmarks: [], worldLandmarks: r.worldLandmarks } : { landmarks: r.landmarks };
	return { truth: trunkElevationOf(body, pose), b: prepareBody(person, 1280 / 720) };
}

describe('trunkElevationDeg', () => {
	it('reads the chest lift above the floor line from the side, within a few degrees', () => {
		for (const lift of [3, 25, 45, 60]) {
			const { truth, b } = shot(lift, 90);
			expect(Math.abs(trunkElevationDeg(b)! - truth)).toBeLessThan(3);
		}
	});

	it('at 45 degrees with a tilted camera, the floor line takes the tilt out', () => {
		for (const pitch of [-8, 8]) {
			const { truth, b } = shot(45, 45, pitch);
			const fl = floorLine(b);
			const withFloor = trunkElevationDeg(b, { sideways: Math.SQRT1_2, floorSlope: fl.slope });
			const without = trunkElevationDeg(b, { sideways: Math.SQRT1_2 });
			expect(Math.abs(withFloor! - truth)).toBeLessThan(Math.abs(without! - truth));
			expect(Math.abs(withFloor! - truth)).toBeLessThan(4);
		}
	});

	it('uses world landmarks in 3-D when they are the only ones', () => {
		const { truth, b } = shot(40, 45, 0, true);
		expect(b.hasDepth).toBe(true);
		expect(Math.abs(trunkElevationDeg(b, { floorDir: floorLine(b).dir })! - truth)).toBeLessThan(3);
	});

	it('is null without hips or shoulders, 90 standing up', () => {
		expect(trunkElevationDeg(drawnBody({ nose: [0.5, 0.2], leftShoulder: [0.5, 0.3] }))).toBeNull();
		const standing = drawnBody({ leftShoulder: [0.5, 0.3], rightShoulder: [0.5, 0.3], leftHip: [0.5, 0.6], rightHip: [0.5, 0.6], nose: [0.52, 0.2], leftEar: [0.5, 0.2] });
		expect(trunkElevationDeg(standing, { sideways: 1 })).toBeCloseTo(90, 0);
	});
});

describe('floorLine', () => {
	it('is level seen from the side, and needs a wrist and a knee or toe', () => {
		const { b } = shot(40, 90);
		expect(Math.abs(floorLine(b).slope!)).toBeLessThan(0.05);
		expect(floorLine(drawnBody({ leftWrist: [0.3, 0.8] })).slope).toBeNull();
	});
});
