import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { at, dist, SEGMENT } from './geometry';

/**
 * Wrist-to-knee proximity: for each seen wrist, the distance to the nearer seen knee; the mean over
 * the wrists, in trunk lengths so it does not depend on camera distance (ExerSights #130: "use
 * body-size-normalised measures, not pixels"). A hand resting on the knee puts the wrist on the
 * lower thigh, ~0.1-0.5 trunk lengths from the knee point. With no wrist seen, a seen elbow
 * stands in: the wrist is at most a forearm's length from it, so the elbow-to-knee distance minus
 * a forearm (at least 0) is the nearest the hand can be.
 */
export function wristKneeDist(body: Body): number | null {
	if (!body.scale) return null;
	const knees = [at(body, LM.leftKnee), at(body, LM.rightKnee)].filter((k) => k !== null);
	if (!knees.length) return null;
	let sum = 0;
	let n = 0;
	for (const wi of [LM.leftWrist, LM.rightWrist]) {
		const w = at(body, wi);
		if (!w) continue;
		let best = Infinity;
		for (const k of knees) best = Math.min(best, dist(w, k!));
		sum += best;
		n++;
	}
	if (n) return sum / n / body.scale;
	let best: number | null = null;
	for (const ei of [LM.leftElbow, LM.rightElbow]) {
		const e = at(body, ei);
		if (!e) continue;
		for (const k of knees) {
			const d = Math.max(0, dist(e, k!) / body.scale - SEGMENT.forearm);
			if (best === null || d < best) best = d;
		}
	}
	return best;
}
