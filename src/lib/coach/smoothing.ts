/**
 * Time-based smoothing for the trackers: every constant is in milliseconds, so a tracker behaves the
 * same at 15, 18 or 60 frames per second (users: "EMA smoothing over ~10 frames" - here ~150 ms).
 */

export interface Ema {
	/** Feeds a value at time t (ms); returns the smoothed value. */
	update(t: number, x: number): number;
	readonly value: number | null;
	reset(): void;
}

/** Exponential moving average with time constant `tauMs` (irregular frame times are fine). */
export function createEma(tauMs: number): Ema {
	let v: number | null = null;
	let last = 0;
	return {
		update(t, x) {
			if (v === null || tauMs <= 0) v = x;
			else {
				const dt = Math.max(0, t - last);
				v += (x - v) * (1 - Math.exp(-dt / tauMs));
			}
			last = t;
			return v;
		},
		get value() {
			return v;
		},
		reset() {
			v = null;
		}
	};
}

export interface Rate {
	/** Feeds a (smoothed) value at time t; returns its rate of change per second, smoothed. */
	update(t: number, x: number): number;
	reset(): void;
}

/** Rate of change per second of a signal, smoothed with time constant `tauMs`. */
export function createRate(tauMs: number): Rate {
	let lastT: number | null = null;
	let lastX = 0;
	const ema = createEma(tauMs);
	return {
		update(t, x) {
			if (lastT === null || t <= lastT) {
				lastT = t;
				lastX = x;
				return ema.value ?? 0;
			}
			const r = ((x - lastX) * 1000) / (t - lastT);
			lastT = t;
			lastX = x;
			return ema.update(t, r);
		},
		reset() {
			lastT = null;
			ema.reset();
		}
	};
}

/** Median of the last `capacity` values pushed (a steady estimate of something that should not change). */
export function createRunningMedian(capacity = 240): { push(x: number): void; value(): number | null; count(): number; reset(): void } {
	let buf: number[] = [];
	let cached: number | null = null;
	let dirty = false;
	return {
		push(x) {
			if (!Number.isFinite(x)) return;
			buf.push(x);
			if (buf.length > capacity) buf = buf.slice(buf.length - capacity);
			dirty = true;
		},
		value() {
			if (!buf.length) return null;
			if (dirty) {
				const s = [...buf].sort((a, b) => a - b);
				const m = s.length >> 1;
				cached = s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
				dirty = false;
			}
			return cached;
		},
		count: () => buf.length,
		reset() {
			buf = [];
			cached = null;
			dirty = false;
		}
	};
}
