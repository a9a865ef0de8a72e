/**
 * Follow one person across frames when the pose engine reports several (numPoses > 1).
 *
 * The followed person is the calibrated one (a `seed` with their usual framing) or else the first
 * person seen (the nearest, i.e. largest, if several appear at once). Each frame they are matched
 * by torso centre (gated by how far they can have moved since last seen), body scale, and a
 * coarse limb-proportion signature. A passer-by who is smaller/larger or elsewhere in the frame
 * does not match. When the followed person is gone, a newcomer takes over only after the
 * followed person has been missing `handoverAfterMs` AND the newcomer has stayed `newcomerStayMs`;
 * someone who reappears near where they left, or who matches their size and proportions, is
 * taken back at once.
 *
 * Pure state machine over `PoseFrame.people`, driven by frame timestamps only.
 */
import type { PersonPose, PoseFrame } from '../pose/types';
import {
	bodyCentre,
	bodyScale,
	dist,
	frameAspect,
	limbSignature,
	seenCount,
	signatureDistance,
	type Point2
} from './body';

export interface TrackSeed {
	/** Usual torso centre, aspect-corrected units (see body.ts). */
	centre: Point2;
	/** Usual body scale, aspect-corrected units. */
	scale: number;
	signature?: number[];
}

export interface TrackerOptions {
	/** The followed person must have been missing this long before anyone else is followed. */
	handoverAfterMs: number;
	/** ... and the newcomer must have stayed in frame this long. */
	newcomerStayMs: number;
	/** Base position gate, in body scales. */
	gateScales: number;
	/** The gate grows by this many body scales per second since last seen (walking pace). */
	gateGrowthPerSec: number;
	/** Largest position gate, in body scales. */
	gateMaxScales: number;
	/** Gaps up to this long count as continuous tracking (dropouts); after that, `rematch*` rules apply. */
	continuityMs: number;
	/** Largest scale ratio between frames that can still be the same person. */
	maxScaleRatio: number;
	/**
	 * After a longer gap, a person anywhere in frame is taken back as the followed one if the scale ratio
	 * and the signature distance are below these (when no signature is measurable: same size and near
	 * where they left).
	 */
	rematchScaleRatio: number;
	rematchSignature: number;
	/**
	 * When the followed person was the only one in the previous frame and one person is in this one,
	 * sizes may jump this much (pose-estimator glitches, leaning right into a laptop camera).
	 */
	soleScaleRatio: number;
	/** People with fewer seen landmarks are ignored. */
	minSeenLandmarks: number;
	/** Calibrated person's usual framing: preferred at acquisition. */
	seed?: TrackSeed | null;
}

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
	handoverAfterMs: 8000,
	newcomerStayMs: 4000,
	gateScales: 0.6,
	gateGrowthPerSec: 2.5,
	gateMaxScales: 3,
	continuityMs: 1000,
	maxScaleRatio: 1.5,
	rematchScaleRatio: 1.25,
	rematchSignature: 0.1,
	soleScaleRatio: 2.5,
	minSeenLandmarks: 4,
	seed: null
};

export type TrackStatus =
	/** The followed person is in this frame at `index`. */
	| 'tracking'
	/** The followed person is not in this frame (`msSinceSeen` tells for how long). */
	| 'lost'
	/** Nobody followed yet. */
	| 'none';

export interface TrackResult {
	status: TrackStatus;
	/** Index into frame.people of the followed person, or null. */
	index: number | null;
	person: PersonPose | null;
	/** Time since the followed person was last seen (0 when in frame); null before anyone was followed. */
	msSinceSeen: number | null;
	/** True on the frame where tracking switched to a different person (handover or first acquisition). */
	switched: boolean;
}

interface Candidate {
	index: number;
	person: PersonPose;
	centre: Point2;
	scale: number;
	signature: number[];
}

interface Target {
	centre: Point2;
	scale: number;
	signature: number[];
	lastT: number;
}

interface Newcomer {
	centre: Point2;
	scale: number;
	firstT: number;
	lastT: number;
}

export interface PersonTracker {
	update(frame: PoseFrame): TrackResult;
	reset(): void;
}

function candidates(frame: PoseFrame, minSeen: number): Candidate[] {
	const aspect = frameAspect(frame);
	const out: Candidate[] = [];
	frame.people.forEach((person, index) => {
		if (seenCount(person) < minSeen) return;
		const centre = bodyCentre(person, aspect);
		const scale = bodyScale(person, aspect);
		if (!centre || !scale) return;
		out.push({ index, person, centre, scale, signature: limbSignature(person, aspect, scale) });
	});
	return out;
}

function blendSignature(old: number[], now: number[], a: number): number[] {
	return old.map((v, i) => {
		const n = now[i];
		if (!Number.isFinite(n)) return v;
		if (!Number.isFinite(v)) return n;
		return v + a * (n - v);
	});
}

export function createPersonTracker(options: Partial<TrackerOptions> = {}): PersonTracker {
	const o: TrackerOptions = { ...DEFAULT_TRACKER_OPTIONS, ...options };
	let target: Target | null = null;
	let newcomer: Newcomer | null = null;
	/** The previous frame had exactly one candidate and it was the followed person. */
	let soleBefore = false;

	const logRatio = (a: number, b: number) => Math.abs(Math.log(a / b));

	/** Cost of `c` being the followed person (Infinity when outside the gates). */
	function matchCost(c: Candidate, tg: Target, t: number, sole: boolean): number {
		const gap = Math.max(0, t - tg.lastT);
		const sd = signatureDistance(c.signature, tg.signature);
		const sig = Number.isFinite(sd) ? sd / 0.3 : 0.5;
		const scaleRatio = logRatio(c.scale, tg.scale);
		if (gap <= o.continuityMs) {
			// Continuous tracking or a short dropout: near where they were, about the same size
			// (sizes may jump more when they were and are alone in the frame).
			const gate = Math.min(o.gateMaxScales, o.gateScales + (o.gateGrowthPerSec * gap) / 1000) * tg.scale;
			const pos = dist(c.centre, tg.centre) / gate;
			const scl = scaleRatio / Math.log(sole ? o.soleScaleRatio : o.maxScaleRatio);
			return pos <= 1 && scl <= 1 ? pos + scl + 0.5 * sig : Infinity;
		}
		// Gone a while: only someone with the same size and, when measurable, the same proportions
		// is taken to be the followed person coming back (anywhere in the frame).
		if (scaleRatio > Math.log(o.rematchScaleRatio)) return Infinity;
		if (Number.isFinite(sd)) return sd <= o.rematchSignature ? 1 + sig : Infinity;
		const pos = dist(c.centre, tg.centre) / (o.gateScales * tg.scale);
		return pos <= 1 ? 1 + pos : Infinity;
	}

	function follow(c: Candidate, t: number): void {
		target = { centre: c.centre, scale: c.scale, signature: c.signature.slice(), lastT: t };
		newcomer = null;
	}

	function acquireCost(c: Candidate): number {
		const seed = o.seed;
		if (!seed) return -c.scale; // nearest (largest) first
		const pos = dist(c.centre, seed.centre) / (1.0 * seed.scale);
		const scl = logRatio(c.scale, seed.scale) / Math.log(1.6);
		return pos <= 1 && scl <= 1 ? pos + scl : Infinity;
	}

	function updateNewcomer(cands: Candidate[], t: number): Newcomer | null {
		if (cands.length === 0) {
			if (newcomer && t - newcomer.lastT > 1000) newcomer = null;
			return newcomer;
		}
		// Nearest (largest) non-followed person; same newcomer if near where they were.
		const best = cands.reduce((a, b) => (b.scale > a.scale ? b : a));
		if (
			newcomer &&
			t - newcomer.lastT <= 1000 &&
			dist(best.centre, newcomer.centre) <= 1.5 * newcomer.scale &&
			logRatio(best.scale, newcomer.scale) <= Math.log(1.6)
		) {
			newcomer = { centre: best.centre, scale: best.scale, firstT: newcomer.firstT, lastT: t };
		} else {
			newcomer = { centre: best.centre, scale: best.scale, firstT: t, lastT: t };
		}
		return newcomer;
	}

	function result(
		status: TrackStatus,
		c: Candidate | null,
		msSinceSeen: number | null,
		switched: boolean
	): TrackResult {
		return { status, index: c ? c.index : null, person: c ? c.person : null, msSinceSeen, switched };
	}

	function step(frame: PoseFrame): TrackResult {
		const t = frame.t;
		const cands = candidates(frame, o.minSeenLandmarks);

		if (!target) {
			let best: Candidate | null = null;
			let bestCost = Infinity;
			for (const c of cands) {
				const cost = acquireCost(c);
				if (cost < bestCost) {
					best = c;
					bestCost = cost;
				}
			}
			if (best) {
				follow(best, t);
				return result('tracking', best, 0, true);
			}
			// Calibrated person not (yet) seen: follow whoever stays long enough.
			const nc = updateNewcomer(cands, t);
			if (nc && t - nc.firstT >= o.newcomerStayMs) {
				const c = cands.reduce((a, b) => (b.scale > a.scale ? b : a));
				follow(c, t);
				return result('tracking', c, 0, true);
			}
			return result('none', null, null, false);
		}

		const tg: Target = target;
		const sole = soleBefore && cands.length === 1;
		let best: Candidate | null = null;
		let bestCost = Infinity;
		for (const c of cands) {
			const cost = matchCost(c, tg, t, sole);
			if (cost < bestCost) {
				best = c;
				bestCost = cost;
			}
		}
		if (best) {
			// follow size changes smoothly, but at once after a jump (sole person)
			const jump = logRatio(best.scale, tg.scale) > Math.log(o.maxScaleRatio);
			target = {
				centre: best.centre,
				scale: jump ? best.scale : tg.scale + 0.3 * (best.scale - tg.scale),
				signature: blendSignature(tg.signature, best.signature, 0.1),
				lastT: t
			};
			newcomer = null;
			return result('tracking', best, 0, false);
		}

		const missing = t - tg.lastT;
		const nc = updateNewcomer(cands, t);
		if (nc && missing >= o.handoverAfterMs && t - nc.firstT >= o.newcomerStayMs) {
			const c = cands.reduce((x, y) => (y.scale > x.scale ? y : x));
			follow(c, t);
			return result('tracking', c, 0, true);
		}
		return result('lost', null, missing, false);
	}

	return {
		update(frame: PoseFrame): TrackResult {
			const r = step(frame);
			soleBefore = r.status === 'tracking' && frame.people.length === 1;
			return r;
		},
		reset() {
			target = null;
			newcomer = null;
			soleBefore = false;
		}
	};
}
