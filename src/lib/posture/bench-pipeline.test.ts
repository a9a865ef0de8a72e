import { describe, expect, it } from 'vitest';
import { benchPipeline } from './bench-pipeline';

describe('benchPipeline', () => {
	it('reports µs per frame for the whole pipeline', () => {
		const b = benchPipeline({ frames: 200 });
		expect(b.frames).toBe(200);
		for (const v of [b.usPerFrame, b.calibratedUsPerFrame, b.stillsUsPerFrame]) expect(v).toBeGreaterThan(0);
	});
});
