/** Desk watch: low-rate watching, pause and snooze turn the camera off, a lasting slouch is nudged. */
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed } from './fixtures/media';
import { heldPose, replay } from './fixtures/replay';
import { expect, test } from './fixtures/test';

test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('basketball1.png')) });

type Hook = { backcheck: { session: { mediaStream: MediaStream | null; fps: number } } };

test('watches at a low rate, and pause or snooze turn the camera off', async ({ app: { page } }) => {
	await page.goto('/desk');
	await page.getByRole('button', { name: 'Start desk watch' }).click();
	await expect(page.getByTestId('desk-status')).toContainText('checks a second');
	await expect(page.getByTestId('posture')).toHaveAttribute('data-label', 'upright');
	await page.waitForTimeout(3000);
	// 2 checks a second while all is well (the camera gives 15).
	expect(await page.evaluate(() => (window as unknown as Hook).backcheck.session.fps)).toBeLessThan(3.5);

	await page.evaluate(() => {
		(window as unknown as { track: MediaStreamTrack }).track = (window as unknown as Hook).backcheck.session.mediaStream!.getVideoTracks()[0];
	});
	await page.getByRole('button', { name: 'Pause (camera off)' }).click();
	await expect(page.getByTestId('desk-status')).toContainText('Paused. The camera is off.');
	expect(await page.evaluate(() => (window as unknown as { track: MediaStreamTrack }).track.readyState)).toBe('ended');

	await page.getByRole('button', { name: 'Resume watching' }).click();
	await expect(page.getByTestId('posture')).toHaveAttribute('data-label', 'upright');
	await page.getByRole('button', { name: 'Until tomorrow' }).click();
	await expect(page.getByTestId('desk-status')).toContainText('Snoozed until tomorrow');
	expect(await page.evaluate(() => (window as unknown as Hook).backcheck.session.mediaStream)).toBeNull();
});

test('a slouch that lasts is nudged once; the banner offers a stretch and a snooze', async ({ app: { page } }) => {
	await page.goto('/desk');
	await page.getByLabel('Sensitivity').selectOption('keen');
	await replay(page, heldPose('sitting_slouched', 'desk', 1, 26));
	await expect(page.getByTestId('posture')).toHaveAttribute('data-label', 'slouched');
	await expect(page.getByTestId('nudge')).toHaveAttribute('data-reason', 'slouch', { timeout: 30_000 });
	await expect(page.getByTestId('nudge-count')).toHaveText('1');
	await expect(page.getByRole('button', { name: 'Snooze 30 min' }).last()).toBeVisible();
});
