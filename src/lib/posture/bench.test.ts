import { describe, expect, it } from 'vitest';
import { benchClassify } from './bench';

describe('benchClassify', () => {
	it('features + classification stay well under 200 µs per frame', () => {
		const b = benchClassify({ frames: 200, runs: 5 });
		console.log(`still classifier: ${b.usPerFrame} µs/frame (worst run ${b.worstUsPerFrame}) over ${b.frames} frames`);
		expect(b.usPerFrame).toBeGreaterThan(0);
		expect(b.usPerFrame).toBeLessThan(200);
	});
});
