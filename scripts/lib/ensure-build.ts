/**
 * The CLI and the benchmarks run the built app. Rebuild only when the sources changed since the last build, so
 * a second run starts in about a second.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
export const BUILD_DIR = join(ROOT, 'build');
const STAMP = join(BUILD_DIR, '.source-hash');
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

export function ensureBuild(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): string {
	const hash = sourceHash();
	if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return BUILD_DIR;
	log('backcheck: building the app (sources changed since the last build)…');
	execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	writeFileSync(STAMP, hash);
	return BUILD_DIR;
}
