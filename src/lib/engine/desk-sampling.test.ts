import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACKER_OPTIONS } from '$lib/tracking/tracker';
import { DESK_NOBODY, DESK_SLOUCH, DESK_STILL, deskSampling } from './desk-sampling';
import { framesPerSecondNeeded } from './frame-gate';

describe('deskSampling', () => {
	it('looks rarely with nobody there, twice a second when upright, four times while a slouch builds up', () => {
		expect(deskSampling(null)).toBe(DESK_NOBODY);
		expect(deskSampling({ label: 'away' })).toBe(DESK_NOBODY);
		expect(deskSampling({ label: 'upright', pending: null })).toBe(DESK_STILL);
		expect(deskSampling({ label: 'upright', pending: { label: 'slouched' } })).toBe(DESK_SLOUCH);
		expect(deskSampling({ label: 'slouched' })).toBe(DESK_SLOUCH);
		expect(1000 / DESK_NOBODY.intervalMs).toBeCloseTo(1.43, 2);
		expect(1000 / DESK_STILL.intervalMs).toBe(2);
		expect(1000 / DESK_SLOUCH.intervalMs).toBe(4);
	});

	it('keeps a slow drift from going unanalysed for long, and every option skips unchanged frames', () => {
		for (const o of [DESK_NOBODY, DESK_STILL, DESK_SLOUCH]) {
			expect(o.skipUnchanged).toBe(true);
			expect(o.maxSkipMs).toBeLessThanOrEqual(10_000);
			expect(o.motionIntervalMs).toBeLessThanOrEqual(o.intervalMs);
		}
		for (const o of [DESK_NOBODY, DESK_STILL, DESK_SLOUCH]) {
			// Results (one a look) come closer together than the tracker's continuity, even when a look waits for
			// the next frame of a camera capped at the rate these options need.
			expect(o.intervalMs + 1000 / framesPerSecondNeeded(o)!).toBeLessThan(DEFAULT_TRACKER_OPTIONS.continuityMs);
		}
		// While slouched, sitting up must be seen quickly even if the change detector missed it.
		expect(DESK_SLOUCH.maxSkipMs).toBeLessThanOrEqual(2000);
	});
});
