import { describe, expect, it } from 'vitest';
import { benchCalibration } from './bench';

describe('benchCalibration', () => {
	it('times plain and tfjs scoring and fitting', () => {
		const b = benchCalibration({ frames: 100, batch: 32 });
		expect(b.backend).toBe('cpu');
		for (const v of [b.plainUsPerFrame, b.tfjsUsPerFrame, b.tfjsBatchUsPerFrame, b.plainFitMs, b.tfjsFitMs])
			expect(Number.isFinite(v) && v > 0).toBe(true);
	});
});
