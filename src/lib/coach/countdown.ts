/**
 * The get-ready countdown before a set (users: "immediate feedback can feel intimidating; let people
 * start feedback when ready"; "a get-ready countdown and an end bell"). Pure, timestamp driven:
 * start it at a frame's time, then ask it at each later frame.
 */
import type { CountdownState } from './types';

export interface Countdown {
	start(t: number): void;
	update(t: number): CountdownState;
	readonly running: boolean;
	reset(): void;
}

export function createCountdown(seconds = 3): Countdown {
	let startT: number | null = null;
	let announced = Infinity;
	return {
		start(t) {
			startT = t;
			announced = Infinity;
		},
		update(t) {
			if (startT === null) return { remaining: seconds, done: false, announce: null };
			const left = seconds - (t - startT) / 1000;
			const remaining = Math.max(0, Math.ceil(left - 1e-9));
			let announce: number | null = null;
			if (remaining > 0 && remaining < announced) {
				announced = remaining;
				announce = remaining;
			}
			return { remaining, done: left <= 0, announce };
		},
		get running() {
			return startT !== null;
		},
		reset() {
			startT = null;
			announced = Infinity;
		}
	};
}
