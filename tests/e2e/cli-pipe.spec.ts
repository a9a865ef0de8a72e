/**
 * `npm run analyze` on a video, read through a pipe by a reader slower than it: every frame line and the summary
 * arrive whole. The reader reads nothing until analyze has finished with the video and closed its browser (the
 * moment analyze used to exit with lines still in memory), then takes 4 KiB at a time with a pause between.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { descendants } from '../../scripts/lib/bench-cpu';
import { ROOT } from './fixtures/media';
import { PAN, panningVideo } from '../../scripts/lib/test-motion';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

test('analyze writes every line of a video to a slow pipe', async () => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'analyze-pipe-e2e-'));
	const out = join(dir, 'out.jsonl');
	const go = join(dir, 'go');
	// The panning clip at its own 10 frames per second: 40 frame lines of about 6 KB, several times what a pipe holds.
	const video = panningVideo('person.jpg', 'webm');
	const expected = PAN.seconds * PAN.fps;
	const analyze = `${JSON.stringify(process.execPath)} ${join(ROOT, 'node_modules/tsx/dist/cli.mjs')} ${join(ROOT, 'scripts/analyze.ts')} ${video}`;
	const reader = `${JSON.stringify(process.execPath)} ${join(ROOT, 'tests/cli/fixtures/slow-reader.mjs')} --wait-for ${go} --chunk 4096 --pause 5`;
	const shell = spawn('bash', ['-c', `set -o pipefail; ${analyze} | ${reader} > ${out}`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	shell.stderr.on('data', (d) => (stderr += d));
	const exited = new Promise<number>((ok) => shell.on('exit', (code) => ok(code ?? -1)));
	let done = false;
	void exited.then(() => (done = true));

	// Let the reader start once analyze's Chromium has come and gone (or the pipeline ended).
	let sawBrowser = false;
	for (const deadline = Date.now() + 150_000; !done && Date.now() < deadline; await sleep(100)) {
		const browser = descendants(shell.pid).some((p) => /^chrom/i.test(p.comm));
		sawBrowser ||= browser;
		if (sawBrowser && !browser) break;
	}
	writeFileSync(go, '');
	const code = await exited;
	expect(existsSync(out)).toBe(true);
	expect(code, stderr).toBe(0);
	const text = readFileSync(out, 'utf8');
	expect(text.endsWith('\n')).toBe(true);
	const lines = text.trimEnd().split('\n').map((line, i) => {
		try {
			return JSON.parse(line) as { t?: number; landmarks?: unknown[] | null; summary?: { frames: number } };
		} catch {
			throw new Error(`line ${i + 1} is not whole JSON: …${line.slice(-60)}`);
		}
	});
	const frames = lines.filter((l) => 'landmarks' in l);
	expect(frames).toHaveLength(expected);
	expect(frames.every((f) => f.landmarks?.length === 33)).toBe(true);
	expect(lines.at(-1)?.summary).toMatchObject({ frames: expected });
});
