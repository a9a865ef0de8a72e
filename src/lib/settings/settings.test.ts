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

describe('the engine profile in settings', () => {
	const profile = {
		fingerprint: '1a2b3c4d',
		renderer: 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620)',
		measuredAt: 1_700_000_000_000,
		delegates: { lite: 'GPU', full: 'GPU' },
		gpuFailure: null,
		trials: [
			{ model: 'lite', delegate: 'CPU', medianMs: 61.2, meanPx: null, problem: null },
			{ model: 'lite', delegate: 'GPU', medianMs: 14.8, meanPx: 1.9, problem: null }
		]
	};

	it('is kept with the automatic pick and its delegate', () => {
		const { settings, problem } = parseSettings(JSON.stringify({ ...DEFAULT_SETTINGS, autoModel: { model: 'full', medianMs: 21, delegate: 'GPU' }, engineProfile: profile }));
		expect(problem).toBeNull();
		expect(settings.engineProfile).toEqual(profile);
		expect(settings.autoModel).toEqual({ model: 'full', medianMs: 21, delegate: 'GPU' });
	});

	it('is reset alone when damaged, and settings from before it existed still load', () => {
		const damaged = parseSettings(JSON.stringify({ onboarded: true, engineProfile: { ...profile, delegates: { lite: 'TPU' } } }));
		expect(damaged.settings.engineProfile).toBeNull();
		expect(damaged.settings.onboarded).toBe(true);
		expect(damaged.problem).toMatch(/engineProfile/);
		const old = parseSettings(JSON.stringify({ onboarded: true, autoModel: { model: 'lite', medianMs: 70 } }));
		expect(old.problem).toBeNull();
		expect(old.settings.autoModel).toEqual({ model: 'lite', medianMs: 70 });
		expect(old.settings.engineProfile).toBeNull();
	});
});
