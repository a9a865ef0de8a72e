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

test.describe('learning your usual posture', () => {
	test('says it is learning, and done once this camera setup has a learnt upright; an explicit calibration wins', async ({ app: { page } }) => {
		await page.goto('/desk');
		await page.getByRole('button', { name: 'Start desk watch' }).click();
		// starting the camera and the model can take a while on a busy machine
		await expect(page.getByTestId('desk-learning')).toContainText('Learning your usual posture…', { timeout: 60_000 });
		await expect(page.getByTestId('desk-learning')).not.toContainText('done');
		// what the page keeps once learning is done, for this setup
		const setupKey = await page.evaluate(() => (window as unknown as { backcheck: { session: { setupKey: string } } }).backcheck.session.setupKey);
		const { calibrate, serializeCalibration } = await import('../../src/lib/calibration/calibrate');
		const { learntKeyOf } = await import('../../src/lib/calibration/auto');
		const { fixturePerson } = await import('../../src/lib/tracking/fixture');
		const A = 4 / 3;
		const frames = Array.from({ length: 20 }, (_, i) => ({ t: i * 500, people: [fixturePerson({ cx: 0.5 * A, cy: 0.95, scale: 0.42, aspect: A, upperBodyOnly: true })], width: 640, height: 480 }));
		const learnt = serializeCalibration(calibrate(frames, { setupKey, learnt: true }));
		await page.getByRole('button', { name: 'Pause (camera off)' }).click();
		await page.evaluate(
			([key, value]) => {
				const s = JSON.parse(localStorage.getItem('backcheck.settings') ?? '{}');
				s.calibrations = { ...(s.calibrations ?? {}), [key]: value };
				localStorage.setItem('backcheck.settings', JSON.stringify(s));
			},
			[learntKeyOf(setupKey), learnt]
		);
		await page.reload();
		await page.getByRole('button', { name: 'Start desk watch' }).click();
		await expect(page.getByTestId('desk-learning')).toContainText('Learning your usual posture… done', { timeout: 60_000 });
		// an explicit calibration for the setup: no learning shown, calibrated to you
		await page.getByRole('button', { name: 'Pause (camera off)' }).click();
		await page.evaluate(
			([key, value]) => {
				const s = JSON.parse(localStorage.getItem('backcheck.settings') ?? '{}');
				s.calibrations = { ...(s.calibrations ?? {}), [key]: value };
				localStorage.setItem('backcheck.settings', JSON.stringify(s));
			},
			[setupKey, learnt]
		);
		await page.reload();
		await page.getByRole('button', { name: 'Start desk watch' }).click();
		await expect(page.getByTestId('desk-status')).toContainText('calibrated to you', { timeout: 60_000 });
		await expect(page.getByTestId('desk-learning')).toHaveCount(0);
	});

	test('learns from what it watches: a replayed desk session moves the progress', async ({ app: { page } }) => {
		await page.goto('/desk');
		await replay(page, heldPose('sitting_upright', 'desk', 3, 40));
		await expect(page.getByTestId('desk-learning')).toContainText(/Learning your usual posture… [1-9][0-9]* %/, { timeout: 40_000 });
	});
});
