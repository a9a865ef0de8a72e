import { describe, expect, it } from 'vitest';
import { sampleHistory } from './sample';
import { EXPORT_FORMAT } from './types';
import { checkRecord, parseExport } from './validate';

const NOW = new Date(2026, 2, 10, 12, 0).getTime();
const good = () => sampleHistory(3, NOW);
const text = (v: unknown) => JSON.stringify(v);

function refused(v: unknown): { message: string; problems: string[] } {
	const r = parseExport(typeof v === 'string' ? v : text(v), { now: NOW });
	if (r.ok) throw new Error('expected the file to be refused');
	return r;
}

describe('parseExport', () => {
	it('accepts a good export and keeps every record', () => {
		const g = good();
		const r = parseExport(text(g), { now: NOW });
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.data.sessions).toHaveLength(g.sessions.length);
			expect(r.data.nudges).toHaveLength(g.nudges.length);
			expect(r.data.stretchSets).toHaveLength(g.stretchSets.length);
		}
	});

	it('keeps where a set came from: a recording, or live when the field is absent', () => {
		const g = good();
		g.stretchSets[0].source = 'recording';
		const r = parseExport(text(g), { now: NOW });
		expect(r.ok && r.data.stretchSets[0].source).toBe('recording');
		expect(r.ok && r.data.stretchSets[1].source).toBeUndefined();
	});

	it('accepts a byte-order mark and an empty history', () => {
		expect(parseExport('\ufeff' + text(good()), { now: NOW }).ok).toBe(true);
		expect(parseExport(text({ format: EXPORT_FORMAT, schemaVersion: 1, sessions: [], nudges: [], stretchSets: [] }), { now: NOW }).ok).toBe(true);
	});

	it('refuses what is not JSON, empty, or not ours, saying so', () => {
		expect(refused('').message).toMatch(/empty/);
		expect(refused('{"format": "backcheck-history", ').message).toMatch(/not valid JSON/);
		expect(refused([1, 2]).message).toMatch(/not an object/);
		expect(refused({ ...good(), format: 'someone-else' }).message).toMatch(/not a Backcheck history export.*"someone-else"/);
		expect(refused({ sessions: [] }).message).toMatch(/not a Backcheck history export/);
	});

	it('refuses a missing, bad or newer schema version', () => {
		expect(refused({ ...good(), schemaVersion: undefined }).message).toMatch(/no valid schema version/);
		expect(refused({ ...good(), schemaVersion: '1' }).message).toMatch(/no valid schema version/);
		expect(refused({ ...good(), schemaVersion: 99 }).message).toMatch(/newer version of Backcheck \(schema 99/);
	});

	it('names the path and value of a bad field', () => {
		const g = good();
		(g.sessions[1].minutes as Record<string, number>).slouched = -4;
		const r = refused(g);
		expect(r.message).toContain('sessions[1].minutes.slouched: must be a number from 0');
		expect(r.message).toContain('(got -4)');
	});

	it('checks types, enums and ranges in every kind of record', () => {
		const cases: [(g: ReturnType<typeof good>) => void, RegExp][] = [
			[(g) => ((g.sessions[0] as unknown as Record<string, unknown>).kind = 'yoga'), /sessions\[0\]\.kind: must be one of workout, stretch, desk/],
			[(g) => ((g.sessions[0] as unknown as Record<string, unknown>).start = 'yesterday'), /sessions\[0\]\.start: must be a time/],
			[(g) => (g.sessions[0].start = 1000), /not a plausible time/],
			[(g) => (g.sessions[0].end = g.sessions[0].start - 1), /sessions\[0\]\.end: must not be before start/],
			[(g) => ((g.sessions[0].minutes as Record<string, number>).lying = 3), /minutes\.lying: is not a posture label/],
			[(g) => (g.sessions[0].minutes.upright = 500), /add up to more than the session lasted/],
			[(g) => (g.sessions[0].bouts[0].peakIntensity = 3), /bouts\[0\]\.peakIntensity/],
			[(g) => ((g.nudges[0] as unknown as Record<string, unknown>).outcome = 'ran away'), /nudges\[0\]\.outcome: must be one of stretched, corrected, ignored, snoozed/],
			[(g) => ((g.nudges[0] as unknown as Record<string, unknown>).style = 'blur'), /nudges\[0\]\.style/],
			[(g) => (g.nudges[0].resolvedAt = null), /outcome and resolvedAt must be both set/],
			[(g) => (g.stretchSets[0].reps[0].peakDeg = NaN), /reps\[0\]\.peakDeg: must be a number from -90 to 180 \(got null\)/],
			[(g) => (g.stretchSets[0].reps[0].score = 101), /reps\[0\]\.score: must be a number from 0 to 100/],
			[(g) => void (g.stretchSets[0].reps[0].faults as string[]).push('wobbly'), /faults\[\d\]: must be one of hips_lifted/],
			[(g) => (g.stretchSets[0].totalHoldS = 999), /totalHoldS: must be the sum of holdsS/],
			[(g) => ((g.stretchSets[0] as unknown as Record<string, unknown>).exercise = 'plank'), /exercise: must be one of cobra, back_extension, hang, sphinx/],
			[(g) => (g.stretchSets[2].reps = g.stretchSets[0].reps), /must be empty for hang/],
			[(g) => (g.stretchSets[0].faults = { hips_lifted: -1 }), /faults\.hips_lifted: must be a whole number/],
			[(g) => ((g.stretchSets[0] as unknown as Record<string, unknown>).source = 'youtube'), /stretchSets\[0\]\.source: must be one of recording/],
			[(g) => ((g.sessions[0] as unknown as Record<string, unknown>).extra = 1), /sessions\[0\]\.extra: is not a field/],
			[(g) => ((g as unknown as Record<string, unknown>).nudges = 'none'), /nudges: must be a list/],
			[(g) => ((g.sessions as unknown[])[0] = 'x'), /sessions\[0\]: must be a session object/]
		];
		for (const [mutate, expected] of cases) {
			const g = good();
			mutate(g);
			const r = refused(JSON.parse(text(g)));
			expect(r.problems.join('\n')).toMatch(expected);
		}
	});

	it('refuses duplicate ids and nudges or sets of sessions not in the file', () => {
		const g = good();
		g.nudges[1].id = g.nudges[0].id;
		expect(refused(g).message).toMatch(/nudges\[1\]\.id: is a duplicate id/);
		const h = good();
		h.stretchSets[0].sessionId = 'nowhere';
		expect(refused(h).message).toMatch(/stretchSets\[0\]\.sessionId: refers to a session that is not in the file/);
	});

	it('refuses records from the future, allowing some clock skew', () => {
		const g = good();
		g.nudges[0].t = NOW + 24 * 3600_000;
		g.nudges[0].resolvedAt = g.nudges[0].t;
		expect(parseExport(text(g), { now: NOW }).ok).toBe(true);
		g.nudges[0].t = NOW + 5 * 24 * 3600_000;
		expect(refused(g).message).toMatch(/nudges\[0\]\.t: is not a plausible time/);
	});

	it('counts the problems in its message and caps the list', () => {
		const g = good();
		for (const s of g.sessions) (s as unknown as Record<string, unknown>).kind = 'x';
		const r = refused(g);
		expect(r.message).toMatch(/and \d+ more problems/);
		expect(r.problems.length).toBeLessThanOrEqual(50);
	});
});

describe('checkRecord', () => {
	it('passes good records and fails broken ones', () => {
		const g = good();
		expect(checkRecord('sessions', g.sessions[0], { now: NOW }).ok).toBe(true);
		expect(checkRecord('nudges', g.nudges[0], { now: NOW }).ok).toBe(true);
		expect(checkRecord('stretchSets', g.stretchSets[0], { now: NOW }).ok).toBe(true);
		expect(checkRecord('sessions', 'garbage', { now: NOW }).ok).toBe(false);
		expect(checkRecord('sessions', null, { now: NOW }).ok).toBe(false);
		expect(checkRecord('nudges', { ...g.nudges[0], t: undefined }, { now: NOW }).ok).toBe(false);
	});

	it('accepts a running session (end null) up to its last update', () => {
		const s = { ...good().sessions[0], end: null };
		expect(checkRecord('sessions', s, { now: NOW }).ok).toBe(true);
		const r = checkRecord('sessions', { ...s, updatedAt: s.start - 1 }, { now: NOW });
		expect(r.ok).toBe(false);
	});
});
