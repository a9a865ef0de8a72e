import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResultWindow } from './window';

describe('ResultWindow', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('counts only what arrives between warm-up and the end of the window', async () => {
		const w = new ResultWindow(1000, 2000);
		let opened = false;
		w.onOpen = () => (opened = true);
		for (let t = 0; t < 4000; t += 100) {
			w.push(t);
			await vi.advanceTimersByTimeAsync(100);
		}
		const f = await w.done;
		expect(opened).toBe(true);
		expect(f.results).toBe(20);
		expect(f.windowMs).toBe(2000);
		expect(f.fps).toBe(10);
		expect(f.values).toHaveLength(20);
		expect(f.values[0]).toBeGreaterThanOrEqual(1000);
		expect(f.values[19]).toBeLessThan(3100);
	});
});
