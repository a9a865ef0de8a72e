import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControl, metaCsp, startStaticServer, type StaticServer } from './static-server';

const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";
const HTML = `<!doctype html><head><meta http-equiv="content-security-policy" content="${POLICY.replaceAll("'", '&#39;')}"></head>`;

describe('static server headers', () => {
	let server: StaticServer;
	beforeAll(async () => {
		const root = mkdtempSync(join(tmpdir(), 'backcheck-static-'));
		writeFileSync(join(root, 'index.html'), HTML);
		mkdirSync(join(root, '_app/immutable'), { recursive: true });
		writeFileSync(join(root, '_app/immutable/a.js'), 'export {}');
		writeFileSync(join(root, 'model.task'), 'bytes');
		server = await startStaticServer(root);
	});
	afterAll(() => server.close());

	it('reads the policy from the page meta tag', () => {
		expect(metaCsp(HTML)).toBe(POLICY);
		expect(metaCsp('<html></html>')).toBeNull();
	});

	it('sends the page policy plus frame-ancestors on every response, the 404 too', async () => {
		for (const path of ['/', '/history', '/_app/immutable/a.js', '/nope.js']) {
			const res = await fetch(server.origin + path);
			expect(res.headers.get('content-security-policy')).toBe(`${POLICY}; frame-ancestors 'none'`);
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBe('no-referrer');
		}
	});

	it('caches hashed build files for good and revalidates the rest', async () => {
		expect(cacheControl('/_app/immutable/a.js')).toBe('public, max-age=31536000, immutable');
		expect(cacheControl('/service-worker.js')).toBe('no-cache');
		expect(cacheControl('/__input/0')).toBe('no-store');
		const first = await fetch(server.origin + '/model.task');
		expect(first.headers.get('cache-control')).toBe('no-cache');
		const etag = first.headers.get('etag')!;
		expect(etag).toBeTruthy();
		const again = await fetch(server.origin + '/model.task', { headers: { 'if-none-match': etag } });
		expect(again.status).toBe(304);
		expect(again.headers.get('content-security-policy')).toContain('frame-ancestors');
		const since = await fetch(server.origin + '/model.task', { headers: { 'if-modified-since': first.headers.get('last-modified')! } });
		expect(since.status).toBe(304);
	});
});

describe('static server byte ranges (what a browser needs to seek in a video)', () => {
	let server: StaticServer;
	let input: string;
	const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
	beforeAll(async () => {
		const root = mkdtempSync(join(tmpdir(), 'backcheck-range-'));
		writeFileSync(join(root, 'index.html'), HTML);
		writeFileSync(join(root, 'clip.mp4'), bytes);
		server = await startStaticServer(root);
		input = server.addInput(join(root, 'clip.mp4'));
	});
	afterAll(() => server.close());

	it('answers a range with 206 and exactly those bytes, for app files and for inputs', async () => {
		for (const url of [`${server.origin}/clip.mp4`, input]) {
			const res = await fetch(url, { headers: { range: 'bytes=100-199' } });
			expect(res.status).toBe(206);
			expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
			expect(res.headers.get('content-length')).toBe('100');
			expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(100, 200));
			const tail = await fetch(url, { headers: { range: 'bytes=-10' } });
			expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(990));
		}
	});

	it('says it accepts ranges, answers 416 past the end, and sends everything when If-Range is stale', async () => {
		const whole = await fetch(input);
		expect(whole.status).toBe(200);
		expect(whole.headers.get('accept-ranges')).toBe('bytes');
		expect((await whole.arrayBuffer()).byteLength).toBe(1000);
		const past = await fetch(input, { headers: { range: 'bytes=5000-' } });
		expect(past.status).toBe(416);
		expect(past.headers.get('content-range')).toBe('bytes */1000');
		const stale = await fetch(input, { headers: { range: 'bytes=0-9', 'if-range': 'W/"other"' } });
		expect(stale.status).toBe(200);
		const fresh = await fetch(input, { headers: { range: 'bytes=0-9', 'if-range': whole.headers.get('etag')! } });
		expect(fresh.status).toBe(206);
	});
});
