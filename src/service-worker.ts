/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Backcheck offline: after the first visit the app, MediaPipe's wasm and the lite model come from here, so the
 * app opens and watches without a network. The plan (what is stored where) is src/lib/pwa/cache-plan.ts.
 *
 * Updates never break a running session: a new version installs beside the running one and waits; the page shows
 * "Update available" and only the person's "Reload" (a SKIP_WAITING message) lets it take over.
 */
import { base, build, files, version } from '$service-worker';
import { cachePlan, isMediapipeCache, routeFor, staleCaches } from '$lib/pwa/cache-plan';

const sw = self as unknown as ServiceWorkerGlobalScope;
const plan = cachePlan(base, build, files, version);
const shellSet = new Set(plan.shell);
const immutable = new Set(build);

sw.addEventListener('install', (event) => {
	event.waitUntil(install());
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(caches.keys().then((keys) => Promise.all(staleCaches(keys, plan).map((k) => caches.delete(k)))));
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	// HEAD too: the pose worker checks that MediaPipe's files are there before loading them.
	if (request.method !== 'GET' && request.method !== 'HEAD') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	const route = routeFor(plan, shellSet, url.pathname, request.mode === 'navigate', request.headers.has('range'));
	if (route === 'shell') event.respondWith(fromCache(plan.shellCache, url.pathname, request));
	else if (route === 'page') event.respondWith(fromCache(plan.shellCache, plan.page, request));
	else if (route === 'mediapipe') event.respondWith(mediapipe(event, url.pathname));
});

async function install(): Promise<void> {
	const shell = await caches.open(plan.shellCache);
	// Hashed build files may come from the HTTP cache; everything else is revalidated.
	await shell.addAll(plan.shell.map((path) => new Request(path, { cache: immutable.has(path) ? 'default' : 'no-cache' })));
	const mediapipeCache = await caches.open(plan.mediapipeCache);
	const previous = await previousMediapipe();
	const required = plan.mediapipe.map((path) => keepOrFetch(mediapipeCache, path, previous.get(path), true));
	// Full and heavy models an older version stored when they were used: kept if unchanged, else fetched again
	// when next used.
	const optional = [...previous].filter(([path]) => !plan.mediapipe.includes(path)).map(([path, old]) => keepOrFetch(mediapipeCache, path, old, false));
	await Promise.all([...required, ...optional]);
}

/** The newest entry for each path in older versions' MediaPipe caches. */
async function previousMediapipe(): Promise<Map<string, Response>> {
	const found = new Map<string, Response>();
	for (const key of (await caches.keys()).filter((k) => isMediapipeCache(k) && k !== plan.mediapipeCache)) {
		const cache = await caches.open(key);
		for (const request of await cache.keys()) {
			const path = new URL(request.url).pathname;
			const response = await cache.match(request);
			if (response && !found.has(path)) found.set(path, response);
		}
	}
	return found;
}

/** Stores `path`: the older copy when the server says it has not changed (304), else a fresh download. */
async function keepOrFetch(cache: Cache, path: string, old: Response | undefined, required: boolean): Promise<void> {
	const headers = new Headers();
	const etag = old?.headers.get('etag');
	const modified = old?.headers.get('last-modified');
	if (etag) headers.set('if-none-match', etag);
	else if (modified) headers.set('if-modified-since', modified);
	try {
		if (old && (etag || modified)) {
			const check = await fetch(path, { headers, cache: 'no-store' });
			if (check.status === 304) return cache.put(path, old);
			if (check.ok) return cache.put(path, check);
		}
		if (!required) return;
		const response = await fetch(path, { cache: 'no-cache' });
		if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
		await cache.put(path, response);
	} catch (e) {
		// A required file that cannot be stored fails the install (the browser tries again on the next visit).
		if (required) throw e;
	}
}

async function fromCache(cacheName: string, key: string, request: Request): Promise<Response> {
	const cached = await (await caches.open(cacheName)).match(key);
	return cached ? answer(request, cached) : fetch(request);
}

/** The cached response, or for a HEAD request its status and headers alone. */
function answer(request: Request, cached: Response): Response {
	if (request.method !== 'HEAD') return cached;
	return new Response(null, { status: cached.status, statusText: cached.statusText, headers: cached.headers });
}

/** MediaPipe's files, cache-first; a file not stored yet (the full or heavy model) is stored on first use. */
async function mediapipe(event: FetchEvent, path: string): Promise<Response> {
	const cache = await caches.open(plan.mediapipeCache);
	const cached = await cache.match(path);
	if (cached) return answer(event.request, cached);
	const response = await fetch(event.request);
	if (event.request.method === 'GET' && response.status === 200 && response.type === 'basic') event.waitUntil(cache.put(path, response.clone()));
	return response;
}
