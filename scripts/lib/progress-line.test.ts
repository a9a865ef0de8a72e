import { describe, expect, it } from 'vitest';
import { createProgressReporter, progressLine } from './progress-line';

const at = (done: number, total: number, elapsedMs: number, mediaS: number) => ({ done, total, elapsedMs, mediaS, durationS: 60 });

describe('progressLine', () => {
	it('says frames done of how many, elapsed, rate and time left', () => {
		expect(progressLine('/videos/clip.mp4', at(150, 600, 15_000, 5))).toBe('clip.mp4: 150/600 frames (25%), 0:15 elapsed, 10.0 frames/s (0.33× real time), 0:45 left');
		expect(progressLine('clip.mp4', at(0, 600, 0, 0))).toBe('clip.mp4: 0/600 frames (0%), 0:00 elapsed, 0.0 frames/s (0.00× real time)');
	});
});

describe('createProgressReporter', () => {
	const fake = (isTTY: boolean) => {
		const out: string[] = [];
		return { out, stream: { isTTY, columns: 200, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream };
	};

	it('writes nothing when the stream is not a terminal', () => {
		const { out, stream } = fake(false);
		const r = createProgressReporter(stream);
		r.update('a.mp4', at(1, 10, 100, 0.1));
		r.clear();
		expect(out).toEqual([]);
	});

	it('rewrites one line at most every interval, always the last frame, and clears it', () => {
		const { out, stream } = fake(true);
		let t = 0;
		const r = createProgressReporter(stream, 250, () => t);
		for (let done = 1; done <= 10; done++) {
			t += 100;
			r.update('a.mp4', at(done, 10, t, done / 10));
		}
		// t = 100, 400, 700, 1000 pass the 250 ms gate, and the last frame always shows.
		expect(out.map((l) => /(\d+)\/10/.exec(l)?.[1])).toEqual(['1', '4', '7', '10']);
		expect(out.every((l) => l.startsWith('\r') && l.endsWith('\x1b[K'))).toBe(true);
		r.clear();
		expect(out.at(-1)).toBe('\r\x1b[K');
	});
});
