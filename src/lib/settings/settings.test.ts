import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from './settings';

describe('parseSettings', () => {
	it('gives defaults when nothing is stored', () => {
		expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
	});

	it('keeps good fields', () => {
		const stored = JSON.stringify({ ...DEFAULT_SETTINGS, onboarded: true, nudgeStyles: ['voice', 'banner'], model: 'full', calibrations: { 'cam@640x480': '{}' } });
		const { settings, problem } = parseSettings(stored);
		expect(problem).toBeNull();
		expect(settings).toMatchObject({ onboarded: true, nudgeStyles: ['voice', 'banner'], model: 'full', calibrations: { 'cam@640x480': '{}' } });
	});

	it('resets unreadable storage with a message instead of throwing', () => {
		expect(parseSettings('{not json').problem).toMatch(/reset/);
		expect(parseSettings('[1,2]').settings).toEqual(DEFAULT_SETTINGS);
	});

	it('resets only the damaged fields and names them', () => {
		const { settings, problem } = parseSettings(JSON.stringify({ onboarded: true, model: 'gigantic', nudgeStyles: ['siren'], maxNudgesPerHour: 1e9 }));
		expect(settings.onboarded).toBe(true);
		expect(settings.model).toBeNull();
		expect(settings.nudgeStyles).toEqual(['banner']);
		expect(settings.maxNudgesPerHour).toBe(4);
		expect(problem).toMatch(/model, nudgeStyles, maxNudgesPerHour/);
	});
});
