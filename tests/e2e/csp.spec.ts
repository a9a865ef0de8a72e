/**
 * The Content-Security-Policy is the second wall behind the worker's own fetch guard: nothing the page or a worker
 * does can reach another origin. The page gets the policy from its <meta> and the header; the pose worker, loaded
 * from a URL, only from its own response header. "Another origin" here is a real server on another port that
 * counts what reaches it, so a request blocked for any other reason (no network) could not pass for a CSP block.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Worker } from '@playwright/test';
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed } from './fixtures/media';
import { expect, test } from './fixtures/test';

test.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('person.jpg')) });

/** The camera's stop button (not the safety "pain - stop" control). */
const STOP = /^stop( camera)?$/i;

/** The policy, directive by directive; script-src also carries the hash of SvelteKit's inline bootstrap script. */
const EXPECTED: Record<string, string[]> = {
	'default-src': ["'self'"],
	'connect-src': ["'self'"],
	'img-src': ["'self'", 'blob:', 'data:'],
	'media-src': ["'self'", 'blob:', 'mediastream:'],
	'worker-src': ["'self'"],
	'script-src': ["'self'", "'wasm-unsafe-eval'"],
	'style-src': ["'self'", "'unsafe-inline'"],
	'object-src': ["'none'"],
	'base-uri': ["'self'"],
	'form-action': ["'self'"]
};

function directives(policy: string): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const part of policy.split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) out[name] = values;
	}
	return out;
}

type Violation = { directive: string; blocked: string };
type Probe = { __csp: Violation[] };

/** Records every securitypolicyviolation of the page (from its very first script). */
async function watchViolations(page: Page): Promise<void> {
	await page.addInitScript(() => {
		(window as unknown as Probe).__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => (window as unknown as Probe).__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
	});
}

/** A server on another origin that counts every request reaching it. */
async function decoy(): Promise<{ origin: string; hits: string[]; close: () => Promise<void> }> {
	const hits: string[] = [];
	const server: Server = createServer((req, res) => {
		hits.push(req.url ?? '');
		res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/javascript' }).end('export const leaked = true;');
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	// Same host, another port: another origin that the browser can really reach.
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		hits,
		close: () => {
			server.closeAllConnections();
			return new Promise((ok) => server.close(() => ok()));
		}
	};
}

/** Tries to reach `target` from inside a worker by every way a worker has that the fetch guard does not cover. */
async function leakFromWorker(worker: Worker, target: string): Promise<{ violations: Violation[]; xhr: string; imported: string }> {
	return worker.evaluate(async (url) => {
		const violations: { directive: string; blocked: string }[] = [];
		self.addEventListener('securitypolicyviolation', (e) => violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
		const xhr = await new Promise<string>((done) => {
			const request = new XMLHttpRequest();
			request.onload = () => done(`loaded ${request.status}`);
			request.onerror = () => done('error');
			try {
				request.open('GET', `${url}/xhr-from-worker`);
				request.send();
			} catch (e) {
				done(`threw ${e}`);
			}
		});
		const imported = await import(/* @vite-ignore */ `${url}/import-from-worker.js`).then(
			() => 'loaded',
			(e) => `failed ${e}`
		);
		await new Promise((r) => setTimeout(r, 300));
		return { violations, xhr, imported };
	}, target);
}

async function poseWorker(page: Page): Promise<Worker> {
	await expect.poll(() => page.workers().some((w) => w.url().includes('pose.worker'))).toBe(true);
	return page.workers().find((w) => w.url().includes('pose.worker'))!;
}

test('the policy is in the page <meta> and, with frame-ancestors, in the header of every response', async ({ app: { page } }) => {
	const response = (await page.goto('/'))!;
	const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(meta).not.toBeNull();
	const parsed = directives(meta!);
	const hashes = parsed['script-src'].filter((v) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(v));
	expect(hashes).toHaveLength(1);
	expect({ ...parsed, 'script-src': parsed['script-src'].filter((v) => !hashes.includes(v)) }).toEqual(EXPECTED);

	const header = `${meta}; frame-ancestors 'none'`;
	expect(response.headers()['content-security-policy']).toBe(header);
	// The pose worker's script takes its policy from this header alone; so would anything else loaded by URL.
	const poseWorkerPath = await page.evaluate(async () => /\/_app\/immutable\/workers\/pose\.worker-[\w-]+\.js/.exec(await (await fetch('/service-worker.js')).text())?.[0] ?? null);
	expect(poseWorkerPath).not.toBeNull();
	const paths = [poseWorkerPath!, '/history', '/service-worker.js', '/manifest.webmanifest', '/mediapipe/wasm/vision_wasm_module_internal.js', '/mediapipe/models/pose_landmarker_lite.task', '/no-such-file.js'];
	for (const path of paths) {
		const res = await page.request.fetch(path, { method: 'HEAD' });
		expect(res.headers()['content-security-policy'], path).toBe(header);
		expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
	}
});

test('requests to another origin are blocked by the policy, from the page and from the pose worker', async ({ app: { page } }) => {
	const other = await decoy();
	try {
		await watchViolations(page);
		await page.goto('/');
		// From the page: fetch, an image, a beacon, a script module.
		const outcome = await page.evaluate(async (url) => {
			const fetched = await fetch(`${url}/fetch-from-page`).then(
				() => 'loaded',
				() => 'failed'
			);
			const img = await new Promise<string>((done) => {
				const el = new Image();
				el.onload = () => done('loaded');
				el.onerror = () => done('failed');
				el.src = `${url}/img-from-page.png`;
			});
			const beacon = navigator.sendBeacon(`${url}/beacon-from-page`, 'x');
			const imported = await import(/* @vite-ignore */ `${url}/import-from-page.js`).then(
				() => 'loaded',
				() => 'failed'
			);
			// A worker made from a string (a blob: URL) is refused too: workers come from the app's own files only.
			const blobWorker = await new Promise<string>((done) => {
				try {
					const w = new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' })));
					w.onmessage = () => done('ran');
					w.onerror = () => done('failed');
				} catch (e) {
					done(`threw ${(e as Error).name}`);
				}
			});
			await new Promise((r) => setTimeout(r, 300));
			return { fetched, img, beacon, imported, blobWorker };
		}, other.origin);
		// (sendBeacon says true: it only queues; the policy refuses it when it is sent, and the decoy sees nothing.)
		expect(outcome).toMatchObject({ fetched: 'failed', img: 'failed', imported: 'failed' });
		expect(outcome.blobWorker).not.toBe('ran');
		const pageViolations = await page.evaluate(() => (window as unknown as Probe).__csp);
		const directivesHit = new Set(pageViolations.filter((v) => v.blocked.startsWith(other.origin)).map((v) => v.directive));
		expect([...directivesHit].sort()).toEqual(['connect-src', 'img-src', 'script-src-elem'].sort());
		expect(pageViolations.some((v) => v.directive === 'worker-src' && v.blocked === 'blob')).toBe(true);

		// From the pose worker, by ways its fetch guard does not cover: the worker's own header policy stops them.
		await page.getByRole('button', { name: 'Start camera' }).click();
		await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
		const fromWorker = await leakFromWorker(await poseWorker(page), other.origin);
		expect(fromWorker.xhr).not.toMatch(/^loaded/);
		expect(fromWorker.imported).toMatch(/^failed/);
		expect(fromWorker.violations.map((v) => v.directive).sort()).toEqual(['connect-src', 'script-src-elem']);
		expect(fromWorker.violations.every((v) => v.blocked.startsWith(other.origin))).toBe(true);

		expect(other.hits).toEqual([]);
	} finally {
		await other.close();
	}
});

test.describe('negative control', () => {
	// Chromium's Local Network Access checks treat a response fulfilled by the test (below) as public and would
	// refuse its requests to 127.0.0.1 on their own; turn them off so only the CSP is being tested.
	test.use({ launchArgs: [...fakeCameraArgs(fakeCameraFeed('person.jpg')), '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'] });

	test('a worker served without the header is not covered by the page policy', async ({ app: { page, context } }) => {
		const other = await decoy();
		try {
			await context.route('**/_app/immutable/workers/pose.worker-*.js', async (route) => {
				const response = await route.fetch();
				const headers = { ...response.headers() };
				delete headers['content-security-policy'];
				await route.fulfill({ response, headers });
			});
			await page.goto('/');
			await page.getByRole('button', { name: 'Start camera' }).click();
			await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
			const fromWorker = await leakFromWorker(await poseWorker(page), other.origin);
			// Without its header the worker reaches the other origin although the page's <meta> forbids it: that is why
			// the server sends the policy on every response.
			expect(fromWorker.xhr).toBe('loaded 200');
			expect(other.hits).toContain('/xhr-from-worker');
		} finally {
			await other.close();
		}
	});
});

test('the app runs a whole camera session, a model switch and a second visit under the service worker with no violation', async ({ app: { page } }) => {
	const reports: string[] = [];
	const onConsole = (text: string) => {
		if (/content security policy|refused to/i.test(text)) reports.push(text);
	};
	page.on('console', (m) => onConsole(m.text()));
	page.on('worker', (w) => w.on('console', (m) => onConsole(m.text())));
	await watchViolations(page);

	await page.goto('/');
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
	await expect(page.getByTestId('people')).toHaveText('1');
	// Switching models closes a landmarker: that is when MediaPipe tries to post its usage log.
	await page.getByLabel('Pose model').selectOption('full');
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
	await page.waitForTimeout(2000);
	await page.getByRole('button', { name: STOP }).click();
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'idle');
	expect(await page.evaluate(() => (window as unknown as Probe).__csp)).toEqual([]);

	// Second visit: the service worker serves the app.
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.reload();
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await page.getByRole('button', { name: 'Start camera' }).click();
	await expect(page.getByTestId('people')).toHaveText('1');
	await page.getByRole('button', { name: STOP }).click();
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'idle');

	expect(await page.evaluate(() => (window as unknown as Probe).__csp)).toEqual([]);
	expect(reports).toEqual([]);
});
