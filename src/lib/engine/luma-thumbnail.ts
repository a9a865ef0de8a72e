/**
 * A tiny luma picture of a camera frame (16x12 cells by default), to tell whether anything changed since the
 * last analysed frame for a few microseconds instead of a pose inference. Each cell is the mean brightness of
 * its block of the frame, sampled every `step` pixels each way (a 640x480 frame gives 100 samples a cell, which
 * averages camera noise down tenfold).
 */

/** How the pixels of the plane are laid out: one luma byte each (the Y plane of I420/NV12...) or packed colour. */
export type PixelLayout = 'luma8' | 'rgba' | 'bgra';

export interface PlaneView {
	data: Uint8Array;
	/** Byte offset of the first row. */
	offset: number;
	/** Bytes from one row to the next. */
	stride: number;
	width: number;
	height: number;
	layout: PixelLayout;
}

export const THUMB_COLS = 16;
export const THUMB_ROWS = 12;

export function lumaThumbnail(plane: PlaneView, cols = THUMB_COLS, rows = THUMB_ROWS, step = 4): Float32Array {
	const { data, offset, stride, width, height, layout } = plane;
	const sums = new Float32Array(cols * rows);
	const counts = new Uint32Array(cols * rows);
	const bytes = layout === 'luma8' ? 1 : 4;
	// Rec. 601 weights, in the byte order of the layout.
	const [wr, wb] = layout === 'bgra' ? [2, 0] : [0, 2];
	const at = (y: number) => Math.min(rows - 1, Math.floor((y * rows) / height));
	// Step from the middle of the first step so a 1-pixel-wide edge in the first column still counts.
	const start = Math.floor(step / 2);
	for (let y = start; y < height; y += step) {
		const row = offset + y * stride;
		const cellRow = at(y) * cols;
		for (let x = start; x < width; x += step) {
			const cell = cellRow + Math.min(cols - 1, Math.floor((x * cols) / width));
			const p = row + x * bytes;
			sums[cell] += bytes === 1 ? data[p] : 0.299 * data[p + wr] + 0.587 * data[p + 1] + 0.114 * data[p + wb];
			counts[cell]++;
		}
	}
	for (let i = 0; i < sums.length; i++) sums[i] = counts[i] ? sums[i] / counts[i] : 0;
	return sums;
}

/** The pixel layout of a WebCodecs VideoFrame format whose first plane can be read as luma or packed colour. */
export function layoutOf(format: string | null): PixelLayout | null {
	switch (format) {
		case 'I420':
		case 'I420A':
		case 'I422':
		case 'I422A':
		case 'I444':
		case 'I444A':
		case 'NV12':
			return 'luma8';
		case 'RGBA':
		case 'RGBX':
			return 'rgba';
		case 'BGRA':
		case 'BGRX':
			return 'bgra';
		default:
			// No format (a frame that lives on the GPU) or a high-bit-depth one: cannot be read cheaply.
			return null;
	}
}
