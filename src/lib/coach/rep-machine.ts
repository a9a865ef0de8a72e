/**
 * The phases of one repetition of a stretch measured by an angle (cobra: chest lift; standing back
 * extension: lean back): rest -> rising -> top -> lowering -> rest. Pure, timestamp driven.
 *
 * - Enter and exit thresholds with a gap between them (users: "enter/exit thresholds with a gap
 *   between them stop jitter from double counting"): a rep starts when the angle reaches `enterDeg`.
 * - A rep ends on a lowering that is seen: the angle coming down, within one view of the body, below
 *   the exit threshold or more than `returnShare` of the way back to rest (people flowing from one rep
 *   into the next often stop short of the floor), and staying there `exitConfirmMs`; a new rep then
 *   needs a fresh rise from the lowest point reached. A brief dip is not a lowering.
 * - Readings come in view segments (signal-continuity.ts): a cut in a video, or the engine taking
 *   another skeleton, starts a new segment, where the same pose may read a different angle. A cut in
 *   the middle of a rep is a pause, not its end: the rep carries on in the new segment, and the top
 *   and the hold are judged within each segment on its own. A segment that starts down (the lowering
 *   happened out of sight) ends the rep once the person has been seen down `unseenLowerConfirmMs`.
 * - Not seen (nobody, too little of the body, the engine unsure) is a pause: the rep stays open and
 *   the time is not counted as held, except gaps up to `graceMs` inside the top (users: "a hold timer
 *   that resets on one missed frame is a top complaint"). Unseen for `pauseMaxMs` ends the rep where it
 *   was last seen. Seen out of the start position (got up) for `outMs` ends it too.
 * - The top is where the person slows down near the level held (the highest 400-ms median of the
 *   readings within 3 s: a transient is not a top), within `topBandDeg` of it, or the upper `topShare`
 *   of the lift when wider, moving slower than `topSpeedDegS`; the hold is the time that near it.
 * - A rep must be measured above the exit for `minAboveMs` (and in a few frames), and either its rise
 *   or its lowering must be seen, or it must be going on when the set starts (a recording that begins
 *   mid-rep): a stretch of footage bounded by cuts on both sides proves nothing (a close-up whose
 *   skeleton the engine made up reads some angle for a while).
 */
export interface RepMachineOptions {
	enterDeg: number;
	exitDeg: number;
	/** The resting angle the thresholds stand on (default: below the exit by the enter-exit gap). */
	restDeg?: number;
	topBandDeg: number;
	/**
	 * The top is also the upper `topShare` of the lift above rest, when that is wider than `topBandDeg`:
	 * a real hold drifts (in the v3 cobra video a 6-s hold sank from 54 to 49 degrees and rose to 59).
	 */
	topShare: number;
	topSpeedDegS: number;
	graceMs: number;
	minAboveMs: number;
	/** A lowering this share of the way from the segment's peak back to rest ends the rep. */
	returnShare: number;
	/** A seen lowering must stay down this long (ms). */
	exitConfirmMs: number;
	/** Seen down in a new segment (the lowering unseen) this long ends the rep (ms). */
	unseenLowerConfirmMs: number;
	/** Seen out of the start position this long ends the rep (ms). */
	outMs: number;
	/** Not seen this long ends the rep where it was last seen (ms). */
	pauseMaxMs: number;
}

type RepMachineDefaults = Omit<RepMachineOptions, 'enterDeg' | 'exitDeg' | 'restDeg' | 'topBandDeg' | 'topSpeedDegS' | 'graceMs' | 'minAboveMs'>;

export const REP_MACHINE_DEFAULTS: RepMachineDefaults = {
	topShare: 0.2,
	returnShare: 0.5,
	exitConfirmMs: 300,
	unseenLowerConfirmMs: 1000,
	outMs: 1500,
	pauseMaxMs: 30000
};

export type RepPhase = 'rest' | 'rising' | 'top' | 'lowering';

/** One frame for the machine. */
export type RepReading =
	/** The angle measured, its speed (degrees per second, smoothed); `newSegment` after a cut. */
	| { kind: 'angle'; angle: number; speed: number; newSegment?: boolean }
	/** Not seen well enough to measure. */
	| { kind: 'unseen' }
	/** Seen, and out of the exercise's start position. */
	| { kind: 'out' };

export type RepEnd = 'lowered' | 'lowered_unseen' | 'out' | 'unseen' | 'finish';

export interface RepRecord {
	startT: number;
	/** When the top was reached (the peak's time when it was passed without slowing). */
	topT: number;
	endT: number;
	peakDeg: number;
	peakT: number;
	/** Milliseconds at the top, over all segments. */
	holdMs: number;
	/** View segments the rep was seen in (1 without cuts). */
	segments: number;
	endedBy: RepEnd;
}

export interface RepStep {
	phase: RepPhase;
	/** A rep started at this frame. */
	started: boolean;
	/** The top was reached at this frame. */
	reachedTop: boolean;
	/** A counted rep ended at this frame. */
	ended: RepRecord | null;
	/** Highest angle of the open rep in the current segment (null at rest). */
	peakDeg: number | null;
	/** Milliseconds held at the top in the open rep. */
	holdMs: number;
	/** A rep is open and not measured at this frame. */
	paused: boolean;
}

export interface RepMachine {
	update(t: number, reading: RepReading): RepStep;
	/** Closes the open rep (end of the set); returns it when it counts. */
	finish(): RepRecord | null;
	/** Thresholds may follow the person's own resting angle between reps. */
	setThresholds(enterDeg: number, exitDeg: number, restDeg?: number): void;
	readonly phase: RepPhase;
	reset(): void;
}

/** A rep is measured in at least this many frames. */
const MIN_REP_FRAMES = 3;
/** Holds at least this long report the level held as the peak. */
const HELD_PEAK_MS = 500;

interface Sample {
	t: number;
	a: number;
	/** The median of the readings over the last `LEVEL_WINDOW_MS`. */
	m: number;
}

interface Segment {
	id: number;
	samples: Sample[];
	/** Highest angle measured. */
	peak: number;
	peakT: number;
	/** Samples whose at-the-top verdict can no longer change (their level's window is complete), and their hold. */
	settled: { n: number; top: boolean[]; ms: number };
}

/**
 * The level held at a moment is the highest median over `LEVEL_WINDOW_MS` of readings within
 * `LEVEL_MEMORY_MS` of it, before or after: a transient (a crossfade's skeleton half-way between two
 * shots read 78 degrees for 0.3 s in a 50-degree hold) does not make the top, a slow rise that keeps
 * climbing is not held until it stops, and a hold that sags for seconds, or a camera that reads the same
 * pose a few degrees lower after a cut it did not show, is still the top.
 */
const LEVEL_WINDOW_MS = 400;
const LEVEL_MEMORY_MS = 3000;

function windowMedian(samples: readonly Sample[], t: number): number {
	const w: number[] = [];
	for (let i = samples.length - 1; i >= 0 && t - samples[i].t <= LEVEL_WINDOW_MS; i--) w.push(samples[i].a);
	w.sort((a, b) => a - b);
	const m = w.length >> 1;
	return w.length % 2 ? w[m] : (w[m - 1] + w[m]) / 2;
}

interface OpenRep {
	startT: number;
	topT: number | null;
	openedAtStart: boolean;
	riseSeen: boolean;
	segments: Segment[];
	lastAboveT: number;
	lastValidT: number;
	/** A dip below the exit in progress: since when, and whether it came down within one segment. */
	below: { firstT: number; continuous: boolean } | null;
	outSince: number | null;
}

export function createRepMachine(opts: Omit<RepMachineOptions, keyof RepMachineDefaults> & Partial<RepMachineDefaults>): RepMachine {
	const o: RepMachineOptions = { ...REP_MACHINE_DEFAULTS, ...opts };
	let enter = o.enterDeg;
	let exit = o.exitDeg;
	let rest = o.restDeg ?? o.exitDeg - (o.enterDeg - o.exitDeg);
	let phase: RepPhase = 'rest';
	let rep: OpenRep | null = null;
	let seg = 0;
	let prev: { t: number; a: number; seg: number } | null = null;
	/** Lowest angle since a rep ended short of the exit: the next rep rises from there. */
	let valley: number | null = null;

	const current = (): Segment => {
		const segs = rep!.segments;
		let s = segs[segs.length - 1];
		if (!s || s.id !== seg) {
			s = { id: seg, samples: [], peak: -Infinity, peakT: 0, settled: { n: 0, top: [], ms: 0 } };
			segs.push(s);
		}
		return s;
	};

	/** How far below a level is still the top. */
	const band = (level: number) => Math.max(o.topBandDeg, o.topShare * (level - rest));

	/** The level held up to now: the highest window median in the last `LEVEL_MEMORY_MS`. */
	const recentLevel = (s: Segment, t: number): number => {
		let best = -Infinity;
		for (let i = s.samples.length - 1; i >= 0 && t - s.samples[i].t <= LEVEL_MEMORY_MS; i--) best = Math.max(best, s.samples[i].m);
		return best;
	};

	/**
	 * Per sample: whether it is at the top, judged against the level held around it (before and after).
	 * Samples more than `LEVEL_MEMORY_MS` before the last one keep their verdict, so only the tail is
	 * judged again each frame.
	 */
	const atTop = (s: Segment): boolean[] => {
		const xs = s.samples;
		const last = xs.length ? xs[xs.length - 1].t : 0;
		const from = s.settled.n;
		let lo = from;
		while (lo > 0 && xs[from].t - xs[lo - 1].t <= LEVEL_MEMORY_MS) lo--;
		const out = s.settled.top.slice();
		let hi = lo;
		const win: number[] = [];
		for (let i = from; i < xs.length; i++) {
			const t = xs[i].t;
			while (hi < xs.length && xs[hi].t - t <= LEVEL_MEMORY_MS) {
				while (win.length && xs[win[win.length - 1]].m <= xs[hi].m) win.pop();
				win.push(hi++);
			}
			while (t - xs[lo].t > LEVEL_MEMORY_MS) lo++;
			while (win[0] < lo) win.shift();
			const level = xs[win[0]].m;
			out.push(xs[i].a >= level - band(level));
		}
		// What is settled now: samples whose window ends before the last sample.
		let n = from;
		while (n < xs.length && last - xs[n].t > LEVEL_MEMORY_MS) n++;
		if (n > from) {
			let ms = s.settled.ms;
			for (let i = Math.max(1, from); i < n; i++) if (out[i - 1] && out[i] && xs[i].t - xs[i - 1].t <= o.graceMs) ms += xs[i].t - xs[i - 1].t;
			s.settled = { n, top: out.slice(0, n), ms };
		}
		return out;
	};

	/** Milliseconds at the top of a segment; gaps up to `graceMs` between such frames count. */
	const holdOf = (s: Segment): number => {
		const top = atTop(s);
		const xs = s.samples;
		let ms = s.settled.ms;
		for (let i = Math.max(1, s.settled.n); i < xs.length; i++) if (top[i - 1] && top[i] && xs[i].t - xs[i - 1].t <= o.graceMs) ms += xs[i].t - xs[i - 1].t;
		return ms;
	};
	const totalHold = (): number => (rep ? rep.segments.reduce((s, x) => s + holdOf(x), 0) : 0);

	/** The level held (upper quartile of the frames at the top) when held, else the highest angle. */
	const peakOf = (s: Segment, holdMs: number): number => {
		if (holdMs < HELD_PEAK_MS) return s.peak;
		const top = atTop(s);
		const near = s.samples.filter((_, i) => top[i]).map((x) => x.a);
		near.sort((a, b) => a - b);
		return near[Math.floor(0.75 * (near.length - 1))];
	};

	const exitLevel = (level: number) => Math.max(exit, rest + o.returnShare * (level - rest));

	const close = (endT: number, endedBy: RepEnd): RepRecord | null => {
		const r = rep!;
		rep = null;
		phase = 'rest';
		const holds = r.segments.map(holdOf);
		const holdMs = holds.reduce((s, x) => s + x, 0);
		// The peak of the segment held longest (the main view of the rep), else the highest.
		let k = 0;
		for (let i = 1; i < r.segments.length; i++) if (holds[i] > holds[k] || (holds[k] === 0 && r.segments[i].peak > r.segments[k].peak)) k = i;
		const main = r.segments[k];
		// Time measured above the exit threshold: a glitch of a frame or two is not a rep.
		let aboveMs = 0;
		let aboveN = 0;
		for (const s of r.segments) {
			for (let i = 0; i < s.samples.length; i++) {
				if (s.samples[i].a < exit) continue;
				aboveN++;
				const b = s.samples[i + 1];
				if (b && b.a >= exit && b.t - s.samples[i].t <= o.graceMs) aboveMs += b.t - s.samples[i].t;
			}
		}
		const seenMovement = r.riseSeen || endedBy === 'lowered' || r.openedAtStart;
		if (!main || aboveN < MIN_REP_FRAMES || aboveMs < o.minAboveMs || !seenMovement) return null;
		return {
			startT: r.startT,
			topT: r.topT ?? main.peakT,
			endT,
			peakDeg: peakOf(main, holds[k]),
			peakT: main.peakT,
			holdMs,
			segments: r.segments.length,
			endedBy
		};
	};

	const step = (ended: RepRecord | null, started = false, reachedTop = false, paused = false): RepStep => {
		const s = rep?.segments[rep.segments.length - 1];
		return { phase, started, reachedTop, ended, peakDeg: s ? s.peak : null, holdMs: totalHold(), paused };
	};

	/** Whether an angle starts a rep: above the enter threshold and, after a rep that ended short of the exit, risen afresh. */
	const starts = (a: number) => a >= enter && (valley === null || a - valley >= enter - rest);

	const onAngle = (t: number, a: number, speed: number): RepStep => {
		const samePrev = prev !== null && prev.seg === seg;
		if (!rep) {
			if (starts(a)) {
				rep = {
					startT: t,
					topT: null,
					openedAtStart: prev === null,
					riseSeen: samePrev && !starts(prev!.a),
					segments: [],
					lastAboveT: t,
					lastValidT: t,
					below: null,
					outSince: null
				};
				valley = null;
				phase = 'rising';
				const s = current();
				s.samples.push({ t, a, m: a });
				s.peak = a;
				s.peakT = t;
				prev = { t, a, seg };
				return step(null, true);
			}
			if (valley !== null) valley = Math.min(valley, a);
			prev = { t, a, seg };
			return step(null);
		}
		const r: OpenRep = rep;
		r.lastValidT = t;
		r.outSince = null;
		const s = current();
		const fresh = s.samples.length === 0;
		s.samples.push({ t, a, m: a });
		s.samples[s.samples.length - 1].m = windowMedian(s.samples, t);
		if (a > s.peak) {
			s.peak = a;
			s.peakT = t;
		}
		const level = recentLevel(s, t);
		let reachedTop = false;
		const nearTop = a >= level - band(level);
		const slow = Math.abs(speed) < o.topSpeedDegS;
		if (fresh) phase = nearTop && slow ? 'top' : phase;
		else if (phase === 'rising') {
			if (nearTop && slow) {
				phase = 'top';
				r.topT ??= t;
				reachedTop = true;
			} else if (!nearTop) {
				// Passed the peak without slowing down: a top without a hold.
				phase = 'lowering';
				r.topT ??= s.peakT;
				reachedTop = true;
			}
		} else if (phase === 'top') {
			if (!nearTop) phase = 'lowering';
		} else if (phase === 'lowering') {
			if (nearTop && slow) phase = 'top';
		}
		const down = exitLevel(level);
		let ended: RepRecord | null = null;
		if (a < down) {
			r.below ??= { firstT: t, continuous: samePrev && prev!.a >= down };
			const confirm = r.below.continuous ? o.exitConfirmMs : o.unseenLowerConfirmMs;
			if (t - r.below.firstT >= confirm) {
				const continuous = r.below.continuous;
				const endT = continuous ? r.below.firstT : r.lastAboveT;
				ended = close(endT, continuous ? 'lowered' : 'lowered_unseen');
				// Short of the exit: the next rep must rise afresh from the lowest point.
				valley = a >= exit ? a : null;
			}
		} else {
			r.below = null;
			r.lastAboveT = t;
		}
		prev = { t, a, seg };
		return step(ended, false, reachedTop);
	};

	return {
		update(t, reading) {
			if (reading.kind === 'angle') {
				if (reading.newSegment) seg++;
				return onAngle(t, reading.angle, reading.speed);
			}
			if (!rep) return step(null);
			if (reading.kind === 'out') {
				rep.outSince ??= t;
				if (t - rep.outSince >= o.outMs) return step(close(rep.lastAboveT, 'out'));
				return step(null, false, false, true);
			}
			if (t - rep.lastValidT > o.pauseMaxMs) return step(close(rep.lastAboveT, 'unseen'));
			return step(null, false, false, true);
		},
		finish() {
			if (!rep) return null;
			return close(rep.lastValidT, 'finish');
		},
		setThresholds(e, x, r) {
			enter = e;
			exit = x;
			rest = r ?? x - (e - x);
		},
		get phase() {
			return phase;
		},
		reset() {
			phase = 'rest';
			rep = null;
			seg = 0;
			prev = null;
			valley = null;
			enter = o.enterDeg;
			exit = o.exitDeg;
			rest = o.restDeg ?? o.exitDeg - (o.enterDeg - o.exitDeg);
		}
	};
}
