/**
 * Installable and offline after the first visit: the service worker stores the app, MediaPipe's wasm and the lite
 * model; with the network off the app opens and a camera session produces landmarks. Updates wait for the person.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed } from './fixtures/media';
import { expect, test } from './fixtures/test';
import type { PoseFrame } from '../../src/lib/pose/types';

test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('person.jpg')) });

/** The camera's stop button (not the safety "pain - stop" control). */
const STOP = /^stop( camera)?$/i;

type Hook = { backcheck: { session: { frame: PoseFrame | null; info: { model: string } | null } } };

/** Waits for the service worker to be active (its install stored everything), then reloads under its control. */
async function installAndControl(page: Page): Promise<void> {
	await page.goto('/');
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		const worker = registration.active!;
		if (worker.state !== 'activated') await new Promise((ok) => worker.addEventListener('statechange', () => worker.state === 'activated' && ok(null)));
	});
	await page.reload();
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/service-worker\.js$/);
}

async function cacheContents(page: Page): Promise<Record<string, string[]>> {
	return page.evaluate(async () => {
		const out: Record<string, string[]> = {};
		for (const key of await caches.keys()) out[key] = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
		return out;
	});
}

async function landmarksFlow(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
	await expect.poll(() => page.evaluate(() => (window as unknown as Hook).backcheck.session.frame?.people[0]?.landmarks.length ?? 0)).toBe(33);
}

/** Every MediaPipe response the page and its workers got, and whether the service worker answered it. */
function watchMediapipe(context: BrowserContext): Array<{ url: string; method: string; fromServiceWorker: boolean; status: number }> {
	const seen: Array<{ url: string; method: string; fromServiceWorker: boolean; status: number }> = [];
	context.on('response', (r) => {
		if (r.url().includes('/mediapipe/') && !r.request().serviceWorker()) seen.push({ url: new URL(r.url()).pathname, method: r.request().method(), fromServiceWorker: r.fromServiceWorker(), status: r.status() });
	});
	return seen;
}

test('after one visit online, the app opens and watches with the network off', async ({ app: { page, context } }, testInfo) => {
	await installAndControl(page);
	const cached = await cacheContents(page);
	const names = Object.keys(cached).sort();
	expect(names).toHaveLength(2);
	expect(names[0]).toMatch(/^backcheck-mediapipe-/);
	expect(names[1]).toMatch(/^backcheck-shell-/);
	expect(cached[names[0]].sort()).toEqual(['/mediapipe/models/pose_landmarker_lite.task', '/mediapipe/wasm/vision_wasm_module_internal.js', '/mediapipe/wasm/vision_wasm_module_internal.wasm']);
	expect(cached[names[1]]).toEqual(expect.arrayContaining(['/', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/maskable-512.png']));
	expect(cached[names[1]].some((p) => /^\/_app\/immutable\/workers\/pose\.worker-.*\.js$/.test(p))).toBe(true);

	// Online and under the service worker, the full model is stored the first time it is used.
	await landmarksFlow(page);
	await page.getByLabel('Pose model').selectOption('full');
	await expect.poll(async () => (await cacheContents(page))[names[0]]).toContain('/mediapipe/models/pose_landmarker_full.task');
	await page.getByRole('button', { name: STOP }).click();

	await context.setOffline(true);
	const mediapipe = watchMediapipe(context);
	await page.reload();
	expect(await page.evaluate(() => navigator.onLine)).toBe(false);
	// Really offline: anything the service worker does not hold fails.
	expect(await page.evaluate(() => fetch('/_app/version.json').then(() => 'reached', () => 'failed'))).toBe('failed');
	await expect(page.getByRole('button', { name: 'Start camera' })).toBeVisible();
	await landmarksFlow(page);
	await expect(page.getByTestId('people')).toHaveText('1');
	// The model and the wasm came from the cache (the pose worker is controlled like its page).
	const loaded = mediapipe.map((m) => m.url);
	expect(loaded).toEqual(expect.arrayContaining(['/mediapipe/models/pose_landmarker_lite.task', '/mediapipe/wasm/vision_wasm_module_internal.wasm']));
	expect(mediapipe.every((m) => m.fromServiceWorker && m.status === 200)).toBe(true);
	await page.screenshot({ path: testInfo.outputPath('offline-session.png') });

	// The full model, stored while online, works offline too.
	await page.getByLabel('Pose model').selectOption('full');
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
	await expect.poll(() => page.evaluate(() => (window as unknown as Hook).backcheck.session.info?.model)).toBe('full');
	await expect.poll(() => page.evaluate(() => (window as unknown as Hook).backcheck.session.frame?.people.length ?? 0)).toBe(1);
	await page.getByRole('button', { name: STOP }).click();
});

test('on a return visit the pose model loads while the page is shown, and Start uses that one', async ({ app: { page, context } }) => {
	// A first visit (no service worker in control yet) loads nothing before the person asks for the camera.
	const firstVisit = watchMediapipe(context);
	await installAndControl(page);
	expect(firstVisit.filter((m) => m.url.endsWith('.task') || m.url.endsWith('.wasm'))).toEqual([]);

	// The reload is a return visit: the model is fetched (from the cache) and built with nobody pressing Start.
	const mediapipe = watchMediapipe(context);
	await page.reload();
	await expect.poll(() => mediapipe.map((m) => m.url)).toEqual(expect.arrayContaining(['/mediapipe/models/pose_landmarker_lite.task', '/mediapipe/wasm/vision_wasm_module_internal.wasm']));
	expect(mediapipe.every((m) => m.fromServiceWorker)).toBe(true);
	expect(page.workers()).toHaveLength(1);
	await landmarksFlow(page);
	// Start used the worker and model already there: no second worker, the model and wasm fetched once (the
	// worker's HEAD checks that the files are there aside).
	expect(page.workers()).toHaveLength(1);
	expect(mediapipe.filter((m) => m.method === 'GET' && (m.url.endsWith('.task') || m.url.endsWith('.wasm'))).map((m) => m.url).sort()).toEqual(['/mediapipe/models/pose_landmarker_lite.task', '/mediapipe/wasm/vision_wasm_module_internal.wasm']);
	await page.getByRole('button', { name: STOP }).click();
});

test('the manifest is valid, the app is installable and its icons load', async ({ app: { page, context } }) => {
	await installAndControl(page);
	const cdp = await context.newCDPSession(page);
	const manifest = await cdp.send('Page.getAppManifest');
	expect(manifest.errors).toEqual([]);
	expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
	const data = JSON.parse(manifest.data ?? '{}') as {
		name: string;
		short_name: string;
		start_url: string;
		display: string;
		theme_color: string;
		background_color: string;
		icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
	};
	expect(data).toMatchObject({ name: 'Backcheck', short_name: 'Backcheck', display: 'standalone', start_url: './', theme_color: '#14532d', background_color: '#f7f7f4' });
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	// A Playwright context is an off-the-record profile, where Chromium never offers installation; nothing else may stand in the way.
	expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);

	const pngs = data.icons.filter((i) => i.type === 'image/png');
	expect(pngs.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '192x192 maskable', '512x512 any', '512x512 maskable']);
	// Offline, so the icons come from the service worker's cache.
	await context.setOffline(true);
	for (const icon of data.icons) {
		const size = await page.evaluate(async (src) => {
			const blob = await (await fetch(new URL(src, new URL('/manifest.webmanifest', location.href)))).blob();
			const image = new Image();
			image.src = URL.createObjectURL(blob);
			await image.decode();
			return `${image.naturalWidth}x${image.naturalHeight}`;
		}, icon.src);
		if (icon.sizes !== 'any') expect(size, icon.src).toBe(icon.sizes);
	}
});

test('an update waits while a session runs and takes over only when the person reloads', async ({ app: { page, context } }, testInfo) => {
	await installAndControl(page);
	await landmarksFlow(page);
	// An earlier version's caches: the update keeps its unchanged MediaPipe files (a 304 each) and then removes them.
	await page.evaluate(async () => {
		const keys = await caches.keys();
		const current = keys.find((k) => k.startsWith('backcheck-mediapipe-'))!;
		const old = await caches.open('backcheck-mediapipe-old');
		const from = await caches.open(current);
		for (const request of await from.keys()) await old.put(request, (await from.match(request))!);
		await caches.delete(current);
		await (await caches.open('backcheck-shell-old')).put('/stale.txt', new Response('stale'));
	});
	const revalidated: Array<{ path: string; status: number }> = [];
	context.on('response', (r) => {
		if (r.request().serviceWorker() && r.url().includes('/mediapipe/')) revalidated.push({ path: new URL(r.url()).pathname, status: r.status() });
	});

	// A new version. The test server cannot change the worker's bytes, so the same script comes under a new URL,
	// which the browser installs as an update all the same.
	await page.evaluate(() => navigator.serviceWorker.register('/service-worker.js?next'));
	const banner = page.getByTestId('update-banner');
	await expect(banner).toBeVisible();
	await expect(banner).toContainText('Update available');
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();

	// The running session is untouched: same controller, frames keep coming.
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/service-worker\.js$/);
	const t0 = await page.evaluate(() => (window as unknown as Hook).backcheck.session.frame?.t ?? -1);
	await expect.poll(() => page.evaluate(() => (window as unknown as Hook).backcheck.session.frame?.t ?? -1)).toBeGreaterThan(t0);
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
	expect(revalidated.filter((r) => r.status === 304).map((r) => r.path).sort()).toEqual([
		'/mediapipe/models/pose_landmarker_lite.task',
		'/mediapipe/wasm/vision_wasm_module_internal.js',
		'/mediapipe/wasm/vision_wasm_module_internal.wasm'
	]);
	expect(revalidated.filter((r) => r.status === 200)).toEqual([]);
	await banner.scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('update-banner.png') });

	await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/service-worker\.js\?next$/);
	const keys = await page.evaluate(() => caches.keys());
	expect(keys.filter((k) => k.endsWith('-old'))).toEqual([]);
	expect(keys.filter((k) => k.startsWith('backcheck-mediapipe-'))).toHaveLength(1);
});

test('the install offer appears when the browser offers installation, and "Not now" puts it away', async ({ app: { page } }, testInfo) => {
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Start camera' })).toBeVisible();
	// Chromium never offers installation in an off-the-record test profile: send the event it would send.
	await page.evaluate(() => {
		const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
			prompt: async () => undefined,
			userChoice: Promise.resolve({ outcome: 'accepted' as const })
		});
		window.dispatchEvent(offer);
	});
	const banner = page.getByTestId('install-banner');
	await expect(banner).toBeVisible();
	await expect(banner).toContainText('Install Backcheck');
	await page.screenshot({ path: testInfo.outputPath('install-banner.png') });
	await page.getByRole('button', { name: 'Not now' }).click();
	await expect(banner).toBeHidden();
	await page.reload();
	await page.evaluate(() => window.dispatchEvent(Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt: async () => undefined, userChoice: Promise.resolve({ outcome: 'dismissed' }) })));
	await page.waitForTimeout(300);
	await expect(banner).toBeHidden();
});
