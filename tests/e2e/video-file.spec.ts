/**
 * A video file picked on a page goes through the same worker as the camera, every sampled frame in order: the
 * landmarks follow a panning video frame by frame (a test that checked only that frames came passed while every
 * frame analysed was the first), and the session ends with the file.
 */
import type { PoseFrame } from '../../src/lib/pose/types';
import { PERSON_BOX } from './fixtures/media';
import { implausibility } from './fixtures/plausible';
import { panningVideo, pannedX, PAN } from '../../scripts/lib/test-motion';
import { expect, test } from './fixtures/test';

type Session = { frame: PoseFrame | null; frames: number; source: string; speed: number | 'max'; progress: { done: number; total: number } | null; onResult: ((r: { frame: PoseFrame }) => void) | null };
type Hook = { backcheck: { session: Session }; seen: PoseFrame[] };

test('a picked video is analysed frame by frame like the camera: the skeleton follows the picture, then the session ends with the file', async ({ app: { page } }) => {
	test.slow(); // 60 frames through the worker: seconds on a quiet machine, more on a shared one
	await page.goto('/');
	await page.waitForFunction(() => Boolean((window as unknown as Partial<Hook>).backcheck));
	// Every result the page gets, in order, as the posture watch gets them.
	await page.evaluate(() => {
		const w = window as unknown as Hook;
		w.seen = [];
		const s = w.backcheck.session;
		const downstream = s.onResult;
		s.onResult = (r) => {
			w.seen.push(r.frame);
			downstream?.(r);
		};
	});
	await page.getByLabel('Or analyse a video file').setInputFiles(panningVideo('person.jpg', 'webm'));
	await expect(page.getByTestId('recording-progress')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'idle', { timeout: 180_000 });
	const { seen, source, progress } = await page.evaluate(() => {
		const w = window as unknown as Hook;
		return { seen: w.seen, source: w.backcheck.session.source, progress: w.backcheck.session.progress };
	});
	expect(source).toBe('file');
	// 4 s sampled 15 times a second, nothing dropped however slow the machine.
	expect(seen).toHaveLength(PAN.seconds * 15);
	// Each result is the frame of its own sample time, in the middle of each fifteenth of a second of the video.
	expect(seen.map((f) => f.t)).toEqual(seen.map((_, i) => Math.round(((i + 0.5) / 15) * 1000)));
	expect(progress).toMatchObject({ done: 60, total: 60 });
	const box = PERSON_BOX['person.jpg'];
	for (const f of seen) {
		const shift = pannedX(0, f.t);
		expect(implausibility(f.people[0]?.landmarks, { ...box, left: box.left + shift, right: box.right + shift }), `frame at ${f.t} ms`).toBeNull();
	}
	// Over the clip the person crosses 400 px of the 640 px picture, right to left, as the pan does.
	const torso = (f: PoseFrame) => {
		const l = f.people[0].landmarks;
		return (l[11]!.x + l[12]!.x + l[23]!.x + l[24]!.x) / 4;
	};
	const moved = torso(seen.at(-1)!) - torso(seen[0]);
	const expected = pannedX(0, seen.at(-1)!.t) - pannedX(0, seen[0].t);
	expect(Math.abs(moved - expected)).toBeLessThan(0.01);
});
