/**
 * A measurement window over a stream of results: it opens `warmupMs` after the first result and closes
 * `windowMs` later. Rates are results between the two marks over the time between them (page clock), so a
 * slow start (model load, first frames) never counts.
 */
export interface WindowFigures {
	/** Results inside the window. */
	results: number;
	/** Window length, ms (the timers may fire late on a busy main thread; this is the measured length). */
	windowMs: number;
	fps: number;
	/** Per-result values pushed inside the window (e.g. inference ms). */
	values: number[];
}

/** `npm run bench` exposes this on the page to read the CPU of every Chromium thread at the window's edges. */
const edge = (at: 'open' | 'close') => void (globalThis as { __benchWindowEdge?: (at: string) => unknown }).__benchWindowEdge?.(at);

export class ResultWindow {
	readonly #warmupMs: number;
	readonly #windowMs: number;
	#count = 0;
	#openAt = -1;
	#openCount = 0;
	#values: number[] = [];
	#open = false;
	#started = false;
	#resolve: (f: WindowFigures) => void = () => undefined;
	/** Called when the window opens (start long-task counting there). */
	onOpen: (() => void) | null = null;
	readonly done: Promise<WindowFigures>;

	constructor(warmupMs: number, windowMs: number) {
		this.#warmupMs = warmupMs;
		this.#windowMs = windowMs;
		this.done = new Promise((ok) => (this.#resolve = ok));
	}

	push(value?: number): void {
		this.#count++;
		if (this.#open && value !== undefined) this.#values.push(value);
		if (this.#started) return;
		this.#started = true;
		setTimeout(() => {
			this.#open = true;
			this.#openAt = performance.now();
			this.#openCount = this.#count;
			this.onOpen?.();
			edge('open');
			setTimeout(() => {
				edge('close');
				this.#open = false;
				const windowMs = performance.now() - this.#openAt;
				const results = this.#count - this.#openCount;
				this.#resolve({ results, windowMs, fps: (results * 1000) / windowMs, values: this.#values });
			}, this.#windowMs);
		}, this.#warmupMs);
	}
}
