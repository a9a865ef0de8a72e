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
