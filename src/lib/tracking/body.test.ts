import { describe, expect, it } from 'vitest';
import {
	bodyCentre,
	bodyScale,
	frameAspect,
	limbSignature,
	seen,
	signatureDistance
} from './body';
import { fixturePerson } from './fixture';
import { LM } from '../pose/landmarks';

describe('body geometry', () => {
	it('frameAspect falls back to 1', () => {
		expect(frameAspect({ width: 640, height: 480 })).toBeCloseTo(4 / 3);
		expect(frameAspect({})).toBe(1);
	});

	it('seen gates on visibility and nulls', () => {
		expect(seen(null)).toBeNull();
		expect(seen({ x: 0.5, y: 0.5, visibility: 0.2 })).toBeNull();
		expect(seen({ x: 0.5, y: 0.5 })).not.toBeNull();
		expect(seen({ x: NaN, y: 0.5 })).toBeNull();
	});

	it('centre and scale of a full body and an upper body', () => {
		const full = fixturePerson({ cx: 0.8, cy: 0.5, scale: 0.3, aspect: 16 / 9 });
		const c = bodyCentre(full, 16 / 9)!;
		expect(c.x).toBeCloseTo(0.8);
		expect(c.y).toBeCloseTo(0.5);
		expect(bodyScale(full, 16 / 9)).toBeCloseTo(0.3, 1);
		const upper = fixturePerson({ cx: 0.8, cy: 0.5, scale: 0.3, aspect: 16 / 9, upperBodyOnly: true });
		expect(bodyCentre(upper, 16 / 9)!.y).toBeCloseTo(0.35);
		// shoulder width based estimate stays close to the torso length
		expect(bodyScale(upper, 16 / 9)!).toBeGreaterThan(0.25);
		expect(bodyScale(upper, 16 / 9)!).toBeLessThan(0.36);
	});

	it('scale is null when nothing is seen', () => {
		expect(bodyScale({ landmarks: new Array(33).fill(null) }, 1)).toBeNull();
		expect(bodyCentre({ landmarks: new Array(33).fill(null) }, 1)).toBeNull();
	});

	it('signature is scale-free and tells builds apart', () => {
		const a = limbSignature(fixturePerson({ cx: 0.5, cy: 0.5, scale: 0.3 }), 1);
		const b = limbSignature(fixturePerson({ cx: 0.2, cy: 0.4, scale: 0.15 }), 1);
		const c = limbSignature(fixturePerson({ cx: 0.5, cy: 0.5, scale: 0.3, limbs: 1.4 }), 1);
		expect(signatureDistance(a, b)).toBeLessThan(0.01);
		expect(signatureDistance(a, c)).toBeGreaterThan(0.15);
	});

	it('signature distance is NaN with too little overlap', () => {
		const p = fixturePerson({ cx: 0.5, cy: 0.5, scale: 0.3, upperBodyOnly: true });
		const lms = p.landmarks.slice();
		lms[LM.leftEar] = null;
		const sig = limbSignature({ landmarks: lms }, 1);
		const other = sig.map(() => NaN);
		other[0] = 0.7;
		expect(signatureDistance(sig, other)).toBeNaN();
	});
});
