import { describe, expect, it } from 'vitest';
import { benchClassify } from './bench';

// The 0.2 ms budget is checked by `npm run bench` (node phase), never here: a shared machine makes timed
// assertions flaky. This only proves the measurement measures (frames classified, ordered figures).
describe('benchClassify', () => {
	it('times features + classification over every frame and reports best <= median <= worst', () => {
		const b = benchClassify({ frames: 50, runs: 3, warmupMs: 0 });
		expect(b.frames).toBeGreaterThanOrEqual(50);
		expect(b.bestUsPerFrame).toBeGreaterThan(0);
		expect(b.bestUsPerFrame).toBeLessThanOrEqual(b.usPerFrame);
		expect(b.usPerFrame).toBeLessThanOrEqual(b.worstUsPerFrame);
	});
});
