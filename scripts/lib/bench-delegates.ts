/**
 * Both pose delegates side by side for `npm run bench`: each model on the CPU and on the GPU on the same camera
 * frames, exactly as Setup measures them on a person's machine (src/lib/engine/delegate-trial.ts, driven from the
 * /bench page), with the GPU's landmarks checked against the CPU's (landmark-agreement.ts). On a machine without
 * a GPU, Chromium's GPU delegate runs on SwiftShader (WebGL in software): slow, but the same code path.
 */
import type { BrowserContext } from '@playwright/test';
import type { EngineChoice, TrialSummary } from '../../src/lib/engine/engine-choice';
import { AGREEMENT_TOLERANCE } from '../../src/lib/engine/landmark-agreement';
import type { PoseModel } from '../../src/lib/pose/types';

export interface DelegateFigures {
	device: { fingerprint: string; renderer: string; webgl2: boolean };
	/** Frames grabbed from the camera, passes through them, the time limit of one trial. */
	frames: number;
	passes: number;
	trialTimeoutS: number;
	rows: TrialSummary[];
	/** What Setup would pick from these rows. */
	choice: EngineChoice | null;
}

type BenchWindow = { backcheckBench: { delegates(models: PoseModel[], frames: number, passes: number, timeoutMs: number): Promise<{ summaries: TrialSummary[]; choice: EngineChoice | null; device: DelegateFigures['device']; frames: number }> } };

export async function delegateTable(
	context: BrowserContext,
	origin: string,
	{ models = ['lite', 'full', 'heavy'] as PoseModel[], frames = 8, passes = 3, trialTimeoutS = 300 } = {}
): Promise<DelegateFigures> {
	const page = await context.newPage();
	try {
		await page.goto(`${origin}/bench`);
		await page.locator('[data-testid="bench"][data-ready="true"]').waitFor();
		const r = await page.evaluate(([m, f, p, t]) => (window as unknown as BenchWindow).backcheckBench.delegates(m as PoseModel[], f as number, p as number, t as number), [models, frames, passes, trialTimeoutS * 1000] as const);
		return { device: r.device, frames: r.frames, passes, trialTimeoutS, rows: r.summaries, choice: r.choice };
	} finally {
		await page.close();
	}
}

const ms = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/** The table for the report: one row per model and delegate. */
export function delegateRows(f: DelegateFigures): string[] {
	const lines = ['| model | delegate | median ms | p90 ms | fps | model build ms | landmarks vs CPU: mean / p95 px | usable |', '|---|---|---|---|---|---|---|---|'];
	for (const r of f.rows) {
		const a = r.agreement;
		const agreement = r.delegate === 'CPU' ? '(reference)' : a && Number.isFinite(a.meanPx) ? `${a.meanPx.toFixed(1)} / ${a.p95Px.toFixed(1)}${a.peopleMismatch ? `, person missed in ${a.peopleMismatch}/${a.frames}` : ''}` : '—';
		const fps = r.medianMs ? (1000 / r.medianMs).toFixed(1) : '—';
		lines.push(`| ${r.model} | ${r.delegate} | ${ms(r.medianMs)} | ${ms(r.p90Ms)} | ${fps} | ${r.initMs === null ? '—' : r.initMs.toFixed(0)} | ${agreement} | ${r.problem ? `no: ${r.problem}` : 'yes'} |`);
	}
	return lines;
}

/** How the table was measured, for the report's notes. */
export function delegateNote(f: DelegateFigures): string {
	const tol = AGREEMENT_TOLERANCE;
	const pick = f.choice ? `Setup would pick ${f.choice.model} on the ${f.choice.delegate} (${f.choice.medianMs.toFixed(1)} ms a frame).` : 'Setup would find nothing usable.';
	return (
		`Delegates: ${f.frames} frames from the fake camera, each model built on each delegate in a measuring worker of its own (the first build also compiles the wasm) and run over them ${f.passes} times in VIDEO mode (numPoses as the session uses), medians over every inference but the first; GPU = ${f.device.renderer}. ` +
		`Landmarks vs CPU: pixel distance between the GPU's and the CPU's landmarks on the same frames, over the points the CPU sees (visibility >= 0.5); usable when the mean is within ${tol.meanOfDiagonal * 100} % of the frame diagonal, 95 % within ${tol.p95OfDiagonal * 100} %, and a person is found in the same frames. A trial has ${f.trialTimeoutS} s. ${pick}`
	);
}
