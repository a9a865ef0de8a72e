/**
 * `npm run analyze` on landmark files (no browser needed): the output contract, and bad input handled with a
 * clear message naming the file and line, exit code 1, no stack trace, and the good lines before it kept.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { scene } from '../../src/lib/synth';
import { toJsonlLine } from '../../src/lib/io/landmark-formats';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'analyze-cli-'));

async function analyze(...args: string[]): Promise<{ code: number; lines: Record<string, unknown>[]; stderr: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/analyze.ts'), ...args], { cwd: ROOT });
		return { code: 0, lines: stdout.trim().split('\n').map((l) => JSON.parse(l)), stderr };
	} catch (e) {
		const err = e as { code: number; stdout: string; stderr: string };
		const out = err.stdout.trim();
		return { code: err.code, lines: out ? out.split('\n').map((l) => JSON.parse(l)) : [], stderr: err.stderr };
	}
}

function framesOf(preset: Parameters<typeof scene>[0]['preset'], n: number, seed: number): string[] {
	return Array.from({ length: n }, (_, i) => {
		const s = scene({ preset, view: 'side', seed: seed + i });
		return toJsonlLine({ t: i * 100, landmarks: s.person.landmarks, width: s.width, height: s.height });
	});
}

let good: string;
beforeAll(() => {
	good = join(dir, 'good.jsonl');
	writeFileSync(good, framesOf('standing_upright', 5, 1).join('\n') + '\n');
});

describe('analyze on landmark files', () => {
	it('prints one line per frame with posture and confidence, then a summary', async () => {
		const { code, lines } = await analyze(good, '--stills');
		expect(code).toBe(0);
		expect(lines).toHaveLength(6);
		for (const line of lines.slice(0, 5)) {
			expect(line.landmarks).toHaveLength(33);
			expect(line.posture).toBe('upright');
			expect(line.confidence).toBeGreaterThan(0);
			expect(line.confidence).toBeLessThanOrEqual(1);
		}
		expect(lines[5]).toMatchObject({ summary: { files: 1, frames: 5, framesWithPerson: 5, errors: 0, postures: { upright: 5 } } });
	});

	it('reads gzipped dataset CSV (33 x x,y,z,visibility)', async () => {
		const s = scene({ preset: 'hands_on_knees', view: 'side', seed: 7 });
		const row = s.person.landmarks.flatMap((l) => (l ? [l.x, l.y, l.z ?? 0, l.visibility ?? 1] : [0, 0, 0, 0]));
		const file = join(dir, 'rows.csv.gz');
		writeFileSync(file, gzipSync(Array.from({ length: 3 }, () => row.join(',')).join('\n') + '\n'));
		const { code, lines } = await analyze(file, '--stills');
		expect(code).toBe(0);
		expect(lines).toHaveLength(4);
		expect(lines[0].landmarks).toHaveLength(33);
	});

	it('stops a file at a malformed line, naming file and line, keeping the frames before it', async () => {
		const file = join(dir, 'broken.jsonl');
		writeFileSync(file, [...framesOf('standing_upright', 2, 3), '{"t": 200, "landmarks": [', ...framesOf('standing_upright', 1, 9)].join('\n'));
		const { code, lines, stderr } = await analyze(file);
		expect(code).toBe(1);
		expect(lines.filter((l) => 'landmarks' in l)).toHaveLength(2);
		expect(lines.at(-1)).toMatchObject({ summary: { errors: 1 } });
		expect(stderr).toContain(`${file}: line 3`);
		expect(stderr).not.toMatch(/\n\s+at /);
	});

	it('names NaN and wrong landmark counts', async () => {
		const nan = join(dir, 'nan.jsonl');
		writeFileSync(nan, framesOf('standing_upright', 1, 4)[0].replace(/"x":[0-9.e-]+/, '"x":NaN') + '\n');
		expect((await analyze(nan)).stderr).toMatch(/nan\.jsonl: line 1: .*(JSON|NaN|number)/i);
		const short = join(dir, 'short.jsonl');
		writeFileSync(short, JSON.stringify({ t: 0, landmarks: [{ x: 0.5, y: 0.5 }] }) + '\n');
		const r = await analyze(short);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/short\.jsonl: line 1: .*1 landmarks, expected 33/);
	});

	it('says an empty file is empty', async () => {
		const empty = join(dir, 'empty.jsonl');
		writeFileSync(empty, '');
		const r = await analyze(empty);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('empty.jsonl: the file is empty');
	});

	it('refuses unknown files and options with a usage message, no stack trace', async () => {
		const r = await analyze(join(dir, 'missing.jsonl'));
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/missing\.jsonl: no such file/);
		const u = await analyze('--model', 'giant', good);
		expect(u.code).toBe(2);
		expect(u.stderr).toContain('Usage:');
		expect(u.stderr).not.toMatch(/\n\s+at /);
	});
});
