/** `npm run analyze` on real media: a Debian photo and a video made from it, through the app's worker in Chromium. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from '@playwright/test';
import { MEDIA, PERSON_BOX, photoPath, ROOT } from './fixtures/media';
import { implausibility } from './fixtures/plausible';
import { panningVideo, pannedX } from '../../scripts/lib/test-motion';

const run = promisify(execFile);

async function analyze(...args: string[]) {
	try {
		const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/analyze.ts'), ...args], { cwd: ROOT, timeout: 120_000 });
		return { code: 0, lines: stdout.trim().split('\n').map((l) => JSON.parse(l)), stderr };
	} catch (e) {
		const err = e as { code: number; stdout: string; stderr: string };
		return { code: err.code, lines: err.stdout.trim() ? err.stdout.trim().split('\n').map((l) => JSON.parse(l)) : [], stderr: err.stderr };
	}
}

test('analyze prints 33 plausible landmarks for the darknet person photo', async () => {
	const { code, lines } = await analyze(photoPath('person.jpg'));
	expect(code).toBe(0);
	expect(lines).toHaveLength(2);
	const [frame, summary] = lines;
	expect(frame.file).toBe(photoPath('person.jpg'));
	expect(frame.landmarks).toHaveLength(33);
	expect(frame.worldLandmarks).toHaveLength(33);
	for (const l of frame.landmarks) expect(Object.keys(l).sort()).toEqual(['visibility', 'x', 'y', 'z']);
	// person.jpg is 640x424; the box is given for the 640x480 padded feed, so rescale y.
	const box = PERSON_BOX['person.jpg'];
	expect(implausibility(frame.landmarks, { ...box, top: (box.top * 480) / 424, bottom: Math.min(1, (box.bottom * 480) / 424) })).toBeNull();
	expect(frame.posture).toBe('upright');
	expect(summary.summary).toMatchObject({ files: 1, frames: 1, framesWithPerson: 1, errors: 0, model: 'lite' });
});

/** Centre of the torso (shoulders and hips), image x. */
function torsoX(landmarks: Array<{ x: number }>): number {
	return (landmarks[11].x + landmarks[12].x + landmarks[23].x + landmarks[24].x) / 4;
}

for (const ext of ['webm', 'mp4'] as const) {
	test(`analyze analyses every sampled frame of a ${ext}: the landmarks follow the picture as it pans`, async () => {
		// 4 s at 10 fps, the person sliding right to left by 100 px/s of 640; sampled at 5 per second.
		const { code, lines, stderr } = await analyze('--fps', '5', panningVideo('person.jpg', ext));
		expect(code).toBe(0);
		expect(stderr).not.toContain('frames ('); // progress is for terminals; this stderr is a pipe
		const frames = lines.filter((l) => 'landmarks' in l);
		expect(frames).toHaveLength(20);
		expect(frames.map((f) => f.t)).toEqual(frames.map((_, i) => 100 + 200 * i)); // the middle of each fifth of a second
		const box = PERSON_BOX['person.jpg'];
		const still = (box.left + box.right) / 2;
		for (const f of frames) {
			// Where the photo's person stands in this frame; a frame that is not the one at f.t is off by 20 px or more.
			const shift = pannedX(0, f.t);
			expect(implausibility(f.landmarks, { ...box, left: box.left + shift, right: box.right + shift }), `frame at ${f.t} ms`).toBeNull();
		}
		// Frame to frame, the torso moves as the picture does (within 6 px of 640), not by zero.
		for (let i = 1; i < frames.length; i++) {
			const moved = torsoX(frames[i].landmarks) - torsoX(frames[i - 1].landmarks);
			const expected = pannedX(still, frames[i].t) - pannedX(still, frames[i - 1].t);
			expect(Math.abs(moved - expected), `${frames[i - 1].t} -> ${frames[i].t} ms: moved ${moved.toFixed(4)}, expected ${expected.toFixed(4)}`).toBeLessThan(0.01);
		}
		expect(lines.at(-1).summary).toMatchObject({ frames: 20, framesWithPerson: 20 });
	});
}

test('unreadable media is an error naming the file, after the good input is printed', async () => {
	const bogus = join(MEDIA, 'not-a-photo.jpg');
	writeFileSync(bogus, 'this is text, not a JPEG');
	const { code, lines, stderr } = await analyze(photoPath('person.jpg'), bogus);
	expect(code).toBe(1);
	expect(lines.filter((l) => 'landmarks' in l)).toHaveLength(1);
	expect(stderr).toContain(`${bogus}: not a readable image`);
	expect(stderr).not.toMatch(/\n\s+at /);
});

test('analyze shows its progress through a video on a terminal, on stderr only', async () => {
	test.slow(); // a second Chromium and a video, under a terminal
	const video = panningVideo('person.jpg', 'mp4');
	const dir = mkdtempSync(join(tmpdir(), 'backcheck-tty-'));
	const typescript = join(dir, 'terminal.txt');
	const stdout = join(dir, 'stdout.jsonl');
	// `script` gives the command a terminal; its stdout goes to a file, so the terminal shows only stderr.
	const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'node_modules/tsx/dist/cli.mjs'))} ${JSON.stringify(join(ROOT, 'scripts/analyze.ts'))} --fps 5 ${JSON.stringify(video)} > ${JSON.stringify(stdout)}`;
	await run('script', ['-qec', command, typescript], { cwd: ROOT, timeout: 120_000 });
	const terminal = readFileSync(typescript, 'utf8');
	expect(terminal).toMatch(/\d+\/20 frames \(\d+%\), \d+:\d\d elapsed, [\d.]+ frames\/s/);
	expect(terminal).toContain('20/20 frames (100%)');
	const lines = readFileSync(stdout, 'utf8').trim().split('\n');
	expect(lines).toHaveLength(21);
	for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
});
