/**
 * Which camera frames the pose worker looks at, and which of those it runs the pose model on. Looking costs a
 * 16x12 luma thumbnail (microseconds); the model costs tens of milliseconds. When nothing changed since the last
 * analysed frame, its result is repeated for the new frame instead. Looks come faster for a while after a change,
 * and the model still runs every `maxSkipMs` so a drift too slow to cross the change threshold is caught.
 */
import { changeScore } from './change-score';

export interface SamplingOptions {
	/** Time between frames looked at while all is still (ms); 0 = every frame the camera gives. */
	intervalMs: number;
	/** Time between frames looked at for a while after something moved (ms). */
	motionIntervalMs: number;
	/** Analyse only frames that changed since the last analysed one; the others repeat its result. */
	skipUnchanged: boolean;
	/** Analyse at least this often even when nothing changes (ms). */
	maxSkipMs: number;
}

/** Every frame, every one analysed (the workout page, the benchmarks' full rate). */
export const EVERY_FRAME: Readonly<SamplingOptions> = Object.freeze({ intervalMs: 0, motionIntervalMs: 0, skipUnchanged: false, maxSkipMs: 0 });

/**
 * The camera frame rate these options need (twice the fastest look rate, so a look waits at most half an
 * interval for its frame), or null for every frame the camera gives. Fewer frames cost less all the way from
 * the camera to the worker, even those never looked at.
 */
export function framesPerSecondNeeded(o: SamplingOptions): number | null {
	if (o.intervalMs <= 0) return null;
	const fastest = o.motionIntervalMs > 0 ? Math.min(o.intervalMs, o.motionIntervalMs) : o.intervalMs;
	return Math.min(30, Math.max(5, Math.ceil(2000 / fastest)));
}

export const CHANGE_RULES = Object.freeze({
	/** A cell has changed when it moved by more than this many luma levels (of 255)... */
	minThreshold: 4,
	/** ...and by more than this many times the noise measured between still frames. */
	noiseFactor: 5,
	/** Cells that must change for the frame to count as changed (a single cell: something small, far away). */
	minCells: 2,
	/** How long looks stay at the motion interval after a change (ms). */
	motionHoldMs: 2000,
	/** Weight of each new noise measurement in its running average. */
	noiseWeight: 0.2
});

export type GateReason = 'every-frame' | 'first' | 'unreadable' | 'changed' | 'due' | 'unchanged';

export interface GateDecision {
	analyse: boolean;
	why: GateReason;
	/** Cells changed since the last analysed frame (null when not compared). */
	changedCells: number | null;
}

export class FrameGate {
	#options: SamplingOptions;
	readonly #rules: typeof CHANGE_RULES;
	#lastLookAt = -Infinity;
	#lastAnalysedAt = -Infinity;
	#reference: Float32Array | null = null;
	#previous: Float32Array | null = null;
	#noise = 0;
	#motionUntil = -Infinity;

	constructor(options: SamplingOptions = EVERY_FRAME, rules: typeof CHANGE_RULES = CHANGE_RULES) {
		this.#options = { ...options };
		this.#rules = rules;
	}

	get options(): SamplingOptions {
		return { ...this.#options };
	}

	set options(o: SamplingOptions) {
		this.#options = { ...o };
	}

	/** Luma levels a cell must change by to count (adapts to the camera's noise). */
	get threshold(): number {
		return Math.max(this.#rules.minThreshold, this.#rules.noiseFactor * this.#noise);
	}

	/** Whether to look at a frame arriving at `now` (time only: a frame not looked at is dropped unread). */
	due(now: number): boolean {
		const o = this.#options;
		const interval = now < this.#motionUntil ? Math.min(o.motionIntervalMs, o.intervalMs) : o.intervalMs;
		return now - this.#lastLookAt >= interval;
	}

	/** A frame looked at, with its thumbnail (null when it could not be read): analyse it, or repeat the last result? */
	look(now: number, thumb: Float32Array | null): GateDecision {
		this.#lastLookAt = now;
		if (!this.#options.skipUnchanged) return { analyse: true, why: 'every-frame', changedCells: null };
		if (!thumb) {
			this.#previous = null;
			return { analyse: true, why: 'unreadable', changedCells: null };
		}
		const threshold = this.threshold;
		if (this.#previous && this.#previous.length === thumb.length) {
			// Between two looks, the spread of the residuals is a median: a moving head (a few cells of 192) does
			// not move it, so what it measures is the camera's noise.
			const step = changeScore(this.#previous, thumb, threshold);
			this.#noise += this.#rules.noiseWeight * (step.spread - this.#noise);
		}
		this.#previous = thumb;
		if (!this.#reference || this.#reference.length !== thumb.length) return { analyse: true, why: 'first', changedCells: null };
		const { changedCells } = changeScore(this.#reference, thumb, threshold);
		if (changedCells >= this.#rules.minCells) {
			this.#motionUntil = now + this.#rules.motionHoldMs;
			return { analyse: true, why: 'changed', changedCells };
		}
		if (now - this.#lastAnalysedAt >= this.#options.maxSkipMs) return { analyse: true, why: 'due', changedCells };
		return { analyse: false, why: 'unchanged', changedCells };
	}

	/** The frame was analysed: changes are measured against it from now on. */
	analysed(now: number, thumb: Float32Array | null): void {
		this.#lastAnalysedAt = now;
		this.#reference = thumb;
	}

	/** Forgets the pictures (a new stream), keeping the options and the noise learnt. */
	reset(): void {
		this.#lastLookAt = -Infinity;
		this.#lastAnalysedAt = -Infinity;
		this.#reference = null;
		this.#previous = null;
		this.#motionUntil = -Infinity;
	}
}
