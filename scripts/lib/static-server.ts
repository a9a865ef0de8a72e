/**
 * A tiny static server on 127.0.0.1 for the built app, with the SPA fallback, plus read-only routes for the
 * files the CLI was given (`/__input/<n>`). Nothing listens beyond loopback.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

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

export interface StaticServer {
	origin: string;
	/** Serves a local file read-only and returns its URL. */
	addInput(path: string): string;
	close(): Promise<void>;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
	const inputs: string[] = [];
	const base = resolve(root);
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		let file: string | null = null;
		const input = /^\/__input\/(\d+)$/.exec(url.pathname);
		if (input) {
			file = inputs[Number(input[1])] ?? null;
		} else {
			const candidate = normalize(join(base, decodeURIComponent(url.pathname)));
			if (!candidate.startsWith(base)) {
				res.writeHead(403).end();
				return;
			}
			file = existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
			if (!file && !extname(url.pathname)) file = join(base, 'index.html');
		}
		if (!file || !existsSync(file)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		const size = statSync(file).size;
		res.writeHead(200, {
			'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
			'content-length': size,
			'cache-control': 'no-store'
		});
		createReadStream(file).pipe(res);
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
