import { describe, expect, it } from 'vitest';
import { LM } from '../../pose/landmarks';
import { prepareBody } from '../../features/body';
import { coverage } from '../../features/visibility';
import { xyzRowToLandmarks } from './xyz-rows';

describe('xyzRowToLandmarks', () => {
	const row = () => {
		const v: number[] = [];
		for (let i = 0; i < 33; i++) v.push(0.5, i >= 23 ? 1.8 : 0.5 + i / 100, -0.1 * i);
		return v;
	};
	it('reads 33 (x, y, z) with no visibility', () => {
		const lm = xyzRowToLandmarks([...row(), 1]);
		expect(lm).toHaveLength(33);
		expect(lm[LM.leftShoulder]).toEqual({ x: 0.5, y: 0.61, z: -1.1 });
		expect(lm[LM.leftShoulder]!.visibility).toBeUndefined();
		expect(() => xyzRowToLandmarks([1, 2, 3])).toThrow(/99/);
	});
	it('leaves hips extrapolated below the frame unseen even without visibility', () => {
		const body = prepareBody({ landmarks: xyzRowToLandmarks(row()) }, 4 / 3);
		const c = coverage(body);
		expect(c.shoulders).toBe(true);
		expect(c.hips).toBe(false);
		expect(c.upperBodyOnly).toBe(true);
	});
});
