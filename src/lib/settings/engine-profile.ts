/**
 * What was measured on this device (Setup, or again by itself after a browser or GPU change): the faster
 * delegate of each model whose landmarks agree with the CPU, and a GPU failure seen while running. Kept with the
 * settings, for the device it was measured on (its fingerprint); on another browser or GPU it does not apply.
 */
import type { EngineChoice, TrialSummary } from '$lib/engine/engine-choice';
import type { PoseDelegate, PoseModel } from '$lib/pose/types';

export interface EngineTrialRecord {
	model: PoseModel;
	delegate: PoseDelegate;
	medianMs: number | null;
	/** GPU only: mean distance of its landmarks from the CPU's on the same frames, px. */
	meanPx: number | null;
	problem: string | null;
}

export interface EngineProfile {
	fingerprint: string;
	/** The GPU it was measured on, as WebGL names it. */
	renderer: string;
	/** When (epoch ms). */
	measuredAt: number;
	delegates: Partial<Record<PoseModel, PoseDelegate>>;
	/** The GPU failed here while watching: the CPU is used until the browser or GPU changes. */
	gpuFailure: string | null;
	trials: EngineTrialRecord[];
}

const MODELS: readonly PoseModel[] = ['lite', 'full', 'heavy'];
const DELEGATES: readonly PoseDelegate[] = ['CPU', 'GPU'];

/** The delegate to run `model` on here: the measured one for this very device, else the CPU (always works). */
export function delegateFor(profile: EngineProfile | null, fingerprint: string, model: PoseModel): PoseDelegate {
	if (!profile || profile.fingerprint !== fingerprint || profile.gpuFailure) return 'CPU';
	return profile.delegates[model] ?? 'CPU';
}

/** Measured on another browser or GPU than this one: to be measured again. */
export function profileStale(profile: EngineProfile | null, fingerprint: string): boolean {
	return profile !== null && profile.fingerprint !== fingerprint;
}

export function profileFrom(summaries: readonly TrialSummary[], choice: EngineChoice | null, device: { fingerprint: string; renderer: string }, now: number): EngineProfile {
	return {
		fingerprint: device.fingerprint,
		renderer: device.renderer,
		measuredAt: now,
		delegates: { ...(choice?.delegates ?? {}) },
		gpuFailure: null,
		trials: summaries.map((s) => ({
			model: s.model,
			delegate: s.delegate,
			medianMs: s.medianMs === null ? null : Math.round(s.medianMs * 10) / 10,
			meanPx: s.agreement && Number.isFinite(s.agreement.meanPx) ? Math.round(s.agreement.meanPx * 100) / 100 : null,
			problem: s.problem
		}))
	};
}

/** The same profile with a GPU failure seen while running (when it is this device's). */
export function withGpuFailure(profile: EngineProfile | null, fingerprint: string, reason: string): EngineProfile | null {
	if (!profile || profile.fingerprint !== fingerprint || profile.gpuFailure) return profile;
	return { ...profile, gpuFailure: reason };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown) => v === null || isNum(v);
const strOrNull = (v: unknown) => v === null || typeof v === 'string';

/** A stored profile read field by field: undefined when there is none, 'bad' when it is damaged. */
export function parseEngineProfile(raw: unknown): EngineProfile | null | 'bad' {
	if (raw === undefined || raw === null) return null;
	if (typeof raw !== 'object' || Array.isArray(raw)) return 'bad';
	const r = raw as Record<string, unknown>;
	if (typeof r.fingerprint !== 'string' || typeof r.renderer !== 'string' || !isNum(r.measuredAt) || !strOrNull(r.gpuFailure)) return 'bad';
	if (typeof r.delegates !== 'object' || r.delegates === null || Array.isArray(r.delegates)) return 'bad';
	const delegates: Partial<Record<PoseModel, PoseDelegate>> = {};
	for (const [k, v] of Object.entries(r.delegates)) {
		if (!MODELS.includes(k as PoseModel) || !DELEGATES.includes(v as PoseDelegate)) return 'bad';
		delegates[k as PoseModel] = v as PoseDelegate;
	}
	if (!Array.isArray(r.trials)) return 'bad';
	const trials: EngineTrialRecord[] = [];
	for (const t of r.trials as Array<Record<string, unknown>>) {
		if (typeof t !== 'object' || t === null || !MODELS.includes(t.model as PoseModel) || !DELEGATES.includes(t.delegate as PoseDelegate)) return 'bad';
		if (!numOrNull(t.medianMs) || !numOrNull(t.meanPx) || !strOrNull(t.problem)) return 'bad';
		trials.push({ model: t.model as PoseModel, delegate: t.delegate as PoseDelegate, medianMs: t.medianMs as number | null, meanPx: t.meanPx as number | null, problem: t.problem as string | null });
	}
	return { fingerprint: r.fingerprint, renderer: r.renderer, measuredAt: r.measuredAt, delegates, gpuFailure: (r.gpuFailure as string | null) ?? null, trials };
}
