/**
 * `npm run bench`: measured figures, printed as a table and written to bench/results.json. Numbers from one run
 * on one machine are compared with each other (ratios), never asserted in tests.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { assertChromium, chromiumLaunch, fakeCameraArgs } from './lib/chromium';
import { ensureBuild } from './lib/ensure-build';
import { startStaticServer } from './lib/static-server';
import { fakeCameraFeed, ROOT } from './lib/test-media';
import type { PoseModel } from '../src/lib/pose/types';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 60);
const WARMUP = 10;
const MODELS: PoseModel[] = (process.env.BENCH_MODELS?.split(',') as PoseModel[] | undefined) ?? ['lite', 'full', 'heavy'];

interface PathFigures {
	n: number;
	medianMs: number;
	p90Ms: number;
	fps: number;
	longTasks: number;
	longTaskMaxMs: number;
	wallS: number;
}
type BenchWindow = { backcheckBench: Record<'worker' | 'mainThread', (m: PoseModel, f: number, w: number) => Promise<PathFigures>> };

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

async function browserFigures() {
	assertChromium();
	const server = await startStaticServer(ensureBuild());
	const browser = await chromium.launch(chromiumLaunch(fakeCameraArgs(fakeCameraFeed('basketball1.png'))));
	const results: Record<string, { worker: PathFigures; mainThread: PathFigures }> = {};
	try {
		for (const model of MODELS) {
			const row = {} as { worker: PathFigures; mainThread: PathFigures };
			for (const path of ['worker', 'mainThread'] as const) {
				// A fresh page per run: nothing left over from the previous one (wasm heaps, GL contexts).
				const page = await browser.newPage();
				await page.goto(`${server.origin}/bench`);
				await page.locator('[data-testid="bench"][data-ready="true"]').waitFor();
				process.stderr.write(`bench: ${model} ${path}…\n`);
				row[path] = await page.evaluate(([m, f, w, p]) => (window as unknown as BenchWindow).backcheckBench[p as 'worker' | 'mainThread'](m as PoseModel, f as number, w as number), [model, FRAMES, WARMUP, path] as const);
				await page.close();
			}
			results[model] = row;
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return results;
}

const pose = await browserFigures();
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memGiB: round(totalmem() / 2 ** 30, 0), node: process.version, date: new Date().toISOString() };
const results = { machine, frames: FRAMES, warmup: WARMUP, pose };

const lines = [
	`Pose inference, ${FRAMES} frames after ${WARMUP} warm-up, 640x480 fake camera, CPU delegate (${machine.cpus} cores, ${machine.cpuModel})`,
	'',
	'| model | path | median ms | p90 ms | fps | long tasks (>50 ms) on main thread |',
	'|---|---|---|---|---|---|'
];
for (const [model, row] of Object.entries(pose)) {
	for (const [path, f] of Object.entries(row)) {
		lines.push(`| ${model} | ${path === 'worker' ? 'worker (ours)' : 'main thread (MediaPipe sample)'} | ${round(f.medianMs)} | ${round(f.p90Ms)} | ${round(f.fps)} | ${f.longTasks} |`);
	}
}
process.stdout.write(lines.join('\n') + '\n');
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
process.stdout.write(`\nwritten: bench/results.json\n`);
