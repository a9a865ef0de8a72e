/**
 * The desk watch is nearly free when nothing changes: the worker looks at a tiny thumbnail of each sampled frame
 * and runs the pose model only when the picture changed (or every 10 s). A canvas stands in for the camera
 * (getUserMedia answered with a 30 fps canvas stream, as in the bench's latency run); everything after the track
 * is the app's own worker path.
 */
import type { Page } from '@playwright/test';
import { canvasCameraScript } from '../../scripts/lib/bench-browser';
import { benchStill, type BenchScene } from '../../scripts/lib/bench-media';
import { expect, test } from './fixtures/test';

type Hook = { backcheck: { session: { frames: number; analysed: number } } };
type Camera = { __benchCamera: { show(names: string[], stepMs: number): number } };

const counts = (page: Page) => page.evaluate(() => {
	const s = (window as unknown as Hook).backcheck.session;
	return { frames: s.frames, analysed: s.analysed };
});

test('the desk watch runs the pose model only when the picture changes', async ({ app: { page, context } }) => {
	test.setTimeout(300_000);
	await context.addInitScript({ content: canvasCameraScript(['desk-upright', 'desk-slouched'], 'desk-upright') });
	await context.route('**/__bench/*.png', (route) => {
		const name = new URL(route.request().url()).pathname.split('/').pop()!.replace(/\.png$/, '') as BenchScene;
		return route.fulfill({ path: benchStill(name), contentType: 'image/png' });
	});
	await page.goto('/desk');
	await page.getByRole('button', { name: 'Start desk watch' }).click();
	await expect(page.getByTestId('posture')).toHaveAttribute('data-label', 'upright', { timeout: 90_000 });
	await expect(page.getByTestId('desk-status')).toContainText('analysed only when the picture changes');
	// The head sinking a few centimetres is this person's slouch, not everyone's: the watch first learns their own
	// upright (as it does in the first minute of any session), then judges against it.
	const learning = Date.now();
	// 100 % = a first learnt upright is in use (it keeps refining it until 'done').
	await expect(page.getByTestId('desk-learning')).toContainText(/100 %|done/, { timeout: 150_000 });
	console.log(`learnt the upright after ${((Date.now() - learning) / 1000).toFixed(1)} s`);

	// A still picture: two looks a second, the model at most every 10 s.
	const a = await counts(page);
	await page.waitForTimeout(12_000);
	const b = await counts(page);
	const still = `${b.frames - a.frames} results, ${b.analysed - a.analysed} of them analysed by the model`;
	test.info().annotations.push({ type: 'still picture, 12 s', description: still });
	console.log(`still picture, 12 s: ${still}`);
	expect(b.frames - a.frames).toBeGreaterThanOrEqual(12);
	expect(b.analysed - a.analysed).toBeLessThanOrEqual(3);

	// The head sinks (a slump): the next look sees the change, the model runs, and the watch sees the slouch.
	await page.evaluate(() => (window as unknown as Camera).__benchCamera.show(['desk-slouched'], 0));
	await expect.poll(async () => (await counts(page)).analysed, { timeout: 5000 }).toBeGreaterThan(b.analysed);
	await expect(page.getByTestId('posture')).toHaveAttribute('data-label', 'slouched', { timeout: 20_000 });
});
