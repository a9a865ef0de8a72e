/**
 * `npm run analyze` feeding another program: every line arrives whole through a pipe whose reader is slower than
 * analyze (it waits after the first bytes, then reads a little at a time), with and without --calibrate, as in
 * `analyze --stills --calibrate cal.jsonl file.jsonl | cat > out`. And a reader that stops early (`| head`) ends
 * analyze quietly. Landmark input only (no browser); tests/e2e/cli-pipe.spec.ts does the same for a video.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toJsonlLine } from '../../src/lib/io/landmark-formats';
import { scene } from '../../src/lib/synth';

const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'analyze-pipe-'));
const ANALYZE = `${JSON.stringify(process.execPath)} ${join(ROOT, 'node_modules/tsx/dist/cli.mjs')} ${join(ROOT, 'scripts/analyze.ts')}`;
const READER = `${JSON.stringify(process.execPath)} ${join(ROOT, 'tests/cli/fixtures/slow-reader.mjs')}`;
const FRAMES = 400;

/** Runs `analyze <args> | <reader>` in bash with pipefail; returns analyze's lines (from the reader), codes, stderr. */
function pipeline(args: string, reader: string, out = join(dir, 'out.jsonl')) {
	const r = spawnSync('bash', ['-c', `set -o pipefail; ${ANALYZE} ${args} | ${reader} > ${out}; echo "\${PIPESTATUS[*]}" >&2`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
	const codes = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
	return { text: readFileSync(out, 'utf8'), analyzeCode: codes[0], readerCode: codes[1], stderr: r.stderr };
}

/** Every line is whole JSON and they are all there: FRAMES frame lines in order, then the summary. */
function expectComplete(text: string, frames: number) {
	expect(text.endsWith('\n')).toBe(true);
	const lines = text.trimEnd().split('\n');
	const records = lines.map((line, i) => {
		try {
			return JSON.parse(line) as Record<string, unknown>;
		} catch {
			throw new Error(`line ${i + 1} of ${lines.length} is not whole JSON: ${line.slice(0, 80)}…${line.slice(-40)}`);
		}
	});
	const frameLines = records.filter((r) => 'landmarks' in r);
	expect(frameLines.map((r) => r.t)).toEqual(Array.from({ length: frames }, (_, i) => i * 33));
	expect(records.at(-1)).toMatchObject({ summary: { frames, errors: 0 } });
}

beforeAll(() => {
	// Big enough to overflow a pipe (64 KiB) many times over: about 2.5 MB of output.
	const presets = ['standing_upright', 'hands_on_knees', 'sitting_slouched'] as const;
	const lines = Array.from({ length: FRAMES }, (_, i) => {
		const s = scene({ preset: presets[i % 3], view: 'side', seed: i + 1, world: true });
		return toJsonlLine({ t: i * 33, landmarks: s.person.landmarks, width: s.width, height: s.height });
	});
	writeFileSync(join(dir, 'file.jsonl'), lines.join('\n') + '\n');
	const cal = Array.from({ length: 60 }, (_, i) => {
		const s = scene({ preset: 'standing_upright', view: 'side', seed: 1000 + i });
		return toJsonlLine({ t: i * 33, landmarks: s.person.landmarks, width: s.width, height: s.height });
	});
	writeFileSync(join(dir, 'cal.jsonl'), cal.join('\n') + '\n');
});

describe('analyze through a pipe', () => {
	// The reader takes the first chunk, sleeps 2 s (analyze has written everything by then), then reads 16 KiB at a
	// time with a pause: analyze must wait for it, not end with lines still in its memory.
	const slow = `${READER} --after-first 2000 --chunk 16384 --pause 2`;

	it('writes every line whole to a slow reader, with --calibrate', () => {
		const r = pipeline(`--stills --calibrate ${join(dir, 'cal.jsonl')} ${join(dir, 'file.jsonl')}`, slow);
		expect(r.analyzeCode, r.stderr).toBe(0);
		expect(JSON.parse(r.text.trimEnd().split('\n').at(-1)!).summary.calibrated).toBe(true);
		expectComplete(r.text, FRAMES);
	});

	it('writes every line whole to a slow reader, without --calibrate', () => {
		const r = pipeline(join(dir, 'file.jsonl'), slow);
		expect(r.analyzeCode, r.stderr).toBe(0);
		expectComplete(r.text, FRAMES);
	});

	it('ends quietly when the reader stops early', () => {
		const r = pipeline(`--stills ${join(dir, 'file.jsonl')}`, 'head -n 3');
		expect(r.text.trimEnd().split('\n')).toHaveLength(3);
		expect(r.analyzeCode).toBe(141);
		expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
	});
});
