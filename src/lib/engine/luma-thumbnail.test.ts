import { describe, expect, it } from 'vitest';
import { layoutOf, lumaThumbnail } from './luma-thumbnail';

/** A width x height plane filled by `value(x, y)`, with `pad` extra bytes at the end of each row. */
function plane(width: number, height: number, value: (x: number, y: number) => number, pad = 0) {
	const stride = width + pad;
	const data = new Uint8Array(stride * height + 7).fill(255);
	for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[7 + y * stride + x] = value(x, y);
	return { data, offset: 7, stride, width, height, layout: 'luma8' as const };
}

describe('lumaThumbnail', () => {
	it('averages each block of the luma plane into its cell, whatever the row padding', () => {
		// Left half dark (20), right half bright (200), 640x480 with 64 bytes of padding per row.
		const t = lumaThumbnail(plane(640, 480, (x) => (x < 320 ? 20 : 200), 64));
		expect(t).toHaveLength(192);
		for (let row = 0; row < 12; row++) {
			for (let col = 0; col < 16; col++) expect(t[row * 16 + col]).toBe(col < 8 ? 20 : 200);
		}
	});

	it('puts a small bright square in the cell that holds it', () => {
		const t = lumaThumbnail(plane(640, 480, (x, y) => (x >= 400 && x < 440 && y >= 80 && y < 120 ? 250 : 10)));
		// 40x40 cells: x 400-439 is column 10, y 80-119 is row 2.
		const bright = [...t].map((v, i) => [v, i] as const).filter(([v]) => v > 10);
		expect(bright).toEqual([[250, 2 * 16 + 10]]);
	});

	it('reads packed colour as luma (Rec. 601), in RGBA and BGRA byte order', () => {
		const width = 64;
		const height = 48;
		const rgba = new Uint8Array(width * height * 4);
		const bgra = new Uint8Array(width * height * 4);
		for (let i = 0; i < width * height; i++) {
			rgba.set([200, 100, 50, 255], i * 4);
			bgra.set([50, 100, 200, 255], i * 4);
		}
		const expected = 0.299 * 200 + 0.587 * 100 + 0.114 * 50;
		const a = lumaThumbnail({ data: rgba, offset: 0, stride: width * 4, width, height, layout: 'rgba' }, 4, 3, 2);
		const b = lumaThumbnail({ data: bgra, offset: 0, stride: width * 4, width, height, layout: 'bgra' }, 4, 3, 2);
		for (const v of [...a, ...b]) expect(v).toBeCloseTo(expected, 3);
	});

	it('knows which frame formats it can read', () => {
		expect(layoutOf('I420')).toBe('luma8');
		expect(layoutOf('NV12')).toBe('luma8');
		expect(layoutOf('BGRA')).toBe('bgra');
		expect(layoutOf('RGBX')).toBe('rgba');
		expect(layoutOf(null)).toBeNull();
		expect(layoutOf('I420P10')).toBeNull();
	});
});
