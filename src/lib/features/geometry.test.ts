import { describe, expect, it } from 'vitest';
import { angleBetween, angleFromUp, complete, fall, jointAngle, rise, toBodyPoints, vec } from './geometry';
import { drawn, drawnBody } from './test-helpers';

describe('geometry', () => {
	it('measures angles in degrees, y pointing down', () => {
		expect(angleFromUp(vec(0, -1, 0))).toBeCloseTo(0);
		expect(angleFromUp(vec(1, 0, 0))).toBeCloseTo(90);
		expect(angleFromUp(vec(0, 1, 0))).toBeCloseTo(180);
		expect(angleBetween(vec(1, 0, 0), vec(0, 0, 1))).toBeCloseTo(90);
		expect(jointAngle(vec(0, 0, 0), vec(1, 0, 0), vec(2, 0, 0))).toBeCloseTo(180);
		expect(angleBetween(vec(0, 0, 0), vec(1, 0, 0))).toBeNull();
	});

	it('scales x by the frame aspect so that image angles are true', () => {
		const p = drawn({ leftShoulder: [0.5, 0.4], leftHip: [0.6, 0.5] });
		const square = toBodyPoints(p, 1);
		const wide = toBodyPoints(p, 16 / 9);
		const a1 = angleFromUp({ x: square.p[11]!.x - square.p[23]!.x, y: square.p[11]!.y - square.p[23]!.y, z: 0 })!;
		const a2 = angleFromUp({ x: wide.p[11]!.x - wide.p[23]!.x, y: wide.p[11]!.y - wide.p[23]!.y, z: 0 })!;
		expect(a1).toBeCloseTo(45, 5);
		expect(a2).toBeCloseTo((Math.atan(16 / 9) * 180) / Math.PI, 5);
	});

	it('gates on visibility (missing counts as visible), nulls and the frame edge', () => {
		const bp = toBodyPoints(
			drawn({ nose: [0.5, 0.2], leftEar: [0.55, 0.2, 0.3], rightEar: [0.45, 0.2, 0.9], leftHip: [0.5, 1.3, 0.99] }),
			1
		);
		expect(bp.p[0]).not.toBeNull();
		expect(bp.p[7]).toBeNull();
		expect(bp.p[8]).not.toBeNull();
		expect(bp.p[23]).toBeNull(); // below the frame: a desk webcam's guessed hip
		expect(bp.p[11]).toBeNull();
		expect(bp.source).toBe('image');
		expect(bp.hasDepth).toBe(false);
	});

	it('prefers image landmarks, and uses world landmarks when there are no image ones', () => {
		const landmarks = new Array(33).fill(null).map(() => ({ x: 0.5, y: 0.5, visibility: 0.9 }));
		const worldLandmarks = new Array(33).fill(null).map((_, i) => ({ x: i, y: -i, z: 2 * i, visibility: 0.9 }));
		expect(toBodyPoints({ landmarks, worldLandmarks }, 1).source).toBe('image');
		const bp = toBodyPoints({ landmarks: [], worldLandmarks }, 1);
		expect(bp.source).toBe('world');
		expect(bp.hasDepth).toBe(true);
		expect(bp.p[3]).toEqual({ x: 3, y: -3, z: 6 });
	});

	it('completes the depth of a segment that looks too short, with slack for proportions', () => {
		const body = drawnBody({
			leftShoulder: [0.6, 0.3],
			rightShoulder: [0.4, 0.3],
			leftHip: [0.56, 0.6],
			rightHip: [0.44, 0.6]
		});
		expect(body.scale).not.toBeNull();
		const full = complete(body, vec(0, -body.scale!, 0), 1, -1);
		expect(full.z).toBe(0);
		const half = complete(body, vec(0, -body.scale! / 2, 0), 1, -1);
		expect(half.z).toBeLessThan(0);
		expect(angleFromUp(half)!).toBeGreaterThan(40);
	});

	it('has logistic memberships through 0.5 at the centre', () => {
		expect(rise(10, 10, 4)).toBeCloseTo(0.5);
		expect(rise(12, 10, 4)).toBeCloseTo(0.88, 2);
		expect(fall(12, 10, 4)).toBeCloseTo(0.12, 2);
	});
});
