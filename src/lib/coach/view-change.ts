/**
 * Has the view of the person changed (a cut, a crossfade, the camera carried around them, or another
 * skeleton taken for them)? Pure, driven by frame timestamps; feed it the followed person's body when
 * it is seen well enough to measure.
 *
 * Two signs (skeleton-jump.ts, on the body parts the exercise keeps in place): the skeleton jumping away
 * from every body seen in the last `jumpWindowMs` (a hard cut), and drifting away from every body seen
 * `driftWindowMs` ago (the engine's own smoothing turns a hard cut into a slide over a few frames, and a
 * crossfade makes a skeleton morph from one shot into the next, neither of which is a jump between two
 * frames). Either must hold in two frames running, against the bodies before the first: far-side limbs
 * flicker in and out for single frames (measured on the PosePilot recordings), and a body that was off
 * for one frame is dropped, not remembered.
 */
import type { Body } from '../features/types';
import { CUT_DEFAULTS, isCut, skeletonJump } from './skeleton-jump';

export interface ViewChangeOptions {
	/** The body parts the exercise keeps in place (see skeleton-jump.ts); default: the second steadiest part. */
	anchors?: readonly number[];
	/** A hard cut: far (skeleton-jump's isCut) from every body of the last this many ms. */
	jumpWindowMs: number;
	/** A drift: the anchors this many trunk lengths from every body seen ... */
	driftTrunks: number;
	/** ... between this long ago and `jumpWindowMs` ago (ms). */
	driftWindowMs: number;
}

export const VIEW_CHANGE_DEFAULTS: ViewChangeOptions = { jumpWindowMs: 300, driftTrunks: 0.3, driftWindowMs: 600 };

export interface ViewChangeDetector {
	/** True when the view changed at this frame (confirmed by this frame and the one before). */
	update(t: number, body: Body): boolean;
	reset(): void;
}

/** Anchors that must be seen in both bodies for a comparison to count as evidence. */
const MIN_SHARED = 3;

export function createViewChangeDetector(options: Partial<ViewChangeOptions> = {}): ViewChangeDetector {
	const o: ViewChangeOptions = { ...VIEW_CHANGE_DEFAULTS, ...options };
	const minShared = Math.min(MIN_SHARED, o.anchors?.length ?? MIN_SHARED);
	let history: Array<{ t: number; body: Body }> = [];
	let pending: { t: number; body: Body } | null = null;

	const jumpedFrom = (x: Body, body: Body): boolean => {
		const j = skeletonJump(x, body, o.anchors);
		// A change of size is evidence however few anchors are seen (a close-up); a move needs enough of them.
		if (j.scaleRatio !== null && Math.abs(Math.log(j.scaleRatio)) > Math.log(CUT_DEFAULTS.scaleFactor)) return true;
		return j.shared >= minShared && isCut(j);
	};
	const driftedFrom = (x: Body, body: Body): boolean => {
		const j = skeletonJump(x, body, o.anchors);
		return j.shared >= minShared && j.steady! > o.driftTrunks;
	};

	/** Whether `body` is away from what was seen before: the last moments seen (however long ago), or half a second ago. */
	const away = (t: number, body: Body): boolean => {
		const last = history[history.length - 1];
		if (!last) return false;
		const lastSeen = history.filter((x) => last.t - x.t <= o.jumpWindowMs);
		if (lastSeen.every((x) => jumpedFrom(x.body, body))) return true;
		const before = history.filter((x) => t - x.t > o.jumpWindowMs && t - x.t <= o.driftWindowMs);
		return before.length > 0 && before.every((x) => driftedFrom(x.body, body));
	};

	return {
		update(t, body) {
			const isAway = away(t, body);
			let changed = false;
			if (pending) {
				const first = pending;
				pending = null;
				if (isAway) {
					history = [first];
					changed = true;
				}
				// Otherwise the frame before was a misdetection: forgotten.
			} else if (isAway) {
				pending = { t, body };
				return false;
			}
			history.push({ t, body });
			history = history.filter((x) => t - x.t <= o.driftWindowMs || x === history[history.length - 1]);
			return changed;
		},
		reset() {
			history = [];
			pending = null;
		}
	};
}
