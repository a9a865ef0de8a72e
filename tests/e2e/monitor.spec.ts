/** The workout monitor: a real person on the fake camera, then a replayed post-workout flexed rest and its nudge. */
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed } from './fixtures/media';
import { heldPose, replay } from './fixtures/replay';
import { expect, test } from './fixtures/test';

test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('basketball1.png')) });

test('shows the posture of the person on camera', async ({ app: { page } }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('posture')).toHaveAttribute('data-label', 'upright');
	await expect(page.getByTestId('posture')).toContainText('Upright');
	await expect(page.getByTestId('exercise-status')).toContainText('No exercise seen yet');
});

test('after a workout, resting with hands on knees brings a kind nudge with a one-tap extension', async ({ app: { page } }) => {
	await page.goto('/');
	await page.getByLabel('I have just finished a hard workout').check();
	await replay(page, heldPose('hands_on_knees', 'side', 1, 8));
	await expect(page.getByTestId('posture')).toHaveAttribute('data-label', 'hands_on_knees');
	const nudge = page.getByTestId('nudge');
	await expect(nudge).toHaveAttribute('data-reason', 'flexed_rest');
	await expect(nudge).toContainText('standing back extension');
	await nudge.getByText('Why?').click();
	await expect(nudge).toContainText('discs are loose');
	await expect(nudge.getByRole('button', { name: 'Start standing back extension' })).toBeVisible();
	// Not colour alone: the state has words and a symbol.
	await expect(page.getByTestId('posture')).toContainText('Hands on knees');
});

test('without a workout first, the same rest is left alone (no nag)', async ({ app: { page } }) => {
	await page.goto('/');
	await replay(page, heldPose('hands_on_knees', 'side', 1, 6));
	await expect(page.getByTestId('posture')).toHaveAttribute('data-label', 'hands_on_knees');
	await page.waitForTimeout(3000);
	await expect(page.getByTestId('nudge')).toHaveCount(0);
});
