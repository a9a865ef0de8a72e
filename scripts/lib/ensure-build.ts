/**
 * The CLI and the benchmarks run the built app. Rebuild only when the sources changed since the last build, so
 * a second run starts in about a second.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
export const BUILD_DIR = join(ROOT, 'build');
const STAMP = join(BUILD_DIR, '.source-hash');
const LOCK = join(ROOT, '.cache/build.lock');
const INPUTS = ['src', 'svelte.config.js', 'vite.config.ts', 'package-lock.json', 'static'];

function walk(path: string, out: string[]): void {
	if (!existsSync(path)) return;
	const stat = statSync(path);
	if (stat.isFile()) {
		out.push(path);
		return;
	}
	for (const name of readdirSync(path).sort()) walk(join(path, name), out);
}

export function sourceHash(): string {
	const hash = createHash('sha256');
	const files: string[] = [];
	for (const input of INPUTS) walk(join(ROOT, input), files);
	for (const file of files) {
		const rel = relative(ROOT, file);
		hash.update(rel);
		// Large static assets (models, wasm) are identified by size and mtime; their build stamps cover content.
		const stat = statSync(file);
		hash.update(stat.size > 1_000_000 ? `${stat.size}:${stat.mtimeMs}` : readFileSync(file));
	}
	return hash.digest('hex');
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** One build at a time across processes (the CLI, the bench and the test server may start together). */
function withBuildLock<T>(job: () => T): T {
	mkdirSync(join(ROOT, '.cache'), { recursive: true });
	const deadline = Date.now() + 10 * 60_000;
	for (;;) {
		try {
			const fd = openSync(LOCK, 'wx');
			writeFileSync(fd, String(process.pid));
			closeSync(fd);
			break;
		} catch {
			const holder = Number(existsSync(LOCK) ? readFileSync(LOCK, 'utf8') : NaN);
			if (!Number.isFinite(holder) || !alive(holder)) rmSync(LOCK, { force: true });
			else if (Date.now() > deadline) throw new Error(`another build (pid ${holder}) holds ${LOCK}`);
			else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
		}
	}
	try {
		return job();
	} finally {
		rmSync(LOCK, { force: true });
	}
}

export function ensureBuild(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): string {
	const fresh = (hash: string) => existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash;
	if (fresh(sourceHash())) return BUILD_DIR;
	return withBuildLock(() => {
		// Someone else may have built while we waited for the lock.
		const hash = sourceHash();
		if (fresh(hash)) return BUILD_DIR;
		log('backcheck: building the app (sources changed since the last build)…');
		execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
			cwd: ROOT,
			stdio: ['ignore', 'ignore', 'inherit']
		});
		writeFileSync(STAMP, hash);
		return BUILD_DIR;
	});
}
