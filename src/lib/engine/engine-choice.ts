/**
 * Picking a model and a delegate from trials measured on the person's own machine (delegate-trial.ts): the most
 * accurate model that analyses a frame within the budget, on whichever delegate is faster for it, the GPU only
 * where its landmarks agree with the CPU's on the same frames.
 */
import type { PoseDelegate, PoseModel } from '$lib/pose/types';
import { agrees, landmarkAgreement, type Agreement } from './landmark-agreement';
import type { TrialResult, TrialSpec } from './types';

/** A frame in 70 ms keeps up with a person moving (about 14 analysed frames a second). */
export const FRAME_BUDGET_MS = 70;
/** Lightest first: a heavier model is slower than a lighter one on the same delegate. */
export const MODELS_BY_SIZE: readonly PoseModel[] = ['lite', 'full', 'heavy'];

export interface TrialSummary {
	model: PoseModel;
	delegate: PoseDelegate;
	medianMs: number | null;
	p90Ms: number | null;
	initMs: number | null;
	/** The GPU's landmarks against the CPU's on the same frames (GPU trials only). */
	agreement: Agreement | null;
	/** Why it cannot be used: it failed, was cut short, or found other landmarks than the CPU. */
	problem: string | null;
}

export interface EngineChoice {
	model: PoseModel;
	delegate: PoseDelegate;
	medianMs: number;
	/** The faster usable delegate of each model measured. */
	delegates: Partial<Record<PoseModel, PoseDelegate>>;
}

function percentile(values: number[], p: number): number | null {
	if (!values.length) return null;
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

const round = (v: number) => Math.round(v * 10) / 10;

export function summarizeTrials(results: readonly TrialResult[]): TrialSummary[] {
	return results.map((r) => {
		const s: TrialSummary = { model: r.model, delegate: r.delegate, medianMs: percentile(r.inferenceMs, 50), p90Ms: percentile(r.inferenceMs, 90), initMs: r.ok ? r.initMs : null, agreement: null, problem: null };
		if (!r.ok) {
			s.problem = r.error ?? 'failed';
			return s;
		}
		if (r.delegate === 'GPU') {
			const cpu = results.find((c) => c.model === r.model && c.delegate === 'CPU' && c.ok);
			if (!cpu) {
				s.problem = 'no CPU result on the same frames to check its landmarks against';
				return s;
			}
			s.agreement = landmarkAgreement(cpu.frames, r.frames);
			if (!agrees(s.agreement)) {
				const a = s.agreement;
				s.problem = `its landmarks differ from the CPU's (mean ${round(a.meanPx)} px, 95 % within ${round(a.p95Px)} px, a person missed in ${a.peopleMismatch} of ${a.frames} frames)`;
			}
		}
		return s;
	});
}

/** The most accurate model within the budget, on its faster usable delegate; else the fastest Lite. */
export function chooseEngine(summaries: readonly TrialSummary[], budgetMs = FRAME_BUDGET_MS): EngineChoice | null {
	const delegates: Partial<Record<PoseModel, PoseDelegate>> = {};
	const best: Partial<Record<PoseModel, TrialSummary>> = {};
	for (const s of summaries) {
		if (s.problem || s.medianMs === null) continue;
		const b = best[s.model];
		if (!b || s.medianMs < b.medianMs!) best[s.model] = s;
	}
	for (const [model, s] of Object.entries(best) as Array<[PoseModel, TrialSummary]>) delegates[model] = s.delegate;
	const within = [...MODELS_BY_SIZE].reverse().find((m) => best[m] && best[m]!.medianMs! <= budgetMs);
	const pick = within ? best[within] : (best.lite ?? MODELS_BY_SIZE.map((m) => best[m]).find(Boolean));
	return pick ? { model: pick.model, delegate: pick.delegate, medianMs: pick.medianMs!, delegates } : null;
}

/**
 * Why a trial need not run, given those done: the GPU already failed here (a later model would fail the same
 * way), or a lighter model on the same delegate is already over the budget (a heavier one can only be slower).
 */
export function skipReason(spec: Pick<TrialSpec, 'model' | 'delegate'>, done: readonly TrialSummary[], budgetMs = FRAME_BUDGET_MS): string | null {
	if (spec.delegate === 'GPU') {
		const failed = done.find((s) => s.delegate === 'GPU' && s.problem);
		if (failed) return `the GPU already failed here with ${failed.model}`;
	}
	const size = MODELS_BY_SIZE.indexOf(spec.model);
	const slow = done.find((s) => s.delegate === spec.delegate && MODELS_BY_SIZE.indexOf(s.model) < size && s.medianMs !== null && s.medianMs > budgetMs);
	if (slow) return `${slow.model} on the ${slow.delegate} already takes ${Math.round(slow.medianMs!)} ms a frame`;
	return null;
}
