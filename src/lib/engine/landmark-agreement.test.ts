import { describe, expect, it } from 'vitest';
import { scene } from '$lib/synth';
import type { PersonPose, PoseFrame } from '$lib/pose/types';
import { agrees, landmarkAgreement } from './landmark-agreement';

const base = scene({ preset: 'standing_upright', view: 'front', seed: 4, drop: false, noise: false });
const person: PersonPose = { landmarks: base.person.landmarks.map((l) => (l ? { ...l, visibility: 0.9 } : null)) };
const frame = (people: PersonPose[]): PoseFrame => ({ t: 0, people, width: 640, height: 480 });
/** The person moved by (dx, dy) pixels, every landmark. */
const moved = (p: PersonPose, dx: number, dy: number): PersonPose => ({ landmarks: p.landmarks.map((l) => (l ? { ...l, x: l.x + dx / 640, y: l.y + dy / 480 } : null)) });

describe('landmarkAgreement', () => {
	it('measures pixel distances over the landmarks the reference sees', () => {
		const a = landmarkAgreement([frame([person]), frame([person])], [frame([moved(person, 3, 4)]), frame([person])]);
		expect(a.frames).toBe(2);
		expect(a.landmarks).toBe(66);
		expect(a.meanPx).toBeCloseTo(2.5, 5);
		expect(a.maxPx).toBeCloseTo(5, 5);
		expect(a.diagonalPx).toBe(800);
		expect(agrees(a)).toBe(true);
	});

	it('leaves out landmarks the reference does not see', () => {
		const hidden: PersonPose = { landmarks: person.landmarks.map((l, i) => (l && i >= 25 ? { ...l, visibility: 0.1 } : l)) };
		// The legs (25-32) are far off in the candidate, but the reference does not see them.
		const candidate: PersonPose = { landmarks: person.landmarks.map((l, i) => (l && i >= 25 ? { ...l, x: l.x + 0.3 } : l)) };
		const a = landmarkAgreement([frame([hidden])], [frame([candidate])]);
		expect(a.landmarks).toBe(25);
		expect(a.maxPx).toBe(0);
	});

	it('matches the nearest person when the candidate lists two people in another order', () => {
		const other = moved(person, 200, 0);
		const a = landmarkAgreement([frame([person, other])], [frame([other, moved(person, 1, 0)])]);
		expect(a.meanPx).toBeCloseTo(1, 5);
	});

	it('does not agree when the landmarks are tens of pixels off, or a person is missed', () => {
		const far = landmarkAgreement([frame([person])], [frame([moved(person, 30, 30)])]);
		expect(far.meanPx).toBeCloseTo(42.43, 1);
		expect(agrees(far)).toBe(false);
		const frames = Array.from({ length: 8 }, () => frame([person]));
		const missed = landmarkAgreement(frames, frames.map((f, i) => (i < 2 ? frame([]) : f)));
		expect(missed.peopleMismatch).toBe(2);
		expect(agrees(missed)).toBe(false);
		expect(agrees(landmarkAgreement([frame([])], [frame([])]))).toBe(false);
	});
});
