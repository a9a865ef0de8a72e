/**
 * The workout page shows the camera as the very frames the skeleton was found in, one per result (handed back by
 * the worker and shown through a track generator), instead of the camera's own 30 frames a second. Each frame is
 * closed when the next replaces it, or the camera's small pool of frames runs dry and the stream stops.
 */
import { expect, test } from '@playwright/test';
import { chromiumLaunch, fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed } from './fixtures/media';

test.use({ launchOptions: chromiumLaunch(fakeCameraArgs(fakeCameraFeed('person.jpg'))) });

const COUNTED = 15;

test('the camera is shown as the analysed frames, one per result, and the frames keep coming', async ({ page }) => {
	test.setTimeout(180_000);
	await page.addInitScript(() => {
		// Count the camera frames handed to the page's <video> (through a MediaStreamTrackGenerator's writer).
		const counts = { written: 0 };
		(window as unknown as { __shown: typeof counts }).__shown = counts;
		const write = WritableStreamDefaultWriter.prototype.write;
		WritableStreamDefaultWriter.prototype.write = function (this: WritableStreamDefaultWriter, chunk?: unknown) {
			if (typeof VideoFrame !== 'undefined' && chunk instanceof VideoFrame) counts.written++;
			return write.call(this, chunk);
		};
	});
	await page.goto('/');
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
	await expect(page.getByTestId('people')).toHaveText('1', { timeout: 60_000 });

	// Once results come, the <video> shows the analysed frames, mirrored like a mirror.
	const video = page.getByTestId('camera-video');
	await expect(video).toHaveAttribute('data-shows', 'analysed-frames');
	expect(await video.evaluate((v) => getComputedStyle(v).transform)).not.toBe('none');

	// Results and frames shown over the same stretch: one frame per result, and the stream goes on for many more
	// frames than a camera keeps in its pool (frames not closed would stop it).
	const seen = await page.evaluate(
		(counted) =>
			new Promise<{ results: number; shown: number }>((done) => {
				type W = { backcheck: { session: { onResult: ((r: unknown) => void) | null } }; __shown: { written: number } };
				const w = window as unknown as W;
				const session = w.backcheck.session;
				const downstream = session.onResult;
				const start = w.__shown.written;
				let results = 0;
				session.onResult = (r) => {
					downstream?.(r);
					if (++results < counted) return;
					session.onResult = downstream;
					// Svelte shows the frame in the effects this result scheduled: read the count after them.
					setTimeout(() => done({ results, shown: w.__shown.written - start }));
				};
			}),
		COUNTED
	);
	expect(seen.results).toBe(COUNTED);
	expect(seen.shown).toBeGreaterThanOrEqual(COUNTED - 3);
	expect(seen.shown).toBeLessThanOrEqual(COUNTED + 1);

	// What is shown is the camera's picture (the person on a light background), at the camera's size.
	const shown = await video.evaluate((v: HTMLVideoElement) => {
		const c = document.createElement('canvas');
		c.width = v.videoWidth;
		c.height = v.videoHeight;
		const ctx = c.getContext('2d')!;
		ctx.drawImage(v, 0, 0);
		const { data } = ctx.getImageData(0, 0, c.width, c.height);
		let sum = 0;
		for (let i = 0; i < data.length; i += 4) sum += data[i] + data[i + 1] + data[i + 2];
		return { brightness: sum / (data.length / 4) / 3, width: c.width, height: c.height };
	});
	expect(shown.width).toBe(640);
	expect(shown.height).toBe(480);
	expect(shown.brightness).toBeGreaterThan(40);

	// Stopped, nothing of the camera is left playing.
	await page.getByRole('button', { name: 'Stop' }).click();
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'idle');
	await expect(video).toHaveAttribute('data-shows', 'camera');
	expect(await video.evaluate((v: HTMLVideoElement) => v.srcObject)).toBeNull();
});
