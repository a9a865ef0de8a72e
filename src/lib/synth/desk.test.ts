import { describe, expect, it } from 'vitest';
import { prepareBody } from '../features/body';
import { upperBodyEmbedding } from '../features/upper-body';
import { deskSamples } from './desk';

describe('deskSamples', () => {
	it('is seeded, half slouched, and slouching lowers the head against the shoulders', () => {
		const a = deskSamples(300, 9);
		expect(JSON.stringify(deskSamples(5, 9))).toBe(JSON.stringify(a.slice(0, 5)));
		expect(a.filter((s) => s.slouched).length).toBe(150);
		const mean = (slouched: number) => {
			const v = a.filter((s) => s.slouched === slouched).map((s) => upperBodyEmbedding(prepareBody(s.person, s.width / s.height))?.[1]).filter((x): x is number => x !== undefined && Number.isFinite(x));
			return v.reduce((p, q) => p + q, 0) / v.length;
		};
		expect(mean(0) - mean(1)).toBeGreaterThan(0.08);
	});
	it('shows head and shoulders with the hips out of the frame', () => {
		const hipsSeen = deskSamples(100, 4).filter((s) => prepareBody(s.person, s.width / s.height).p[23] !== null).length;
		expect(hipsSeen).toBeLessThan(5);
	});
});
