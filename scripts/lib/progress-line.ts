/**
 * The line `analyze` keeps rewriting on a terminal's stderr while it works through a video: frames done of how
 * many, time elapsed, the rate, and the time left. Never on stdout (that is for the JSON lines), and only on a
 * terminal (a log file or a pipe would fill with carriage returns).
 */
import { basename } from 'node:path';
import type { RecordingProgress } from '../../src/lib/video/analyse-recording';

const clock = (ms: number) => {
	const s = Math.max(0, Math.round(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function progressLine(file: string, p: RecordingProgress): string {
	const percent = p.total ? Math.floor((p.done / p.total) * 100) : 0;
	const perS = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
	const left = perS > 0 ? ((p.total - p.done) / perS) * 1000 : null;
	const speed = p.elapsedMs > 0 ? p.mediaS / (p.elapsedMs / 1000) : 0;
	return `${basename(file)}: ${p.done}/${p.total} frames (${percent}%), ${clock(p.elapsedMs)} elapsed, ${perS.toFixed(1)} frames/s (${speed.toFixed(2)}× real time)${left === null ? '' : `, ${clock(left)} left`}`;
}

export interface ProgressReporter {
	update(file: string, p: RecordingProgress): void;
	/** Clears the line (before anything else is written to stderr, and at the end). */
	clear(): void;
}

/** Rewrites one line on `stream` at most every `everyMs`; does nothing at all when the stream is not a terminal. */
export function createProgressReporter(stream: NodeJS.WriteStream, everyMs = 250, now: () => number = Date.now): ProgressReporter {
	let shown = false;
	let last = -Infinity;
	if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
	const width = () => Math.max(20, (stream.columns || 80) - 1);
	return {
		update(file, p) {
			const t = now();
			if (t - last < everyMs && p.done < p.total) return;
			last = t;
			const line = progressLine(file, p);
			stream.write(`\r${line.length > width() ? line.slice(0, width() - 1) + '…' : line}\x1b[K`);
			shown = true;
		},
		clear() {
			if (shown) stream.write('\r\x1b[K');
			shown = false;
		}
	};
}
