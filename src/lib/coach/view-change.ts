/**
 * Has the view of the person changed (a cut, a crossfade, the camera carried around them, or another
 * skeleton taken for them)? Pure, driven by frame timestamps; feed it the followed person's body when
 * it is seen well enough to measure.
 *
 * Two signs (skeleton-jump.ts): the whole skeleton jumping between two observations (a hard cut), and
 * the steadiest body parts drifting across the picture within half a second. Someone doing a stretch
 * keeps their legs on the floor or their hands on the mat or the bar, so those parts do not travel; the engine's own smoothing turns a hard cut into a slide over a few frames, and a
 * crossfade makes a skeleton morph from one shot into the next, neither of which is a jump between two
 * frames.
 */
import type { Body } from '../features/types';
import { isCut, skeletonJump } from './skeleton-jump';

export interface ViewChangeOptions {
	/** The body parts the exercise keeps in place (see skeleton-jump.ts); default: the second steadiest part. */
	anchors?: readonly number[];
	/** The steadiest body parts (skeleton-jump.ts) moving this many trunk lengths ... */
	driftTrunks: number;
	/** ... within this long (ms) is a change of view. */
	driftWindowMs: number;
}

export const VIEW_CHANGE_DEFAULTS: ViewChangeOptions = { driftTrunks: 0.3, driftWindowMs: 500 };

export interface ViewChangeDetector {
	/** True when the view changed at this frame (since the last body fed). */
	update(t: number, body: Body): boolean;
	reset(): void;
}

export function createViewChangeDetector(options: Partial<ViewChangeOptions> = {}): ViewChangeDetector {
	const o: ViewChangeOptions = { ...VIEW_CHANGE_DEFAULTS, ...options };
	let recent: Array<{ t: number; body: Body }> = [];
	return {
		update(t, body) {
			const last = recent[recent.length - 1];
			let changed = last !== undefined && isCut(skeletonJump(last.body, body, o.anchors));
			if (!changed) {
				// The oldest body within the window: how far have the steady parts travelled since?
				recent = recent.filter((x) => t - x.t <= o.driftWindowMs);
				const first = recent[0];
				const steady = first ? skeletonJump(first.body, body, o.anchors).steady : null;
				changed = steady !== null && steady > o.driftTrunks;
			}
			if (changed) recent = [];
			recent.push({ t, body });
			return changed;
		},
		reset() {
			recent = [];
		}
	};
}
