/**
 * The whole loop a person goes through: nudged out of a post-workout hands-on-knees rest into a standing back
 * extension that is scored live, and seeing it in the history chart the next day; a cobra set that gets
 * progression cues; and "Pain — stop" ending a set at once. Motion is replayed from the kinematic generator
 * through the same pipeline the camera feeds.
 */
import { backExtensionTake, cobraTake } from '../../src/lib/synth/exercise-sequences';
import { rng, averageBody } from '../../src/lib/synth';
import type { PoseFrame } from '../../src/lib/pose/types';
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed } from './fixtures/media';
import { cobraPuppetVideo } from '../../scripts/lib/test-motion';
import { heldPose, replay } from './fixtures/replay';
import { expect, test } from './fixtures/test';

test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('basketball1.png')) });

const FPS = 15;
const at15 = (frames: PoseFrame[]) => frames.filter((_, i) => i % 2 === 0); // generated at 30 fps

test('nudged out of hands on knees into a cobra scored live, then seen in history the next day', async ({ app: { page } }) => {
	await page.goto('/');
	await page.getByLabel('I have just finished a hard workout').check();
	await replay(page, heldPose('hands_on_knees', 'side', 1, 8));
	await expect(page.getByTestId('nudge')).toHaveAttribute('data-reason', 'flexed_rest');
	await page.getByRole('button', { name: 'Cobra instead' }).click();
	await expect(page).toHaveURL(/\/stretch\?exercise=cobra$/);
	await expect(page.getByRole('heading', { name: 'Stretch: Cobra' })).toBeVisible();
	await page.getByRole('button', { name: 'Start cobra' }).click();

	const take = cobraTake(averageBody(), [{ peakDeg: 30, restMs: 6000 }, { peakDeg: 38 }], { rng: rng(4), view: 'side', fps: 30, yaw: 90 });
	await replay(page, at15(take.frames), FPS);
	await expect(page.getByTestId('coach')).toHaveAttribute('data-stage', 'active', { timeout: 20_000 });
	await expect(page.getByTestId('reps')).toHaveText('2', { timeout: 40_000 });
	await expect(page.getByTestId('last-rep')).toContainText('higher than the last');
	await page.getByRole('button', { name: 'Finish set' }).click();
	const summary = page.getByTestId('set-summary');
	await expect(summary.getByTestId('summary-reps')).toHaveText('2');

	// The next day, the history chart's table shows yesterday's best cobra.
	await page.clock.install({ time: Date.now() + 24 * 3600_000 });
	await page.goto('/history');
	const peaks = page.getByTestId('table-peaks');
	await peaks.locator('xpath=..').getByText('Show as a table').click();
	await expect(peaks.locator('tbody tr').filter({ hasText: '°' })).toHaveCount(1);
	await expect(page.getByTestId('session-list')).toContainText('1 set, 2 reps');
});

test('a standing back extension is scored live, rep by rep, a little further each time', async ({ app: { page } }) => {
	await page.goto('/stretch?exercise=back_extension');
	await page.getByRole('button', { name: 'Start standing back extension' }).click();
	const take = backExtensionTake(averageBody(), [{ peakDeg: 18, restMs: 6000 }, { peakDeg: 24 }], { rng: rng(5), view: 'side', fps: 30, yaw: 90 });
	await replay(page, at15(take.frames), FPS);
	await expect(page.getByTestId('reps')).toHaveText('2', { timeout: 40_000 });
	await expect(page.getByTestId('last-rep')).toContainText('higher than the last');
	await page.getByRole('button', { name: 'Finish set' }).click();
	await expect(page.getByTestId('set-summary')).toContainText('Best peak');
});

test('a cobra set: a lower rep gets a kind progression cue; "Pain — stop" ends the set at once', async ({ app: { page } }) => {
	await page.goto('/stretch?exercise=cobra');
	await page.getByRole('button', { name: 'Start cobra' }).click();
	const take = cobraTake(averageBody(), [{ peakDeg: 40, restMs: 6000 }, { peakDeg: 28 }, { peakDeg: 30 }], { rng: rng(3), view: 'side', fps: 30, yaw: 90 });
	await replay(page, at15(take.frames), FPS);
	await expect(page.getByTestId('reps')).toHaveText('2', { timeout: 40_000 });
	await expect(page.getByTestId('last-rep')).toContainText('a little lower');
	await expect(page.getByTestId('cue')).toContainText(/Not quite as high|higher|rep|hold/i);
	await page.getByRole('button', { name: 'Pain — stop' }).click();
	await expect(page.getByRole('heading', { name: 'Stopped — pain means stop' })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Next:/ })).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { backcheck: { session: { status: string } } }).backcheck.session.status)).not.toBe('running');
});

test('check a recording: a filmed cobra set is played through the coach, with the skeleton, cues, a summary per rep and history', async ({ app: { page } }) => {
	test.slow(); // 188 frames of video through the worker
	await page.goto('/stretch?exercise=cobra');
	await page.waitForFunction(() => Boolean((window as unknown as { backcheck?: unknown }).backcheck));
	// Every result the coach gets, to see the skeleton follow the chest up and down.
	await page.evaluate(() => {
		const w = window as unknown as { seen: number[]; backcheck: { session: { onResult: ((r: { frame: PoseFrame }) => void) | null } } };
		w.seen = [];
		const s = w.backcheck.session;
		let downstream = s.onResult;
		// The set installs its own handler when it starts: keep ours in front of whatever is there.
		Object.defineProperty(s, 'onResult', {
			get: () => (r: { frame: PoseFrame }) => {
				const l = r.frame.people[0]?.landmarks;
				w.seen.push(l && l[11] && l[12] ? (l[11].y + l[12].y) / 2 : NaN);
				downstream?.(r);
			},
			set: (f) => (downstream = f)
		});
	});
	await page.getByLabel('Playback speed').selectOption({ label: 'As fast as it can' });
	await page.getByLabel('Video of your set').setInputFiles(cobraPuppetVideo());
	await expect(page.getByTestId('recording-progress')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByRole('button', { name: 'Pain — stop' })).toHaveCount(0);
	const summary = page.getByTestId('set-summary');
	await expect(summary).toBeVisible({ timeout: 180_000 });
	await expect(summary.getByRole('heading', { name: 'Recording checked' })).toBeVisible();
	await expect(summary.getByTestId('recording-name')).toContainText('cobra-puppet');
	await expect(summary.getByTestId('summary-reps')).toHaveText('2');
	const rows = summary.getByTestId('rep-row');
	await expect(rows).toHaveCount(2);
	// The second lift went higher; the arms hung by the body instead of pushing, and the fix is said in words.
	await expect(summary).toContainText('higher than your first');
	await expect(rows.filter({ hasText: 'let them press you up' }).first()).toBeVisible();
	// The skeleton followed the chest: shoulders well above their lying height at the top of each lift.
	const shoulders = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
	// Every frame of the 12.5 s clip at 15 a second, however fast the machine played it through.
	expect(shoulders.length).toBeGreaterThanOrEqual(187);
	await expect(page.getByTestId('recording-progress')).toHaveCount(0);
	const lying = shoulders[5];
	const top2 = Math.min(...shoulders.slice(8.5 * 15, 10 * 15));
	expect(lying - top2).toBeGreaterThan(0.08);

	// Saved like a live set, marked as from a recording.
	await page.goto('/history');
	await expect(page.getByTestId('session-list')).toContainText('from a recording');
	await expect(page.getByTestId('session-list')).toContainText('1 set, 2 reps');
});
