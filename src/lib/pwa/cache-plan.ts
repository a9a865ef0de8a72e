/**
 * What the service worker keeps, as pure data so it is tested in Node. Two caches per app version:
 * - the app shell: SvelteKit's `build` (hashed, immutable) and `files` (static/) minus MediaPipe, plus the SPA page;
 * - MediaPipe: the wasm the pose worker loads and the lite model, stored on install; the full and heavy models
 *   when first used (cache-first). An update keeps unchanged MediaPipe files by revalidating them (ETag /
 *   Last-Modified) instead of downloading them again.
 * Caches of other versions are removed when a new version activates.
 */

export const CACHE_PREFIX = 'backcheck-';

/**
 * The files the pose worker needs to run the default (lite) model offline. The worker loads MediaPipe's module
 * build (`FilesetResolver.forVisionTasks(base, true)`, a module worker has no importScripts); the classic and
 * no-SIMD builds in the same folder are used only by the main-thread benchmark and are cached when first used.
 */
export const MEDIAPIPE_PRECACHE = [
	'wasm/vision_wasm_module_internal.js',
	'wasm/vision_wasm_module_internal.wasm',
	'models/pose_landmarker_lite.task'
] as const;

export interface CachePlan {
	shellCache: string;
	mediapipeCache: string;
	/** The page every in-app navigation gets (the SPA fallback, index.html). */
	page: string;
	/** Pathnames stored on install in the shell cache (the page first). */
	shell: string[];
	/** Pathnames stored on install in the MediaPipe cache. */
	mediapipe: string[];
	/** Where MediaPipe's files live: anything below is cached cache-first at run time. */
	mediapipeDir: string;
}

/** `base` is SvelteKit's base path ('' at the root); `build` and `files` come from `$service-worker`. */
export function cachePlan(base: string, build: readonly string[], files: readonly string[], version: string): CachePlan {
	const mediapipeDir = `${base}/mediapipe/`;
	const page = `${base}/`;
	const hidden = (path: string) => path.split('/').some((part) => part.startsWith('.'));
	const shell = [page, ...build, ...files.filter((f) => !f.startsWith(mediapipeDir) && !hidden(f))];
	return {
		shellCache: `${CACHE_PREFIX}shell-${version}`,
		mediapipeCache: `${CACHE_PREFIX}mediapipe-${version}`,
		page,
		shell: [...new Set(shell)],
		mediapipe: MEDIAPIPE_PRECACHE.map((f) => mediapipeDir + f),
		mediapipeDir
	};
}

/** Our caches that belong to other versions (removed on activate); caches of anything else are left alone. */
export function staleCaches(keys: readonly string[], plan: CachePlan): string[] {
	return keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== plan.shellCache && k !== plan.mediapipeCache);
}

/** An older version's MediaPipe cache, whose entries an update may keep after revalidating them. */
export function isMediapipeCache(key: string): boolean {
	return key.startsWith(`${CACHE_PREFIX}mediapipe-`);
}

export type Route = 'shell' | 'mediapipe' | 'page' | 'network';

/**
 * How the service worker answers a same-origin GET: `shell` and `page` from the shell cache, `mediapipe` cache-first
 * (stored when first fetched), `network` untouched (the CLI's inputs, anything not part of the app).
 */
export function routeFor(plan: CachePlan, shell: ReadonlySet<string>, pathname: string, navigate: boolean, ranged: boolean): Route {
	if (shell.has(pathname)) return 'shell';
	if (pathname.startsWith(plan.mediapipeDir)) return ranged ? 'network' : 'mediapipe';
	// In-app navigations (no file extension, like the static server's SPA fallback) get the app's page.
	const last = pathname.slice(pathname.lastIndexOf('/') + 1);
	if (navigate && pathname.startsWith(plan.page) && !last.includes('.')) return 'page';
	return 'network';
}
