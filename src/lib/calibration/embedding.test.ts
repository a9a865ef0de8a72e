import { describe, expect, it } from 'vitest';
import { LM } from '../pose/landmarks';
import { fixturePerson } from '../tracking/fixture';
import { EMBEDDING_DIM, PRIOR_SD, SLOUCH_DIRECTION, embed, framingOf, hipsSeen } from './embedding';

const A = 4 / 3;
const person = (cx: number, cy: number, scale: number, extra: object = {}) =>
	fixturePerson({ cx, cy, scale, aspect: A, upperBodyOnly: true, ...extra });

describe('upper-body embedding', () => {
	it('has one direction and one prior per feature', () => {
		expect(SLOUCH_DIRECTION.length).toBe(EMBEDDING_DIM);
		expect(PRIOR_SD.length).toBe(EMBEDDING_DIM);
	});

	it('pose features do not change with position or size in the frame', () => {
		const a = embed(person(0.6, 0.9, 0.4), A)!;
		const b = embed(person(0.9, 0.7, 0.25), A)!;
		for (let k = 0; k < 6; k++) expect(b[k]).toBeCloseTo(a[k], 10);
		expect(b[6]).toBeLessThan(a[6]); // log width: smaller
		expect(b[7]).toBeLessThan(a[7]); // shoulders higher in the frame
	});

	it('head drop lowers headHeight; z gives noseForward, none without z', () => {
		const up = embed(person(0.6, 0.9, 0.4), A)!;
		const down = embed(person(0.6, 0.9, 0.4, { headDrop: 0.2 }), A)!;
		expect(down[0]).toBeLessThan(up[0] - 0.05);
		expect(up[8]).toBeCloseTo(0, 10); // fixture z = 0 everywhere
		const noZ = person(0.6, 0.9, 0.4);
		const lms = noZ.landmarks.map((l) => (l ? { x: l.x, y: l.y } : null));
		expect(embed({ landmarks: lms }, A)![8]).toBeNaN();
	});

	it('falls back to the eyes without ears; null without shoulders or nose', () => {
		const p = person(0.6, 0.9, 0.4);
		const noEars = p.landmarks.map((l, i) => (i === LM.leftEar || i === LM.rightEar ? null : l));
		expect(embed({ landmarks: noEars }, A)).not.toBeNull();
		const noShoulder = p.landmarks.map((l, i) => (i === LM.leftShoulder ? null : l));
		expect(embed({ landmarks: noShoulder }, A)).toBeNull();
		const lowVisNose = p.landmarks.map((l, i) => (i === LM.nose && l ? { ...l, visibility: 0.1 } : l));
		expect(embed({ landmarks: lowVisNose }, A)).toBeNull();
		expect(framingOf({ landmarks: noShoulder }, A)).toBeNull();
	});

	it('hipsSeen tells a desk view from a full body', () => {
		expect(hipsSeen(person(0.6, 0.9, 0.4))).toBe(false);
		expect(hipsSeen(fixturePerson({ cx: 0.6, cy: 0.5, scale: 0.3 }))).toBe(true);
	});
});
