import { describe, expect, it } from 'vitest';
import { cachePlan, routeFor, staleCaches } from './cache-plan';

const build = ['/_app/immutable/entry/start.abc.js', '/_app/immutable/workers/pose.worker-x.js'];
const files = [
	'/favicon.svg',
	'/manifest.webmanifest',
	'/icons/icon-192.png',
	'/mediapipe/models/.build-stamp.json',
	'/mediapipe/models/pose_landmarker_heavy.task',
	'/mediapipe/models/pose_landmarker_lite.task',
	'/mediapipe/wasm/vision_wasm_internal.wasm',
	'/mediapipe/wasm/vision_wasm_module_internal.js',
	'/mediapipe/wasm/vision_wasm_module_internal.wasm'
];

describe('cachePlan', () => {
	const plan = cachePlan('', build, files, '123');

	it('keeps the page, the build and static files in the shell, MediaPipe apart', () => {
		expect(plan.shell).toEqual(['/', ...build, '/favicon.svg', '/manifest.webmanifest', '/icons/icon-192.png']);
		expect(plan.mediapipe).toEqual([
			'/mediapipe/wasm/vision_wasm_module_internal.js',
			'/mediapipe/wasm/vision_wasm_module_internal.wasm',
			'/mediapipe/models/pose_landmarker_lite.task'
		]);
		expect(plan.shellCache).toBe('backcheck-shell-123');
		expect(plan.mediapipeCache).toBe('backcheck-mediapipe-123');
	});

	it('follows a base path', () => {
		const sub = cachePlan('/app', ['/app/_app/immutable/a.js'], ['/app/favicon.svg', '/app/mediapipe/models/pose_landmarker_lite.task'], '1');
		expect(sub.shell).toEqual(['/app/', '/app/_app/immutable/a.js', '/app/favicon.svg']);
		expect(sub.mediapipe[2]).toBe('/app/mediapipe/models/pose_landmarker_lite.task');
		expect(routeFor(sub, new Set(sub.shell), '/app/history', true, false)).toBe('page');
		expect(routeFor(sub, new Set(sub.shell), '/elsewhere', true, false)).toBe('network');
	});

	it('removes only our caches of other versions', () => {
		expect(staleCaches(['backcheck-shell-123', 'backcheck-mediapipe-123', 'backcheck-shell-9', 'backcheck-mediapipe-9', 'someone-else'], plan)).toEqual([
			'backcheck-shell-9',
			'backcheck-mediapipe-9'
		]);
	});

	it('routes requests', () => {
		const shell = new Set(plan.shell);
		expect(routeFor(plan, shell, '/', true, false)).toBe('shell');
		expect(routeFor(plan, shell, '/_app/immutable/entry/start.abc.js', false, false)).toBe('shell');
		expect(routeFor(plan, shell, '/history', true, false)).toBe('page');
		expect(routeFor(plan, shell, '/history', false, false)).toBe('network');
		expect(routeFor(plan, shell, '/mediapipe/models/pose_landmarker_heavy.task', false, false)).toBe('mediapipe');
		expect(routeFor(plan, shell, '/mediapipe/models/pose_landmarker_heavy.task', false, true)).toBe('network');
		expect(routeFor(plan, shell, '/__input/0', false, false)).toBe('network');
		expect(routeFor(plan, shell, '/service-worker.js', true, false)).toBe('network');
		expect(routeFor(plan, shell, '/_app/version.json', false, false)).toBe('network');
	});
});
