/**
 * No request ever leaves the local origin: not the model, not the wasm, and not MediaPipe's usage logging,
 * which Tasks posts from the worker when a landmarker is closed (switching models closes one).
 */
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed } from './fixtures/media';
import { expect, test } from './fixtures/test';

test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('person.jpg')) });

test('a session, a model switch and a stop send nothing off the local origin', async ({ app: { page, context }, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const seen: string[] = [];
	context.on('request', (r) => seen.push(r.url()));
	// Workers' requests are reported per worker as well; listen there too in case the context misses them.
	page.on('worker', (w) => w.on('console', () => undefined));

	await page.goto('/');
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('people')).toHaveText('1');
	await page.getByLabel('Pose model').selectOption('full');
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
	await page.waitForTimeout(2000);
	await page.getByRole('button', { name: 'Stop' }).click();
	await page.waitForTimeout(1000);

	const offOrigin = seen.filter((u) => {
		const parsed = new URL(u);
		return parsed.origin !== origin && parsed.protocol !== 'blob:' && parsed.protocol !== 'data:';
	});
	expect(seen.some((u) => u.includes('/mediapipe/models/pose_landmarker_'))).toBe(true);
	expect(seen.some((u) => u.endsWith('.wasm'))).toBe(true);
	expect(offOrigin).toEqual([]);
});
