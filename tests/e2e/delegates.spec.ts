/**
 * The GPU delegate, for real: on this machine Chromium's GPU is SwiftShader (WebGL in software), the same code
 * path as a laptop's GPU, only slow. It must find the landmarks the CPU finds on the same frames, and when it
 * fails mid-session (its WebGL context lost, as on a driver reset or a GPU switch) the session carries on on the
 * CPU, says so once, and keeps to the CPU on this device afterwards.
 */
import type { Page } from '@playwright/test';
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import type { TrialSummary } from '../../src/lib/engine/engine-choice';
import { AGREEMENT_TOLERANCE } from '../../src/lib/engine/landmark-agreement';
import { fakeCameraFeed } from './fixtures/media';
import { expect, test } from './fixtures/test';

test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('person.jpg')) });

type Bench = { backcheckBench: { delegates(models: string[], frames: number, passes: number, timeoutMs: number): Promise<{ summaries: TrialSummary[]; device: { renderer: string } }> } };
type Session = {
	frames: number;
	status: string;
	info: { delegate: string } | null;
	fallback: { stage: string } | null;
	device: { fingerprint: string; renderer: string };
};
type Hook = { backcheck: { session: Session } };

const session = (page: Page) => page.evaluate(() => {
	const s = (window as unknown as Hook).backcheck.session;
	return { frames: s.frames, status: s.status, delegate: s.info?.delegate ?? null, fallback: s.fallback?.stage ?? null };
});

test('the GPU delegate runs on this machine and finds the landmarks the CPU finds on the same frames', async ({ app: { page } }) => {
	// Software GL builds the GPU model slowly (tens of seconds on a busy 2-core machine).
	test.setTimeout(600_000);
	await page.goto('/bench');
	await page.locator('[data-testid="bench"][data-ready="true"]').waitFor();
	const r = await page.evaluate(() => (window as unknown as Bench).backcheckBench.delegates(['lite'], 6, 2, 480_000));
	const cpu = r.summaries.find((s) => s.delegate === 'CPU')!;
	const gpu = r.summaries.find((s) => s.delegate === 'GPU')!;
	const a = gpu.agreement;
	const description = `${r.device.renderer}: CPU ${cpu.medianMs?.toFixed(1)} ms, GPU ${gpu.medianMs?.toFixed(1)} ms a frame (build ${gpu.initMs?.toFixed(0)} ms); landmarks ${a?.meanPx.toFixed(2)} px apart on average, 95 % within ${a?.p95Px.toFixed(2)} px, max ${a?.maxPx.toFixed(2)} px over ${a?.landmarks} points in ${a?.frames} frames`;
	test.info().annotations.push({ type: 'lite, GPU vs CPU', description });
	console.log(`lite, GPU vs CPU: ${description}`);
	expect(cpu.problem).toBeNull();
	expect(gpu.problem, 'the GPU trial').toBeNull();
	// The stated tolerance: mean within 1 % of the frame diagonal (8 px at 640x480), 95 % within 3 % (24 px).
	expect(a!.landmarks).toBeGreaterThan(6 * 20);
	expect(a!.peopleMismatch).toBe(0);
	expect(a!.meanPx).toBeLessThanOrEqual(AGREEMENT_TOLERANCE.meanOfDiagonal * 800);
	expect(a!.p95Px).toBeLessThanOrEqual(AGREEMENT_TOLERANCE.p95OfDiagonal * 800);
});

test('a GPU that loses its context mid-session: watching carries on on the CPU, said once, and the CPU is kept here', async ({ app: { page } }) => {
	test.setTimeout(600_000);
	// This device measured with Lite faster on the GPU (as Setup would store it).
	await page.goto('/');
	await page.waitForFunction(() => 'backcheck' in window);
	const device = await page.evaluate(() => (window as unknown as Hook).backcheck.session.device);
	await page.evaluate((fingerprint) => {
		const profile = { fingerprint, renderer: 'test', measuredAt: Date.now(), delegates: { lite: 'GPU' }, gpuFailure: null, trials: [] };
		localStorage.setItem('backcheck.settings', JSON.stringify({ onboarded: true, model: 'lite', engineProfile: profile }));
	}, device.fingerprint);
	await page.reload();
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('people')).not.toHaveText('0', { timeout: 480_000 });
	expect((await session(page)).delegate, 'running on the GPU').toBe('GPU');

	// What a driver reset does to every WebGL context: lose it. The worker's contexts are the ones MediaPipe
	// draws with; catch them as it uses them, then lose them through the standard extension.
	const worker = page.workers().find((w) => w.url().includes('pose'))!;
	const lost = await worker.evaluate(async () => {
		const seen = new Set<WebGL2RenderingContext>();
		const proto = WebGL2RenderingContext.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
		const originals: Record<string, (...a: unknown[]) => unknown> = {};
		for (const name of ['bindFramebuffer', 'bindTexture', 'drawArrays', 'useProgram', 'texImage2D']) {
			originals[name] = proto[name];
			proto[name] = function (this: WebGL2RenderingContext, ...args: unknown[]) {
				seen.add(this);
				return originals[name].apply(this, args);
			};
		}
		const until = performance.now() + 60_000;
		while (seen.size === 0 && performance.now() < until) await new Promise((ok) => setTimeout(ok, 100));
		for (const [name, f] of Object.entries(originals)) proto[name] = f;
		for (const gl of seen) gl.getExtension('WEBGL_lose_context')?.loseContext();
		return seen.size;
	});
	expect(lost, 'WebGL contexts lost').toBeGreaterThan(0);

	const notice = page.getByTestId('delegate-notice');
	await expect(notice).toHaveAttribute('data-stage', 'context-lost', { timeout: 120_000 });
	await expect(notice).toContainText('carries on watching on the CPU');
	await expect.poll(async () => (await session(page)).delegate, { timeout: 120_000 }).toBe('CPU');
	const before = (await session(page)).frames;
	await expect.poll(async () => (await session(page)).frames, { timeout: 60_000 }).toBeGreaterThan(before + 5);
	expect((await session(page)).status).toBe('running');
	await expect(page.getByRole('alert')).toHaveCount(0);
	// Said once: dismissed, it does not come back while watching goes on.
	await notice.getByRole('button', { name: 'OK' }).click();
	await page.waitForTimeout(3000);
	await expect(notice).toHaveCount(0);

	// Kept for this device: the next session starts on the CPU straight away, without a notice.
	const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backcheck.settings')!).engineProfile);
	expect(stored.gpuFailure).toMatch(/graphics context was lost/);
	await page.reload();
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('people')).not.toHaveText('0', { timeout: 120_000 });
	expect((await session(page)).delegate).toBe('CPU');
	await expect(notice).toHaveCount(0);
});

test('measured on another browser or GPU: the session measures this one again by itself and keeps the result', async ({ app: { page } }) => {
	test.setTimeout(600_000);
	// Setup measured on some other device (another fingerprint): its GPU pick must not be trusted here.
	await page.goto('/');
	await page.waitForFunction(() => 'backcheck' in window);
	const device = await page.evaluate(() => (window as unknown as Hook).backcheck.session.device);
	await page.evaluate(() => {
		const profile = { fingerprint: '00000000', renderer: 'another GPU', measuredAt: 1, delegates: { lite: 'GPU', full: 'GPU' }, gpuFailure: null, trials: [] };
		localStorage.setItem('backcheck.settings', JSON.stringify({ onboarded: true, autoModel: { model: 'full', medianMs: 20, delegate: 'GPU' }, engineProfile: profile }));
	});
	await page.reload();
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('people')).not.toHaveText('0', { timeout: 120_000 });
	// Meanwhile it runs on the CPU, whatever the other device measured.
	expect((await session(page)).delegate).toBe('CPU');
	const notice = page.getByTestId('remeasure-notice');
	await expect(notice).toHaveAttribute('data-phase', 'measuring', { timeout: 60_000 });
	await expect(notice).toContainText('browser or graphics changed');
	await expect(notice).toHaveAttribute('data-phase', 'done', { timeout: 480_000 });
	const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backcheck.settings')!));
	test.info().annotations.push({ type: 'measured again', description: JSON.stringify(stored.engineProfile.trials) });
	expect(stored.engineProfile.fingerprint).toBe(device.fingerprint);
	expect(stored.engineProfile.renderer).toBe(device.renderer);
	expect(stored.engineProfile.trials.some((t: { model: string; delegate: string; medianMs: number | null }) => t.model === 'lite' && t.delegate === 'CPU' && t.medianMs! > 0)).toBe(true);
	expect(stored.autoModel.delegate).toBe(stored.engineProfile.delegates[stored.autoModel.model]);
	// Watching carried on after the measurement.
	const before = (await session(page)).frames;
	await expect.poll(async () => (await session(page)).frames, { timeout: 60_000 }).toBeGreaterThan(before + 5);
	expect((await session(page)).status).toBe('running');
});
