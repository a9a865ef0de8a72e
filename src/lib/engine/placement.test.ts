import { describe, expect, it } from 'vitest';
import { scene, cropUpperBody } from '$lib/synth';
import { placementChecklist } from './placement';

describe('placementChecklist', () => {
	it('passes a whole body in view for both framings', () => {
		const s = scene({ preset: 'standing_upright', view: 'front', seed: 3, noise: false, drop: false });
		expect(placementChecklist(s.person.landmarks, 'whole_body').every((i) => i.ok)).toBe(true);
		expect(placementChecklist(s.person.landmarks, 'desk').every((i) => i.ok)).toBe(true);
	});

	it('says what is missing when only the upper body is in view', () => {
		const s = scene({ preset: 'sitting_upright', view: 'front', seed: 4, noise: false, drop: false });
		const cropped = cropUpperBody(s.rendered).landmarks;
		expect(placementChecklist(cropped, 'desk').every((i) => i.ok)).toBe(true);
		const missing = placementChecklist(cropped, 'whole_body').filter((i) => !i.ok).map((i) => i.what);
		expect(missing).toContain('Feet');
	});

	it('asks for a person when there is none', () => {
		expect(placementChecklist(null, 'desk')).toEqual([{ what: 'A person in view', ok: false }]);
	});
});
