import { describe, expect, it } from 'vitest';
import type { TrialSummary } from '$lib/engine/engine-choice';
import { delegateFor, parseEngineProfile, profileFrom, profileStale, withGpuFailure } from './engine-profile';

const summaries: TrialSummary[] = [
	{ model: 'lite', delegate: 'CPU', medianMs: 61.23, p90Ms: 70, initMs: 900, agreement: null, problem: null },
	{ model: 'lite', delegate: 'GPU', medianMs: 14.81, p90Ms: 16, initMs: 2100, agreement: { frames: 8, peopleMismatch: 0, landmarks: 200, meanPx: 1.912, p95Px: 4, maxPx: 7, diagonalPx: 800 }, problem: null },
	{ model: 'full', delegate: 'GPU', medianMs: null, p90Ms: null, initMs: null, agreement: null, problem: 'did not finish within 20 s' }
];
const device = { fingerprint: 'abcd0123', renderer: 'ANGLE (Intel)' };
const profile = profileFrom(summaries, { model: 'lite', delegate: 'GPU', medianMs: 14.81, delegates: { lite: 'GPU' } }, device, 1000);

describe('engine profile', () => {
	it('records what was measured, rounded, with the delegate of each model', () => {
		expect(profile).toEqual({
			fingerprint: 'abcd0123',
			renderer: 'ANGLE (Intel)',
			measuredAt: 1000,
			delegates: { lite: 'GPU' },
			gpuFailure: null,
			trials: [
				{ model: 'lite', delegate: 'CPU', medianMs: 61.2, meanPx: null, problem: null },
				{ model: 'lite', delegate: 'GPU', medianMs: 14.8, meanPx: 1.91, problem: null },
				{ model: 'full', delegate: 'GPU', medianMs: null, meanPx: null, problem: 'did not finish within 20 s' }
			]
		});
		expect(parseEngineProfile(JSON.parse(JSON.stringify(profile)))).toEqual(profile);
	});

	it('applies only on the device it was measured on; elsewhere the CPU, and it is stale', () => {
		expect(delegateFor(profile, 'abcd0123', 'lite')).toBe('GPU');
		expect(delegateFor(profile, 'abcd0123', 'full')).toBe('CPU');
		expect(delegateFor(profile, 'ffff0000', 'lite')).toBe('CPU');
		expect(delegateFor(null, 'abcd0123', 'lite')).toBe('CPU');
		expect(profileStale(profile, 'abcd0123')).toBe(false);
		expect(profileStale(profile, 'ffff0000')).toBe(true);
		expect(profileStale(null, 'ffff0000')).toBe(false);
	});

	it('keeps the CPU after a GPU failure on this device, until the device changes', () => {
		const failed = withGpuFailure(profile, 'abcd0123', 'the WebGL context was lost')!;
		expect(failed.gpuFailure).toBe('the WebGL context was lost');
		expect(delegateFor(failed, 'abcd0123', 'lite')).toBe('CPU');
		// Another device's profile is left alone; the first failure is the one kept.
		expect(withGpuFailure(profile, 'ffff0000', 'x')).toBe(profile);
		expect(withGpuFailure(failed, 'abcd0123', 'later')!.gpuFailure).toBe('the WebGL context was lost');
	});

	it('reads damaged profiles as bad, none as null', () => {
		expect(parseEngineProfile(undefined)).toBeNull();
		expect(parseEngineProfile(null)).toBeNull();
		expect(parseEngineProfile([])).toBe('bad');
		expect(parseEngineProfile({ ...profile, measuredAt: 'yesterday' })).toBe('bad');
		expect(parseEngineProfile({ ...profile, trials: [{ model: 'lite', delegate: 'NPU' }] })).toBe('bad');
	});
});
