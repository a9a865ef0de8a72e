/** The workout monitor: a real person on the fake camera, then a replayed post-workout flexed rest and its nudge. */
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed } from './fixtures/media';
import { heldPose, replay } from './fixtures/replay';
import { averageBody, scene } from '../../src/lib/synth';
import type { PoseFrame } from '../../src/lib/pose/types';
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

test('knows when a workout is going on, and after an intense bout suggests a cool-down', async ({ app: { page } }) => {
	// Brisk squats (2 a second) for 30 s, then standing still: generated motion through the same pipeline.
	const body = averageBody();
	const stand = scene({ preset: 'standing_upright', view: 'front', seed: 2, body, drop: false });
	const squat = scene({ preset: 'squat', view: 'front', seed: 2, body, drop: false });
	const fps = 15;
	const frames: PoseFrame[] = [];
	for (let i = 0; i < fps * 46; i++) {
		const t = (i * 1000) / fps;
		const u = t < 30_000 ? (1 - Math.cos(2 * Math.PI * 2 * (t / 1000))) / 2 : 0;
		const landmarks = stand.person.landmarks.map((l, k) => {
			const m = squat.person.landmarks[k];
			return l && m ? { ...l, x: l.x + (m.x - l.x) * u, y: l.y + (m.y - l.y) * u } : l;
		});
		frames.push({ t, people: [{ landmarks }], width: stand.width, height: stand.height });
	}
	await page.goto('/');
	await replay(page, frames, fps);
	await expect(page.getByTestId('exercise-status')).toHaveAttribute('data-active', 'true', { timeout: 35_000 });
	await expect(page.getByTestId('exercise-status')).toContainText('Exercising');
	const nudge = page.getByTestId('nudge');
	await expect(nudge).toHaveAttribute('data-reason', 'cool_down', { timeout: 30_000 });
	await expect(nudge).toContainText('5–10 minutes');
	await expect(page.getByTestId('exercise-status')).toContainText('Bout ended');
});
