/**
 * Is a measured angle the same view of the same movement as the one before? Pure, timestamp driven.
 *
 * A body does not jump: in a cobra or a back extension the trunk turns at a few tens of degrees a
 * second. A reading that jumps further than `slackDeg` plus `maxRateDegS` times the time since the last
 * accepted reading is either a misdetection (the pose engine putting the skeleton somewhere else for a
 * frame or two) or an edit (a cut to another camera, where the same pose reads another angle: side-on
 * ~52 degrees read ~67 from the front-left in the v4 cobra video). The reading is held back: when the
 * signal comes back to where it was, the held frames were a misdetection and are dropped (not seen);
 * when it stays at the new level for `confirmMs`, it is a new view and a new segment starts there.
 * A cut the caller knows of (the skeleton jumped, another person is followed) starts a new segment at
 * once.
 */
export interface ContinuityOptions {
	slackDeg: number;
	maxRateDegS: number;
	confirmMs: number;
}

export const CONTINUITY_DEFAULTS: ContinuityOptions = { slackDeg: 8, maxRateDegS: 150, confirmMs: 250 };

export interface ContinuityStep {
	/** The reading when accepted; null when not measured or held back. */
	angle: number | null;
	/** A new segment (another view) starts with this reading. */
	newSegment: boolean;
	/** Readings dropped at this frame as a misdetection (how many). */
	dropped: number;
}

export interface SignalContinuity {
	update(t: number, angle: number | null, cut?: boolean): ContinuityStep;
	reset(): void;
}

export function createSignalContinuity(options: Partial<ContinuityOptions> = {}): SignalContinuity {
	const o: ContinuityOptions = { ...CONTINUITY_DEFAULTS, ...options };
	let last: { t: number; a: number } | null = null;
	let pending: Array<{ t: number; a: number }> = [];
	const near = (a: number, b: { t: number; a: number }, t: number) => Math.abs(a - b.a) <= o.slackDeg + (o.maxRateDegS * Math.max(0, t - b.t)) / 1000;
	return {
		update(t, angle, cut = false) {
			if (angle === null) return { angle: null, newSegment: false, dropped: 0 };
			if (cut || last === null) {
				const dropped = pending.length;
				pending = [];
				last = { t, a: angle };
				return { angle, newSegment: true, dropped };
			}
			// While readings are held back, "back where it was" is judged at the time the jump happened.
			if (near(angle, last, pending.length ? pending[0].t : t)) {
				const dropped = pending.length;
				pending = [];
				last = { t, a: angle };
				return { angle, newSegment: false, dropped };
			}
			const p = pending[pending.length - 1];
			if (p && near(angle, p, t)) {
				pending.push({ t, a: angle });
				if (t - pending[0].t >= o.confirmMs) {
					pending = [];
					last = { t, a: angle };
					return { angle, newSegment: true, dropped: 0 };
				}
				return { angle: null, newSegment: false, dropped: 0 };
			}
			// A jump from the accepted signal and from what was held back: start holding back afresh.
			const dropped = pending.length;
			pending = [{ t, a: angle }];
			return { angle: null, newSegment: false, dropped };
		},
		reset() {
			last = null;
			pending = [];
		}
	};
}
