import { expect, test } from '@playwright/test';
import { chromiumLaunch, fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed, PERSON_BOX } from './fixtures/media';
import { implausibility } from './fixtures/plausible';
import type { PoseFrame } from '../../src/lib/pose/types';

test.use({ launchOptions: chromiumLaunch(fakeCameraArgs(fakeCameraFeed('person.jpg'))) });

type Hook = { backcheck: { session: { frame: PoseFrame | null; status: string; fps: number } } };

test('the fake camera shows a real person with a plausible skeleton, from the worker and on screen', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
	await expect(page.getByTestId('people')).toHaveText('1');

	// From the worker: the newest frame's landmarks.
	const frame = await page.evaluate(() => (window as unknown as Hook).backcheck.session.frame);
	expect(frame?.width).toBe(640);
	expect(frame?.height).toBe(480);
	expect(implausibility(frame?.people[0]?.landmarks, PERSON_BOX['person.jpg'])).toBeNull();
	expect(frame?.people[0]?.worldLandmarks).toHaveLength(33);

	// On screen: the skeleton's pixels (mirrored like a mirror) cover the person's box and nothing far outside it.
	const drawn = await page.getByTestId('pose-overlay').evaluate((canvas: HTMLCanvasElement) => {
		const ctx = canvas.getContext('2d')!;
		const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
		let left = width, right = -1, top = height, bottom = -1, count = 0;
		for (let y = 0; y < height; y++)
			for (let x = 0; x < width; x++) {
				if (data[(y * width + x) * 4 + 3] === 0) continue;
				count++;
				left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
			}
		const mirrored = getComputedStyle(canvas).transform !== 'none';
		return { count, left: left / width, right: right / width, top: top / height, bottom: bottom / height, mirrored };
	});
	expect(drawn.count).toBeGreaterThan(200);
	const box = PERSON_BOX['person.jpg'];
	// The canvas holds image coordinates; CSS mirrors it, so compare in image space.
	expect(drawn.left).toBeGreaterThan(box.left - 0.05);
	expect(drawn.right).toBeLessThan(box.right + 0.05);
	expect(drawn.top).toBeGreaterThan(box.top - 0.05);
	expect(drawn.bottom).toBeLessThan(box.bottom + 0.05);
	expect(drawn.right - drawn.left).toBeGreaterThan(0.04);
	expect(drawn.bottom - drawn.top).toBeGreaterThan(0.4);
	expect(drawn.mirrored).toBe(true);

	// Frames keep coming and time never goes backwards (per-frame strictness: nextTimestamp's unit test).
	const ts: number[] = [];
	for (let i = 0; i < 8; i++) {
		await page.waitForTimeout(400);
		ts.push(await page.evaluate(() => (window as unknown as Hook).backcheck.session.frame?.t ?? -1));
	}
	for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThanOrEqual(ts[i - 1]);
	expect(new Set(ts).size).toBeGreaterThanOrEqual(4);
	await expect(page.getByTestId('fps')).not.toHaveText('0.0 fps');

	await page.getByRole('button', { name: 'Stop' }).click();
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'idle');
});
