/**
 * Every way the camera or the engine can fail shows a message that says what happened and what to do next.
 * Each case is produced for real in Chromium (flags, permissions, a missing file), not by replacing browser APIs.
 */
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { expect, test } from './fixtures/test';
import { fakeCameraFeed } from './fixtures/media';

test.describe('no camera on the machine', () => {
	// No fake device: headless Chromium then has no video input at all.
	test.use({ launchArgs: ['--use-fake-ui-for-media-stream'] });

	test('says no camera was found and offers the video file instead', async ({ app: { page } }) => {
		await page.goto('/');
		await page.getByRole('button', { name: 'Start camera' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toHaveAttribute('data-code', 'no-camera');
		await expect(alert).toContainText('No camera was found');
		await expect(alert).toContainText('video file');
		await expect(page.getByRole('button', { name: 'Start camera' })).toBeEnabled();
	});
});

test.describe('camera permission denied', () => {
	// A fake device exists but no fake "allow" UI: Chromium denies the permission prompt headlessly.
	test.use({ launchArgs: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeCameraFeed('person.jpg')}`] });

	test('says permission was denied and how to allow it', async ({ app: { page, context } }) => {
		await context.clearPermissions();
		await page.goto('/');
		await page.getByRole('button', { name: 'Start camera' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toHaveAttribute('data-code', 'permission-denied');
		await expect(alert).toContainText('Allow the camera');
	});
});

test.describe('engine failures', () => {
	test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('person.jpg')) });

	test('a missing model file says the model could not be loaded', async ({ app: { page, context } }) => {
		await context.route('**/pose_landmarker_*.task', (route) => route.fulfill({ status: 404, body: 'gone' }));
		await page.goto('/');
		await page.getByRole('button', { name: 'Start camera' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toHaveAttribute('data-code', 'model-load-failed');
		await expect(alert).toContainText('Try another model');
	});

	test('a corrupt model file says the model could not be loaded', async ({ app: { page, context } }) => {
		await context.route('**/pose_landmarker_*.task', (route) => route.fulfill({ status: 200, body: Buffer.alloc(4096, 7) }));
		await page.goto('/');
		await page.getByRole('button', { name: 'Start camera' }).click();
		await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'model-load-failed');
	});
});

test.describe('WebGL unavailable', () => {
	test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('person.jpg')), webgl: false });

	test('explains that pose detection needs WebGL', async ({ app: { page } }) => {
		await page.goto('/');
		await page.getByRole('button', { name: 'Start camera' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toHaveAttribute('data-code', 'webgl-unavailable');
		await expect(alert).toContainText('hardware acceleration');
	});
});
