/**
 * The phases of one repetition of a stretch measured by an angle (cobra: chest lift; standing back
 * extension: lean back): rest -> rising -> top -> lowering -> rest. Pure, timestamp driven.
 *
 * - Enter and exit thresholds with a gap between them (users: "enter/exit thresholds with a gap
 *   between them stop jitter from double counting"): a rep starts when the angle reaches `enterDeg`
 *   and ends when it falls back below `exitDeg`.
 * - The top is where the person slows down near the rep's highest angle (within `topBandDeg` of the
 *   peak, moving slower than `topSpeedDegS`). The hold is the time spent within `topBandDeg` of the
 *   rep's final peak (so a slow rise that keeps climbing is not counted as held).
 * - Missing measurements (landmarks lost, the body out of the lying or standing position) keep the
 *   phase: a gap up to `graceMs` inside the top still counts as held (users: "a hold timer that
 *   resets on one missed frame is a top complaint"); after `resumeMs` without a measurement an open
 *   rep ends where it was last seen.
 * - A rep must be measured above the exit threshold for `minAboveMs` (and in a few frames): glitches
 *   are not reps.
 */
export interface RepMachineOptions {
	enterDeg: number;
	exitDeg: number;
	topBandDeg: number;
	topSpeedDegS: number;
	graceMs: number;
	resumeMs: number;
	minAboveMs: number;
}

export type RepPhase = 'rest' | 'rising' | 'top' | 'lowering';

export interface RepRecord {
	startT: number;
	/** When the top was reached (the peak's time when it was passed without slowing). */
	topT: number;
	endT: number;
	peakDeg: number;
	peakT: number;
	/** Milliseconds at the top. */
	holdMs: number;
}

export interface RepStep {
	phase: RepPhase;
	/** A rep started at this frame. */
	started: boolean;
	/** The top was reached at this frame. */
	reachedTop: boolean;
	/** A counted rep ended at this frame. */
	ended: RepRecord | null;
	/** Highest angle of the open rep (null at rest). */
	peakDeg: number | null;
	/** Milliseconds held at the top in the open rep. */
	holdMs: number;
}

export interface RepMachine {
	/** `angle` null = not measured this frame; `speed` in degrees per second (smoothed). */
	update(t: number, angle: number | null, speed: number): RepStep;
	/** Closes the open rep (end of the set); returns it when it counts. */
	finish(): RepRecord | null;
	/** Thresholds may follow the person's own resting angle between reps. */
	setThresholds(enterDeg: number, exitDeg: number): void;
	readonly phase: RepPhase;
	reset(): void;
}

/** A rep is measured in at least this many frames. */
const MIN_REP_FRAMES = 3;
/** Holds at least this long report the level held as the peak. */
const HELD_PEAK_MS = 500;

export function createRepMachine(opts: RepMachineOptions): RepMachine {
	let enter = opts.enterDeg;
	let exit = opts.exitDeg;
	let phase: RepPhase = 'rest';
	let startT = 0;
	let topT: number | null = null;
	let peak = -Infinity;
	let peakT = 0;
	/** The open rep's measured frames: the hold is read from them against the rep's final peak. */
	let samples: Array<{ t: number; a: number }> = [];
	let lastValid: number | null = null;

	/** Milliseconds within `topBandDeg` of the peak; gaps up to `graceMs` between such frames count. */
	const holdOf = (): number => {
		const floor = peak - opts.topBandDeg;
		let ms = 0;
		for (let i = 1; i < samples.length; i++) {
			const a = samples[i - 1];
			const b = samples[i];
			if (a.a >= floor && b.a >= floor && b.t - a.t <= opts.graceMs) ms += b.t - a.t;
		}
		return ms;
	};

	const close = (endT: number): RepRecord | null => {
		const holdMs = holdOf();
		const rec: RepRecord = { startT, topT: topT ?? peakT, endT, peakDeg: heldPeak(holdMs), peakT, holdMs };
		phase = 'rest';
		topT = null;
		peak = -Infinity;
		// Time measured above the exit threshold: a glitch of a frame or two followed by a gap is not a rep.
		let lastAbove = startT;
		let n = 0;
		for (const x of samples)
			if (x.a >= exit) {
				lastAbove = x.t;
				n++;
			}
		samples = [];
		return n >= MIN_REP_FRAMES && lastAbove - rec.startT >= opts.minAboveMs ? rec : null;
	};

	const step = (ended: RepRecord | null, started = false, reachedTop = false): RepStep => ({
		phase,
		started,
		reachedTop,
		ended,
		peakDeg: phase === 'rest' ? null : peak,
		holdMs: phase === 'rest' ? 0 : holdOf()
	});

	/**
	 * The rep's peak: with a hold, the level held (the upper quartile of the frames near the top, so
	 * that one noisy frame does not make the peak); passed straight through, the highest angle.
	 */
	const heldPeak = (holdMs: number): number => {
		if (holdMs < HELD_PEAK_MS) return peak;
		const near = samples.filter((s) => s.a >= peak - opts.topBandDeg).map((s) => s.a);
		near.sort((a, b) => a - b);
		return near[Math.floor(0.75 * (near.length - 1))];
	};

	return {
		update(t, angle, speed) {
			if (angle === null) {
				if (phase !== 'rest' && lastValid !== null && t - lastValid > opts.resumeMs) return step(close(lastValid));
				return step(null);
			}
			lastValid = t;
			let started = false;
			let reachedTop = false;
			let ended: RepRecord | null = null;
			if (phase === 'rest') {
				if (angle >= enter) {
					phase = 'rising';
					startT = t;
					peak = angle;
					peakT = t;
					samples = [{ t, a: angle }];
					started = true;
				}
				return step(null, started);
			}
			if (angle > peak) {
				peak = angle;
				peakT = t;
			}
			samples.push({ t, a: angle });
			const nearTop = angle >= peak - opts.topBandDeg;
			const slow = Math.abs(speed) < opts.topSpeedDegS;
			if (phase === 'rising') {
				if (nearTop && slow) {
					phase = 'top';
					topT = t;
					reachedTop = true;
				} else if (!nearTop) {
					// Passed the peak without slowing down: a top without a hold.
					phase = 'lowering';
					topT ??= peakT;
					reachedTop = true;
				}
			} else if (phase === 'top') {
				if (!nearTop) phase = 'lowering';
			} else if (phase === 'lowering') {
				if (nearTop && slow) phase = 'top';
			}
			if (angle < exit) ended = close(t);
			return step(ended, started, reachedTop);
		},
		finish() {
			if (phase === 'rest' || lastValid === null) return null;
			return close(lastValid);
		},
		setThresholds(e, x) {
			enter = e;
			exit = x;
		},
		get phase() {
			return phase;
		},
		reset() {
			phase = 'rest';
			topT = null;
			peak = -Infinity;
			samples = [];
			lastValid = null;
			enter = opts.enterDeg;
			exit = opts.exitDeg;
		}
	};
}
