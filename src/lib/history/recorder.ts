/**
 * Keeps a running session's totals and writes them as they grow: the watch calls `observe(label, t)` with each
 * settled posture, and the recorder flushes minutes per label every `flushMs` and when the page is hidden or
 * closed, so a reload or a crash loses at most the last flush interval.
 */
import type { PostureLabel } from '../posture/types';
import type { HistoryStore } from './store';
import type { ExerciseBout, PostureMinutes, SessionKind, SessionRecord } from './types';

export interface RecorderOptions {
	/** Flush the running totals this often (ms). */
	flushMs?: number;
	/** A gap between observations longer than this is not counted (the tab slept, the camera stopped). */
	maxGapMs?: number;
	now?: () => number;
}

export class SessionRecorder {
	session: SessionRecord | null = null;
	#minutes: PostureMinutes = {};
	#bouts: ExerciseBout[] = [];
	#last: { label: PostureLabel; t: number } | null = null;
	#timer: ReturnType<typeof setInterval> | null = null;
	#dirty = false;
	#flushing: Promise<unknown> = Promise.resolve();
	readonly #flushMs: number;
	readonly #maxGapMs: number;
	readonly #now: () => number;
	readonly #onHide = () => {
		if (typeof document === 'undefined' || document.visibilityState === 'hidden') void this.flush();
	};

	constructor(
		readonly store: HistoryStore,
		readonly kind: SessionKind,
		opts: RecorderOptions = {}
	) {
		this.#flushMs = opts.flushMs ?? 15_000;
		this.#maxGapMs = opts.maxGapMs ?? 5_000;
		this.#now = opts.now ?? (() => Date.now());
	}

	async start(t = this.#now()): Promise<SessionRecord> {
		this.session = await this.store.startSession(this.kind, { start: t });
		this.#timer = setInterval(() => void this.flush(), this.#flushMs);
		if (typeof addEventListener === 'function') {
			addEventListener('pagehide', this.#onHide);
			addEventListener('visibilitychange', this.#onHide);
		}
		return this.session;
	}

	/** The settled posture at time `t` (ms, same clock as start). Time since the last call counts for the last label. */
	observe(label: PostureLabel, t = this.#now()): void {
		if (this.#last) {
			const dt = t - this.#last.t;
			if (dt > 0 && dt <= this.#maxGapMs) {
				this.#minutes[this.#last.label] = (this.#minutes[this.#last.label] ?? 0) + dt / 60000;
				this.#dirty = true;
			}
		}
		this.#last = { label, t };
	}

	/** Nobody in frame, paused: stop counting until the next observe. */
	gap(): void {
		this.#last = null;
	}

	setBouts(bouts: ExerciseBout[]): void {
		this.#bouts = bouts.map((b) => ({ ...b }));
		this.#dirty = true;
	}

	get minutes(): PostureMinutes {
		return { ...this.#minutes };
	}

	/** Writes the totals now (also called on a timer and when the page hides). */
	flush(): Promise<unknown> {
		if (!this.session || !this.#dirty) return this.#flushing;
		this.#dirty = false;
		const id = this.session.id;
		const patch = { minutes: this.minutes, bouts: this.#bouts, at: this.#now() };
		this.#flushing = this.#flushing.then(() => this.store.updateSession(id, patch)).catch(() => undefined);
		return this.#flushing;
	}

	async end(t = this.#now()): Promise<void> {
		if (!this.session) return;
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
		if (typeof removeEventListener === 'function') {
			removeEventListener('pagehide', this.#onHide);
			removeEventListener('visibilitychange', this.#onHide);
		}
		if (this.#last) this.observe(this.#last.label, t);
		await this.#flushing;
		await this.store.endSession(this.session.id, { minutes: this.minutes, bouts: this.#bouts, end: t });
		this.session = null;
	}
}
