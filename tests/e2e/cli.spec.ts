/** `npm run analyze` on real media: a Debian photo and a video made from it, through the app's worker in Chromium. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from '@playwright/test';
import { MEDIA, PERSON_BOX, photoPath, ROOT, stillVideo } from './fixtures/media';
import { implausibility } from './fixtures/plausible';

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

test('analyze steps through a video frame by frame with increasing timestamps', async () => {
	const { code, lines } = await analyze('--fps', '5', stillVideo('person.jpg'));
	expect(code).toBe(0);
	const frames = lines.filter((l) => 'landmarks' in l);
	expect(frames).toHaveLength(10); // 2 s at 5 samples per second
	for (let i = 1; i < frames.length; i++) expect(frames[i].t).toBeGreaterThan(frames[i - 1].t);
	for (const f of frames) expect(implausibility(f.landmarks, PERSON_BOX['person.jpg'])).toBeNull();
	expect(lines.at(-1).summary).toMatchObject({ frames: 10, framesWithPerson: 10 });
});

test('unreadable media is an error naming the file, after the good input is printed', async () => {
	const bogus = join(MEDIA, 'not-a-photo.jpg');
	writeFileSync(bogus, 'this is text, not a JPEG');
	const { code, lines, stderr } = await analyze(photoPath('person.jpg'), bogus);
	expect(code).toBe(1);
	expect(lines.filter((l) => 'landmarks' in l)).toHaveLength(1);
	expect(stderr).toContain(`${bogus}: not a readable image`);
	expect(stderr).not.toMatch(/\n\s+at /);
});
