import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Client-only SPA: every route falls back to index.html, nothing is rendered on a server.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
		// Nothing leaves the device: no request to another origin, from the page or its workers. SvelteKit puts
		// this in a <meta> tag with the hash of its inline bootstrap script; scripts/lib/static-server.ts sends the
		// same policy as a header (workers take theirs from their own response) plus frame-ancestors.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'blob:', 'data:'],
				'media-src': ['self', 'blob:', 'mediastream:'],
				// The pose worker is a same-origin module; MediaPipe spawns no blob: workers (checked by running it).
				'worker-src': ['self'],
				// MediaPipe compiles its wasm in the pose worker (instantiateStreaming needs 'wasm-unsafe-eval'); its
				// loader comes in by import() from /mediapipe/wasm ('self').
				'script-src': ['self', 'wasm-unsafe-eval'],
				// Svelte sets style attributes.
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		// src/lib/pwa registers the service worker itself, and not from the tool pages (/harness, /bench).
		serviceWorker: { register: false }
	}
};

export default config;
