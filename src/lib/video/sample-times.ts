/**
 * When to look at a video that is analysed offline: `fps` samples per second, each in the middle of its interval.
 *
 * Computed from the sample's index, never by adding up a step: 0.1 + 0.2 + 0.2 + … drifts below 0.9, and a seek to
 * 0.8999… shows the frame before the one at 0.9, so the landmarks reported for a time would be those of the
 * previous frame. Times are whole microseconds (what a browser seeks to), in seconds.
 */
export function sampleTime(index: number, fps: number): number {
	return Math.round(((index + 0.5) / fps) * 1e6) / 1e6;
}

/** How many samples fit in `durationS` at `fps`. */
export function sampleCount(durationS: number, fps: number): number {
	if (!(durationS > 0) || !(fps > 0) || !Number.isFinite(durationS)) return 0;
	return Math.max(0, Math.ceil(durationS * fps - 0.5 - 1e-9));
}
