import { describe, expect, it } from 'vitest';
import { changeScore } from './change-score';

/** A 16x12 thumbnail: a smooth gradient plus `noise` (deterministic), with `f` applied per cell. */
function thumb(noise = 0, seed = 1, f: (v: number, col: number, row: number) => number = (v) => v): Float32Array {
	let s = seed;
	const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
	return Float32Array.from({ length: 192 }, (_, i) => f(60 + (i % 16) * 8 + Math.floor(i / 16) * 3 + noise * rand(), i % 16, Math.floor(i / 16)));
}

describe('changeScore', () => {
	it('counts nothing for the same picture with a little camera noise', () => {
		const s = changeScore(thumb(0.5, 1), thumb(0.5, 2), 4);
		expect(s.changedCells).toBe(0);
		expect(s.spread).toBeGreaterThan(0.2);
		expect(s.spread).toBeLessThan(1);
	});

	it('takes a change of the whole picture (exposure) out before counting', () => {
		const brighter = thumb(0, 1, (v) => v + 25);
		const s = changeScore(thumb(), brighter, 4);
		expect(s.shift).toBeCloseTo(25, 5);
		expect(s.changedCells).toBe(0);
	});

	it('counts the cells where something moved, even with the exposure changing at the same time', () => {
		// A head-sized dark shape (3x3 cells) appears, and the picture gets 10 levels darker.
		const moved = thumb(0, 1, (v, col, row) => (col >= 6 && col < 9 && row >= 2 && row < 5 ? 20 : v - 10));
		const s = changeScore(thumb(), moved, 4);
		expect(s.shift).toBeCloseTo(-10, 5);
		expect(s.changedCells).toBe(9);
		expect(s.largest).toBeGreaterThan(40);
	});

	it('refuses thumbnails of different sizes', () => {
		expect(() => changeScore(new Float32Array(4), new Float32Array(5), 4)).toThrow();
	});
});
