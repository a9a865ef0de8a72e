/**
 * JSON lines to a stream that may be a file, a terminal, a pipe or a reader slower than us. Node writes to a
 * pipe asynchronously: what the reader has not taken yet waits in memory, and `process.exit` drops it (the CLI
 * lost its last lines and cut one in half that way). So: callers wait for `drained()` when `line` says the reader
 * is behind (memory stays bounded on a long input), and `flushed()` before the process ends. A reader that went
 * away (`| head`) ends the output quietly instead of with an EPIPE stack trace.
 */

type Output = NodeJS.WritableStream & { writableLength: number; writableNeedDrain: boolean; destroyed: boolean };

export class LineOutput {
	readonly #stream: Output;
	#gone = false;
	#onGone: () => void;

	/** `onGone`: the reader closed its end (EPIPE); nothing written from now on can arrive. */
	constructor(stream: NodeJS.WritableStream, onGone: () => void = () => undefined) {
		this.#stream = stream as Output;
		this.#onGone = onGone;
		stream.on('error', (e: NodeJS.ErrnoException) => {
			if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
			if (this.#gone) return;
			this.#gone = true;
			this.#onGone();
		});
	}

	/** True once the reader has closed its end. */
	get gone(): boolean {
		return this.#gone;
	}

	/** Writes one record as a line; false when the reader is behind (await `drained()` before writing much more). */
	line(record: unknown): boolean {
		if (this.#gone) return false;
		return this.#stream.write(JSON.stringify(record) + '\n');
	}

	/** Resolves when the reader has caught up enough to take more (at once when it is not behind). */
	drained(): Promise<void> {
		if (this.#gone || !this.#stream.writableNeedDrain) return Promise.resolve();
		return new Promise((ok) => {
			const done = () => {
				this.#stream.off('drain', done);
				this.#stream.off('close', done);
				ok();
			};
			this.#stream.on('drain', done);
			this.#stream.on('close', done);
		});
	}

	/**
	 * Resolves when every line written so far has been handed to the operating system (for a pipe: taken into the
	 * pipe's buffer, from where the reader gets it even after we exit). Writes are done in order, so an empty write
	 * completes only after all before it.
	 */
	flushed(): Promise<void> {
		return this.#gone ? Promise.resolve() : flushed(this.#stream);
	}
}

/** Resolves when everything written to `stream` so far has left the process (see LineOutput.flushed). */
export function flushed(stream: NodeJS.WritableStream): Promise<void> {
	const s = stream as Output;
	if (s.destroyed || s.writableLength === 0) return Promise.resolve();
	return new Promise((ok) => s.write('', () => ok()));
}
