/**
 * A tiny static server on 127.0.0.1 for the built app, with the SPA fallback, plus read-only routes for the
 * files the CLI was given (`/__input/<n>`). Nothing listens beyond loopback.
 *
 * Every response carries the app's Content-Security-Policy: the one SvelteKit writes into index.html's <meta>
 * (kit.csp in svelte.config.js, with the hash of its inline script), plus what only a header can say
 * (frame-ancestors). The header matters beyond the page: a worker loaded from a URL, like the pose worker, takes
 * its policy from its own response, not from the page. Caching: hashed build files are immutable; everything
 * else is revalidated (ETag / Last-Modified, answered with 304), which also lets the service worker keep
 * unchanged MediaPipe files across an update. Byte ranges are answered (206, with If-Range), as any media server
 * does: a browser seeks in a video by asking for ranges, and without them every seek shows the first frame again.
 */
import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { parseByteRange } from './byte-range';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.task': 'application/octet-stream',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.gif': 'image/gif',
	'.bmp': 'image/bmp',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.mp4': 'video/mp4',
	'.webm': 'video/webm',
	'.mov': 'video/quicktime',
	'.mkv': 'video/x-matroska',
	'.ogv': 'video/ogg'
};

/** Headers that hold for every response (with the CSP): no sniffing, no referrer, no framing, camera only here. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()'
};

/** Directives a <meta> policy cannot carry; the header adds them. */
const HEADER_ONLY_CSP = "frame-ancestors 'none'";

/** The policy in a built page's <meta http-equiv="content-security-policy">, or null. */
export function metaCsp(html: string): string | null {
	const tag = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
	return tag ? tag[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&') : null;
}

/** The header policy: the page's <meta> one plus the header-only directives (re-read when index.html changes). */
function cspReader(indexHtml: string): () => string {
	let seen = '';
	let policy = HEADER_ONLY_CSP;
	return () => {
		const stamp = existsSync(indexHtml) ? String(statSync(indexHtml).mtimeMs) : 'none';
		if (stamp !== seen) {
			seen = stamp;
			const meta = stamp === 'none' ? null : metaCsp(readFileSync(indexHtml, 'utf8'));
			policy = meta ? `${meta.replace(/;\s*$/, '')}; ${HEADER_ONLY_CSP}` : HEADER_ONLY_CSP;
		}
		return policy;
	};
}

/** How long a browser may keep a file: hashed build output forever, the service worker and the rest revalidated. */
export function cacheControl(pathname: string): string {
	if (pathname.startsWith('/__input/')) return 'no-store';
	if (pathname.startsWith('/_app/immutable/')) return 'public, max-age=31536000, immutable';
	return 'no-cache';
}

function etagOf(stat: Stats): string {
	return `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
}

export interface StaticServer {
	origin: string;
	/** Serves a local file read-only and returns its URL. */
	addInput(path: string): string;
	close(): Promise<void>;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
	const inputs: string[] = [];
	const base = resolve(root);
	const csp = cspReader(join(base, 'index.html'));
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		res.setHeader('content-security-policy', csp());
		let file: string | null = null;
		const input = /^\/__input\/(\d+)$/.exec(url.pathname);
		if (input) {
			file = inputs[Number(input[1])] ?? null;
		} else {
			const candidate = normalize(join(base, decodeURIComponent(url.pathname)));
			if (!candidate.startsWith(base)) {
				res.writeHead(403, { 'cache-control': 'no-store' }).end();
				return;
			}
			file = existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
			if (!file && !extname(url.pathname)) file = join(base, 'index.html');
		}
		if (!file || !existsSync(file)) {
			res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('not found');
			return;
		}
		const stat = statSync(file);
		const etag = etagOf(stat);
		const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000).toUTCString();
		res.setHeader('cache-control', cacheControl(url.pathname));
		res.setHeader('accept-ranges', 'bytes');
		res.setHeader('etag', etag);
		res.setHeader('last-modified', lastModified);
		if (!input) {
			const match = req.headers['if-none-match'];
			const since = req.headers['if-modified-since'];
			const unchanged = match ? match.split(',').some((t) => t.trim() === etag) : since ? Date.parse(since) >= Date.parse(lastModified) : false;
			if (unchanged) {
				res.writeHead(304).end();
				return;
			}
		}
		// If-Range: the range holds only for the version the client already has; otherwise send it all.
		const ifRange = req.headers['if-range'];
		const sameVersion = !ifRange || ifRange === etag || ifRange === lastModified;
		const range = sameVersion ? parseByteRange(req.headers.range, stat.size) : ({ kind: 'whole' } as const);
		const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
		if (range.kind === 'unsatisfiable') {
			res.writeHead(416, { 'content-range': `bytes */${stat.size}`, 'cache-control': 'no-store' }).end();
			return;
		}
		if (range.kind === 'part') {
			res.writeHead(206, { 'content-type': type, 'content-length': range.end - range.start + 1, 'content-range': `bytes ${range.start}-${range.end}/${stat.size}` });
			if (req.method === 'HEAD') res.end();
			else createReadStream(file, { start: range.start, end: range.end }).pipe(res);
			return;
		}
		res.writeHead(200, { 'content-type': type, 'content-length': stat.size });
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(port, '127.0.0.1', ok);
	});
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		addInput(path) {
			inputs.push(resolve(path));
			return `${origin}/__input/${inputs.length - 1}`;
		},
		close: () => new Promise((ok) => server.close(() => ok()))
	};
}
