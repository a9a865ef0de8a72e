import { describe, expect, it, vi } from 'vitest';
import { guardFetch } from './origin-guard';

describe('guardFetch', () => {
	const scope = () => {
		const real = vi.fn(async () => new Response('ok'));
		const s = { fetch: real as unknown as typeof fetch, location: { href: 'http://127.0.0.1:4173/app/', origin: 'http://127.0.0.1:4173' } };
		guardFetch(s);
		return { s, real };
	};

	it('lets requests to our own origin and relative URLs through', async () => {
		const { s, real } = scope();
		await s.fetch('/mediapipe/models/pose_landmarker_lite.task');
		await s.fetch('http://127.0.0.1:4173/x');
		await s.fetch(new URL('wasm/a.wasm', 'http://127.0.0.1:4173/mediapipe/'));
		expect(real).toHaveBeenCalledTimes(3);
	});

	it('refuses every other origin without calling the network', async () => {
		const { s, real } = scope();
		await expect(s.fetch('https://odml.pa.googleapis.com/v1/log', { method: 'POST' })).rejects.toThrow(/never sends data/);
		await expect(s.fetch(new Request('https://cdn.example.org/model.task'))).rejects.toThrow(TypeError);
		await expect(s.fetch('http://127.0.0.1:9999/other-port')).rejects.toThrow(/blocked/);
		expect(real).not.toHaveBeenCalled();
	});
});
