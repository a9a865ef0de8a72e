import { describe, expect, it } from 'vitest';
import { LM } from '../pose/landmarks';
import type { Landmark } from '../pose/types';
import { prepareBody } from './body';
import { deskFace } from './test-helpers';
import { upperBodyEmbedding } from './upper-body';

const emb = (lm: Array<Landmark | null>, aspect = 1) => upperBodyEmbedding(prepareBody({ landmarks: lm }, aspect));

describe('upperBodyEmbedding', () => {
	it('measures over shoulder width, the same wherever and however big the person is', () => {
		const a = emb(deskFace())!;
		expect(a[0]).toBeCloseTo(0.28 / 0.4, 6);
		expect(a[1]).toBeCloseTo(0.3 / 0.4, 6);
		expect(a[3]).toBeCloseTo(0.16 / 0.4, 6);
		const moved = deskFace().map((l) => (l ? { x: 0.2 + (l.x - 0.5) * 0.5, y: 0.3 + (l.y - 0.5) * 0.5 } : null));
		const b = emb(moved)!;
		for (let k = 0; k < a.length; k++) expect(b[k]).toBeCloseTo(a[k], 6);
	});
	it('works from one ear, from no ears, without eyes; needs both shoulders', () => {
		const one = deskFace();
		one[LM.rightEar] = null;
		expect(emb(one)![0]).toBeCloseTo(0.28 / 0.4, 6);
		expect(Number.isNaN(emb(one)![3])).toBe(true);
		const none = deskFace();
		none[LM.leftEar] = { ...none[LM.leftEar]!, visibility: 0.1 };
		none[LM.rightEar] = null;
		none[LM.leftEye] = null;
		const e = emb(none)!;
		expect(Number.isNaN(e[0])).toBe(true);
		expect(Number.isNaN(e[2])).toBe(true);
		expect(e[1]).toBeCloseTo(0.75, 6);
		const noShoulder = deskFace();
		noShoulder[LM.rightShoulder] = null;
		expect(emb(noShoulder)).toBeNull();
	});
	it('keeps shoulders a little below the frame (a desk webcam cuts them), not hips', () => {
		const lm = deskFace().map((l) => (l ? { ...l, y: l.y + 0.28 } : null));
		lm[LM.leftHip] = { x: 0.65, y: 1.6 };
		const body = prepareBody({ landmarks: lm }, 1);
		expect(body.p[LM.leftShoulder]).not.toBeNull();
		expect(body.p[LM.leftHip]).toBeNull();
		expect(upperBodyEmbedding(body)).not.toBeNull();
	});
});
