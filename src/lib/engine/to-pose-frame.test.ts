import { describe, expect, it } from 'vitest';
import { nextTimestamp, toPoseFrame } from './to-pose-frame';

describe('toPoseFrame', () => {
	it('copies landmarks and world landmarks of every person as plain data', () => {
		const lm = Array.from({ length: 33 }, (_, i) => ({ x: i / 33, y: 0.5, z: -0.1, visibility: 0.9 }));
		const frame = toPoseFrame({ landmarks: [lm], worldLandmarks: [lm] }, 40, 640, 480);
		expect(frame.people).toHaveLength(1);
		expect(frame.people[0].landmarks).toHaveLength(33);
		expect(frame.people[0].landmarks[3]).toEqual({ x: 0.09091, y: 0.5, z: -0.1, visibility: 0.9 });
		expect(frame.people[0].landmarks[3]).not.toBe(lm[3]);
		expect(frame).toMatchObject({ t: 40, width: 640, height: 480 });
	});

	it('gives an empty list when nobody is in frame', () => {
		expect(toPoseFrame({ landmarks: [], worldLandmarks: [] }, 1, 10, 10).people).toEqual([]);
	});
});

describe('nextTimestamp', () => {
	it('keeps increasing timestamps and repairs repeated or broken ones', () => {
		expect(nextTimestamp(10, 20)).toBe(20);
		expect(nextTimestamp(20, 20)).toBe(21);
		expect(nextTimestamp(20, 5)).toBe(21);
		expect(nextTimestamp(20, Number.NaN)).toBe(21);
	});
});
