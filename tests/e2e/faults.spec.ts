/**
 * Faults that must never lose the session: the camera unplugged and plugged back, the pose worker crashing,
 * a missing wasm file, damaged saved settings, a passer-by in frame. Each is produced in Chromium for real
 * (events the browser would fire, an uncaught error inside the real worker, a 404) and fails without its handling.
 */
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { scene } from '../../src/lib/synth';
import type { PoseFrame } from '../../src/lib/pose/types';
import { fakeCameraFeed } from './fixtures/media';
import { replay } from './fixtures/replay';
import { expect, test } from './fixtures/test';

test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('basketball1.png')) });

type Session = { frames: number; crashes: number; restarts: number; status: string; mediaStream: MediaStream | null; failure: { code: string } | null };
type Hook = { backcheck: { session: Session } };

test('the camera unplugged mid-session says so, and watching resumes when a camera comes back', async ({ app: { page } }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('people')).not.toHaveText('0');
	// What Chromium does when the device goes away: the track ends and fires 'ended'.
	await page.evaluate(() => {
		const track = (window as unknown as Hook).backcheck.session.mediaStream!.getVideoTracks()[0];
		track.stop();
		track.dispatchEvent(new Event('ended'));
	});
	const alert = page.getByRole('alert');
	await expect(alert).toHaveAttribute('data-code', 'camera-ended');
	await expect(alert).toContainText('Reconnect the camera');
	// The device is back: the browser fires 'devicechange'.
	const before = await page.evaluate(() => (window as unknown as Hook).backcheck.session.frames);
	await page.evaluate(() => navigator.mediaDevices.dispatchEvent(new Event('devicechange')));
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
	await expect.poll(() => page.evaluate(() => (window as unknown as Hook).backcheck.session.frames)).toBeGreaterThan(before + 5);
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a crashed pose worker is restarted with back-off and the session carries on', async ({ app: { page } }) => {
	// Whether it resumes is the question, not how fast: a model takes 20 s and more to load on a 2-core machine
	// shared with other work (23 s measured at a load average of 20), first and after the restart alike.
	test.setTimeout(300_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('people')).not.toHaveText('0', { timeout: 120_000 });
	const worker = page.workers().find((w) => w.url().includes('pose'));
	expect(worker, 'the pose worker').toBeTruthy();
	// An uncaught error inside the real worker, as a wasm abort would raise.
	await worker!.evaluate(() => setTimeout(() => {
		throw new Error('simulated wasm abort');
	}));
	await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'worker-crashed');
	await expect(page.getByRole('alert')).toContainText('restarting on its own');
	await expect.poll(() => page.evaluate(() => (window as unknown as Hook).backcheck.session.crashes), { timeout: 20_000 }).toBe(1);
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running', { timeout: 120_000 });
	const frames = await page.evaluate(() => (window as unknown as Hook).backcheck.session.frames);
	await expect.poll(() => page.evaluate(() => (window as unknown as Hook).backcheck.session.frames), { timeout: 60_000 }).toBeGreaterThan(frames + 5);
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a restarted worker that is slow to load its model is waited for, not restarted on top of itself', async ({ app: { page, context } }) => {
	// The race behind a flaky restart: the stall watchdog counted the new worker's start-up as silence and started
	// a stream every 4 s while the first was still waiting, so the worker ended up running several frame loops
	// that starved each other (10 seen at once on a busy machine) and the session said 'running' with no frames.
	// Here the restarted worker's model arrives 9 s late, longer than the 4 s stall limit.
	await page.goto('/');
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('people')).not.toHaveText('0');
	await context.route('**/models/pose_landmarker_*.task', async (route) => {
		await new Promise((ok) => setTimeout(ok, 9000));
		await route.continue();
	});
	const worker = page.workers().find((w) => w.url().includes('pose'));
	await worker!.evaluate(() => setTimeout(() => {
		throw new Error('simulated wasm abort');
	}));
	await expect.poll(() => page.evaluate(() => (window as unknown as Hook).backcheck.session.crashes), { timeout: 20_000 }).toBe(1);
	// While the model loads, the session says it is starting and keeps the notice up.
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'starting');
	await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'worker-crashed');
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
	const frames = await page.evaluate(() => (window as unknown as Hook).backcheck.session.frames);
	await expect.poll(() => page.evaluate(() => (window as unknown as Hook).backcheck.session.frames)).toBeGreaterThan(frames + 5);
	expect(await page.evaluate(() => (window as unknown as Hook).backcheck.session.restarts), 'stall restarts while the model loaded').toBe(0);
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a missing wasm file gives a clear message', async ({ app: { page, context } }) => {
	await context.route('**/mediapipe/wasm/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
	await page.goto('/');
	await page.getByRole('button', { name: 'Start camera' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toHaveAttribute('data-code', 'wasm-load-failed');
	await expect(alert).toContainText('pose engine could not be loaded');
});

test('damaged saved settings are reset with a message, never a blank page', async ({ app: { page } }) => {
	await page.goto('/about');
	await page.evaluate(() => localStorage.setItem('backcheck.settings', '{"onboarded": tr'));
	await page.goto('/desk');
	await expect(page.getByRole('heading', { name: 'Desk watch' })).toBeVisible();
	await expect(page.getByTestId('settings-problem')).toContainText('unreadable and have been reset');
	await page.getByLabel('Sensitivity').selectOption('keen');
	expect(await page.evaluate(() => JSON.parse(localStorage.getItem('backcheck.settings')!).sensitivity)).toBe('keen');
});

test('a passer-by in frame does not take over from the person being watched', async ({ app: { page } }) => {
	const me = scene({ preset: 'standing_upright', view: 'front', seed: 2, drop: false });
	const them = scene({ preset: 'hands_on_knees', view: 'side', seed: 101, drop: false, noise: false });
	const fps = 15;
	const frames: PoseFrame[] = [];
	for (let i = 0; i < 12 * fps; i++) {
		const t = (i * 1000) / fps;
		const u = (t - 3000) / 6000;
		// A smaller, farther person crossing from the left between 3 s and 9 s, listed first as if more prominent.
		const passer = u >= 0 && u <= 1 ? [{ landmarks: them.person.landmarks.map((l) => (l ? { ...l, x: -0.3 + 1.6 * u + (l.x - 0.5) * 0.45, y: 0.45 + (l.y - 0.5) * 0.45 } : null)) }] : [];
		frames.push({ t, people: [...passer, me.person], width: me.width, height: me.height });
	}
	await page.goto('/');
	await page.getByTestId('posture').waitFor();
	const seen: string[] = [];
	await page.exposeFunction('__label', (l: string) => seen.push(l));
	await page.evaluate(() => {
		const badge = document.querySelector('[data-testid="posture"]')!;
		new MutationObserver(() => (window as unknown as { __label(l: string): void }).__label(badge.getAttribute('data-label') ?? '')).observe(badge, { attributes: true });
	});
	await replay(page, frames, fps);
	await expect(page.getByTestId('posture')).toHaveAttribute('data-label', 'upright');
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'idle', { timeout: 20_000 });
	expect(seen).not.toContain('hands_on_knees');
	// Once settled on the person (upright), the state never changes while the passer-by crosses.
	const settled = seen.indexOf('upright');
	expect(settled).toBeGreaterThanOrEqual(0);
	expect(seen.slice(settled).filter((l) => l !== 'upright')).toEqual([]);
});
