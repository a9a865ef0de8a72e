/** The first-run walkthrough: safety, camera placement, calibration kept per camera setup, nudges, model pick. */
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed } from './fixtures/media';
import { expect, test } from './fixtures/test';

test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('person.jpg')) });

test('walks through setup and keeps a calibration for this camera', async ({ app: { page } }) => {
	await page.goto('/setup');
	const next = page.getByRole('button', { name: 'Next' });
	await expect(next).toBeDisabled();
	await page.getByLabel('I understand').check();
	await next.click();

	await page.getByLabel('Workouts and stretches').check();
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('placement').locator('li[data-ok="true"]')).toHaveCount(6);
	await page.getByRole('button', { name: 'Next' }).click();

	await page.getByRole('button', { name: 'Record upright' }).click();
	await expect(page.getByTestId('calibration-status')).toContainText('Recording upright');
	await expect(page.getByTestId('calibration-status')).toContainText(/Calibrated on \d+ upright frames/, { timeout: 15_000 });
	await page.getByRole('button', { name: 'Next' }).click();

	await page.getByLabel('Soft chime').check();
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Measure and choose' }).click();
	await expect(page.getByTestId('speed-status')).toContainText(/Lite takes \d+ ms a frame here, Full \d+ ms: using (Full|Lite)/, { timeout: 60_000 });
	await page.getByRole('button', { name: 'Finish' }).click();
	await expect(page.getByRole('heading', { name: 'All set' })).toBeVisible();

	const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backcheck.settings')!));
	expect(stored.onboarded).toBe(true);
	expect(stored.nudgeStyles).toEqual(['banner', 'sound']);
	expect(Object.keys(stored.calibrations)).toHaveLength(1);
	expect(Object.keys(stored.calibrations)[0]).toMatch(/@640x480$/);
	expect(['lite', 'full']).toContain(stored.autoModel.model);

	// The monitor now uses the calibration for this camera.
	await page.goto('/');
	await expect(page.getByText('New here?')).toHaveCount(0);
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('session-status')).toContainText('calibrated to you');
});
