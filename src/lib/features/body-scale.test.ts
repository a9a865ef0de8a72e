import { describe, expect, it } from 'vitest';
import { bodyScale } from './body-scale';
import { toBodyPoints } from './geometry';
import { bent, photo, STAND } from './test-helpers';

describe('bodyScale', () => {
	it('is about the trunk length standing, from any side', () => {
		for (const view of [0, 45, 90]) {
			const p = photo(STAND, view);
			const s = bodyScale(p.body)!;
			const trunk = Math.hypot(
				(p.body.p[11]!.x + p.body.p[12]!.x - p.body.p[23]!.x - p.body.p[24]!.x) / 2,
				(p.body.p[11]!.y + p.body.p[12]!.y - p.body.p[23]!.y - p.body.p[24]!.y) / 2
			);
			expect(s / trunk).toBeGreaterThan(0.9);
			expect(s / trunk).toBeLessThan(1.2);
		}
	});

	it('does not shrink when the trunk bends towards the camera', () => {
		const up = bodyScale(photo(STAND, 0).body)!;
		const down = photo(bent(70).joints, 0, { root: bent(70).root });
		expect(bodyScale(down.body)! / up).toBeGreaterThan(0.8);
	});

	it('works from shoulders and arms alone, and is null with nothing seen', () => {
		const p = photo(STAND, 0);
		const upper = p.person.landmarks.map((l, i) => (i <= 16 ? l : null));
		expect(bodyScale(toBodyPoints({ landmarks: upper }, p.aspect))).not.toBeNull();
		expect(bodyScale(toBodyPoints({ landmarks: new Array(33).fill(null) }, 1))).toBeNull();
	});
});
