/**
 * How often the desk watch looks, by what it last saw (what-users-ask: check less often when all is well,
 * faster while a slouch builds up). Looks are cheap (a thumbnail); the pose model runs only on a look that
 * changed, or every `maxSkipMs`. A slump is a movement: the first look after it starts sees it, so a slouch is
 * pending within about a look and an inference of its onset (bench: watch_detect_latency_s <= 2 s).
 */
import type { SamplingOptions } from './frame-gate';

/**
 * Nobody there: a look every 0.7 s; someone arriving changes the picture and is analysed at once. Every look
 * gives a result (analysed or repeated), and results must come less than a second apart: the person tracker
 * (src/lib/tracking) treats a longer gap as the person gone and takes them back only on a strict match.
 */
export const DESK_NOBODY: Readonly<SamplingOptions> = Object.freeze({ intervalMs: 700, motionIntervalMs: 250, skipUnchanged: true, maxSkipMs: 10_000 });
/** Sitting well: two looks a second, the model at least every 10 s. */
export const DESK_STILL: Readonly<SamplingOptions> = Object.freeze({ intervalMs: 500, motionIntervalMs: 200, skipUnchanged: true, maxSkipMs: 10_000 });
/** A slouch pending or settled: four looks a second, the model at least every 2 s, so sitting up again counts quickly. */
export const DESK_SLOUCH: Readonly<SamplingOptions> = Object.freeze({ intervalMs: 250, motionIntervalMs: 200, skipUnchanged: true, maxSkipMs: 2000 });

export interface WatchedState {
	label: string;
	pending?: { label: string } | null;
}

/** The same object for the same situation, so a page reacting to it sends the worker only real changes. */
export function deskSampling(state: WatchedState | null): Readonly<SamplingOptions> {
	if (!state || state.label === 'away') return DESK_NOBODY;
	if (state.label === 'slouched' || state.pending?.label === 'slouched') return DESK_SLOUCH;
	return DESK_STILL;
}
