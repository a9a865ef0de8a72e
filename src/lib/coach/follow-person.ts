/**
 * Which of the people in a frame is the one doing the stretch. Pure, driven by frame timestamps.
 *
 * Someone doing a stretch stays where they are (lying on a mat, hanging from a bar), so the person
 * followed is the one whose skeleton is where theirs was, at the same size: the body parts the exercise
 * keeps in place (its anchors, see skeleton-jump.ts: the hands on the bar, the legs on the floor) moved
 * less than a quarter of a trunk length between frames, half of one at most after a while unseen. A
 * skeleton sliding across the picture (the engine's tracking drifting from one man to the next on the
 * dead-hang video) moves all of its parts and is not followed, nor is a close-up the engine fills with a
 * body twice the size. The pose engine does not report everyone in every frame: with two men side by
 * side on a bar it often reports only one of them, now one, now the other. So everyone seen beside the
 * followed person is remembered where they were, and a person found where a remembered neighbour was is
 * that neighbour, not the followed person seen alone.
 *
 * The person in the exercise's position (`inPosition`) is taken first. Someone found where nobody was (a
 * stranger) may be the followed person seen from a new camera after a cut, or having moved while
 * unseen: they are followed when in the exercise's position, once the followed person has been missing
 * `switchAfterMs` and the stranger has stayed in one place meanwhile (never at once: in a phone video
 * walking around a man lying on the floor, the first stranger seen alone was a bystander), or while the
 * followed person has never been in position (the one who got on the mat, not the one standing nearer).
 */
import type { PoseFrame } from '../pose/types';
import type { Body } from '../features/types';
import { prepareBody } from '../features/body';
import { BODY_PARTS } from '../pose/landmarks';
import { CUT_DEFAULTS, skeletonJump } from './skeleton-jump';
import { coachInput, type CoachInput } from './types';

export interface FollowOptions {
	/** The followed person is within this many trunk lengths of where they were ... */
	gateTrunks: number;
	/** ... plus this many per second since they were last seen ... */
	gatePerSecond: number;
	/** ... up to this many (less than the ~1.2 trunk lengths between two people side by side). */
	gateMaxTrunks: number;
	/** Other people are remembered where they were seen for this long (ms). */
	othersMemoryMs: number;
	/** A stranger is followed after the followed person has been missing this long (ms) ... */
	switchAfterMs: number;
	/** ... and the stranger has stayed in one place this long (ms). */
	strangerStayMs: number;
	/** People with fewer body parts seen are ignored (a hand, a foot at the edge of the picture). */
	minBodyParts: number;
	/**
	 * Whether a body is in the exercise's position (lying face down, hanging from a bar): such a person is
	 * taken first, and a stranger is followed only in it (a bystander walking by is not the person stretching).
	 */
	inPosition?: (body: Body) => boolean;
	/** The body parts the exercise keeps in place (see skeleton-jump.ts); default: the second steadiest part. */
	anchors?: readonly number[];
}

export const FOLLOW_DEFAULTS: FollowOptions = {
	gateTrunks: 0.25,
	gatePerSecond: 0.5,
	gateMaxTrunks: 0.5,
	othersMemoryMs: 3000,
	switchAfterMs: 600,
	strangerStayMs: 300,
	minBodyParts: 4
};

export interface FollowResult {
	/** Index in frame.people of the followed person, or null when they are not in this frame. */
	index: number | null;
	/** True when a different skeleton is followed from this frame on (a cut, or a new person). */
	switched: boolean;
}

export interface PersonFollower {
	update(frame: PoseFrame): FollowResult;
	/** The frame's CoachInput for the followed person, with `switched` (see update). */
	input(frame: PoseFrame): CoachInput & { switched: boolean };
	reset(): void;
}

interface Seen {
	body: Body;
	t: number;
}


export function createPersonFollower(options: Partial<FollowOptions> = {}): PersonFollower {
	const o: FollowOptions = { ...FOLLOW_DEFAULTS, ...options };
	let followed: Seen | null = null;
	let others: Seen[] = [];
	let stranger: (Seen & { since: number }) | null = null;
	/** The followed person has been seen in the exercise's position. */
	let followedInPosition = false;
	const inPosition = (b: Body) => (o.inPosition ? o.inPosition(b) : true);
	const largest = <T extends { body: Body }>(xs: T[]): T => xs.reduce((a, b) => (b.body.scale! > a.body.scale! ? b : a));

	/** How far a skeleton is from one seen before: its anchors' move, and not a different size (a close-up). */
	const distance = (a: Body, b: Body): number => {
		const j = skeletonJump(a, b, o.anchors);
		if (j.scaleRatio !== null && Math.abs(Math.log(j.scaleRatio)) > Math.log(CUT_DEFAULTS.scaleFactor)) return Infinity;
		return j.steady ?? Infinity;
	};
	const gate = (since: number) => Math.min(o.gateMaxTrunks, o.gateTrunks + (o.gatePerSecond * since) / 1000);

	const update = (frame: PoseFrame): FollowResult => {
		const t = frame.t;
		const aspect = frame.width && frame.height ? frame.width / frame.height : 1;
		const bodies = frame.people.map((p) => prepareBody(p, aspect));
		const cands = bodies
			.map((body, index) => ({ body, index }))
			.filter((c) => c.body.scale !== null && BODY_PARTS.filter((i) => c.body.p[i]).length >= o.minBodyParts);
		others = others.filter((x) => t - x.t <= o.othersMemoryMs);
		if (!followed) {
			if (!cands.length) return { index: null, switched: false };
			// The person in the exercise's position, else the largest (nearest) to coach into it.
			const ready = cands.filter((c) => inPosition(c.body));
			const first = largest(ready.length ? ready : cands);
			followed = { body: first.body, t };
			followedInPosition = ready.includes(first);
			others = cands.filter((c) => c !== first).map((c) => ({ body: c.body, t }));
			return { index: first.index, switched: true };
		}
		const f: Seen = followed;
		// The followed person: the nearest within the gate.
		let best: (typeof cands)[number] | null = null;
		let bestD = gate(t - f.t);
		for (const c of cands) {
			const d = distance(f.body, c.body);
			if (d <= bestD) {
				best = c;
				bestD = d;
			}
		}
		const rest = cands.filter((c) => c !== best);
		// Everyone else: a remembered neighbour (refreshed where they are now) or a stranger.
		const strangers: typeof cands = [];
		for (const c of rest) {
			let match: Seen | null = null;
			let md = Infinity;
			for (const x of others) {
				const d = distance(x.body, c.body);
				if (d <= gate(t - x.t) && d < md) {
					match = x;
					md = d;
				}
			}
			if (match) {
				match.body = c.body;
				match.t = t;
			} else strangers.push(c);
		}
		// A stranger may be the followed person after a cut (only in the exercise's position), or, while
		// the followed person has never been in it, the one who is.
		const eligible = strangers.filter((c) => inPosition(c.body));
		const s = eligible.length ? largest(eligible) : null;
		if (s) {
			if (stranger && distance(stranger.body, s.body) <= gate(t - stranger.t)) stranger = { body: s.body, t, since: stranger.since };
			else stranger = { body: s.body, t, since: t };
		} else stranger = null;
		const settled = stranger !== null && t - stranger.since >= o.strangerStayMs;
		if (best) {
			if (settled && !followedInPosition) {
				// Whoever was followed while nobody was in position is someone else now.
				others.push({ body: best.body, t });
				for (const c of strangers) if (c !== s) others.push({ body: c.body, t });
				followed = { body: s!.body, t };
				followedInPosition = true;
				stranger = null;
				return { index: s!.index, switched: true };
			}
			followed = { body: best.body, t };
			if (inPosition(best.body)) followedInPosition = true;
			// While the followed person has never been in position, the stranger who is stays watched.
			for (const c of strangers) if (c !== s || followedInPosition) others.push({ body: c.body, t });
			if (followedInPosition) stranger = null;
			return { index: best.index, switched: false };
		}
		// Strangers seen while the followed person is missing may be them: not remembered as others.
		if (!s) return { index: null, switched: false };
		const missing = t - f.t;
		if (missing >= o.switchAfterMs && settled) {
			followed = { body: s.body, t };
			followedInPosition = true;
			stranger = null;
			return { index: s.index, switched: true };
		}
		return { index: null, switched: false };
	};

	return {
		update,
		input(frame) {
			const r = update(frame);
			return { ...coachInput(frame, r.index), switched: r.switched };
		},
		reset() {
			followed = null;
			others = [];
			stranger = null;
			followedInPosition = false;
		}
	};
}
