import { describe, expect, it } from 'vitest';
import { FrameRate } from './frame-rate';

describe('FrameRate', () => {
	it('measures a steady 20 fps', () => {
		const rate = new FrameRate();
		for (let i = 0; i < 100; i++) rate.push(i * 50);
		expect(rate.fps).toBeCloseTo(20, 5);
	});

	it('forgets frames older than the window after a pause', () => {
		const rate = new FrameRate(1000);
		for (let i = 0; i < 30; i++) rate.push(i * 33);
		for (let i = 0; i < 10; i++) rate.push(10_000 + i * 100);
		expect(rate.fps).toBeCloseTo(10, 5);
	});

	it('says 0 before two frames', () => {
		const rate = new FrameRate();
		expect(rate.fps).toBe(0);
		rate.push(5);
		expect(rate.fps).toBe(0);
	});
});
