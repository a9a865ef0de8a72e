/**
 * How much a luma thumbnail changed from a reference one, robustly: a change of the whole picture (exposure,
 * a light switched on) is taken out as the median difference first, then the cells still differing by more
 * than `threshold` are counted. Small moving things (one cell) and camera noise stay below; a head moving
 * a few pixels changes the cells along its outline by tens of levels.
 */
export interface ChangeScore {
	/** Cells that changed by more than the threshold once the shift of the whole picture is taken out. */
	changedCells: number;
	/** Median difference of all cells (luma levels): the picture as a whole getting brighter or darker. */
	shift: number;
	/** Robust spread of what is left (1.4826 x median absolute residual): about the noise when nothing moved. */
	spread: number;
	/** The largest residual (luma levels). */
	largest: number;
}

function median(values: Float32Array): number {
	const sorted = Float32Array.from(values).sort();
	const m = sorted.length >> 1;
	return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

export function changeScore(reference: Float32Array, current: Float32Array, threshold: number): ChangeScore {
	if (reference.length !== current.length || current.length === 0) throw new Error('thumbnails of different sizes');
	const diff = new Float32Array(current.length);
	for (let i = 0; i < diff.length; i++) diff[i] = current[i] - reference[i];
	const shift = median(diff);
	let changedCells = 0;
	let largest = 0;
	for (let i = 0; i < diff.length; i++) {
		const r = Math.abs(diff[i] - shift);
		diff[i] = r;
		if (r > threshold) changedCells++;
		if (r > largest) largest = r;
	}
	return { changedCells, shift, spread: 1.4826 * median(diff), largest };
}
