/**
 * Stepping through a video needs a seekable source. Served without byte ranges (as the CLI's server once did),
 * every seek showed the first frame again and the analysis went on as if nothing were wrong: now it says so.
 */
import { readFileSync } from 'node:fs';
import { openHarness } from './fixtures/harness';
import { panningVideo } from '../../scripts/lib/test-motion';
import { expect, test } from './fixtures/test';

test('a video served without byte ranges is refused with a reason, not analysed as its first frame over and over', async ({ app: { page } }) => {
	const body = readFileSync(panningVideo('person.jpg', 'mp4'));
	// Whole file, no Accept-Ranges, Range headers ignored: what a naive static server does.
	await page.route('**/no-ranges.mp4', (route) => route.fulfill({ status: 200, contentType: 'video/mp4', body }));
	await openHarness(page);
	const outcome = await page.evaluate(async () => {
		const h = (window as unknown as { backcheckHarness: { video(u: string, fps: number, f: () => void): Promise<unknown> } }).backcheckHarness;
		let frames = 0;
		const r = await h.video('/no-ranges.mp4', 5, () => frames++);
		return { r, frames };
	});
	expect(outcome.frames).toBe(0);
	expect(outcome.r).toMatchObject({ ok: false, failure: { code: 'video-unplayable' } });
	expect(JSON.stringify(outcome.r)).toContain('cannot be stepped through');
});
