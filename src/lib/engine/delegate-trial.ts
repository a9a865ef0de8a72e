/**
 * Measuring models and delegates on the person's own machine: a few frames from their camera, then each model
 * on the CPU and on the GPU in turn on those same frames, in a worker of its own (a live session keeps its
 * model). Speeds come from the inference times; the GPU's landmarks are checked against the CPU's frame by frame
 * (engine-choice.ts). A trial that takes too long (software GL can take minutes) is cut short by ending its worker.
 */
import type { PoseDelegate, PoseModel } from '$lib/pose/types';
import { skipReason, summarizeTrials, type TrialSummary } from './engine-choice';
import { asEngineFailure, failure } from './errors';
import { PoseEngine, trackProcessor } from './pose-engine';
import type { TrialResult, TrialSpec } from './types';

export interface TrialPlan {
	models: readonly PoseModel[];
	delegates: readonly PoseDelegate[];
	/** Times through the frames. */
	passes: number;
	/** A GPU trial not done by then is cut short (ms): software GL can take minutes. */
	trialTimeoutMs: number;
	/**
	 * The same for a CPU trial (ms). Longer: the CPU is the reference the GPU is checked against and the processor
	 * used when the GPU is not, so cutting it short leaves nothing to choose from; a busy 2-core machine took 23 s
	 * just to build the lite model. Defaults to trialTimeoutMs.
	 */
	cpuTrialTimeoutMs?: number;
	/** Leave out trials that cannot win (engine-choice.ts skipReason); the benchmark measures everything. */
	skipHopeless: boolean;
	numPoses: number;
	assetBase: string;
}

export interface TrialProgress {
	/** 1-based. */
	index: number;
	total: number;
	spec: TrialSpec;
	phase: 'start' | 'done' | 'skipped';
	result?: TrialResult;
	reason?: string;
}

export interface TrialRun {
	results: TrialResult[];
	summaries: TrialSummary[];
	skipped: Array<{ spec: TrialSpec; reason: string }>;
}

/** `count` frames of a live track, at least `spacingMs` apart (the person moving a little between them). */
export async function grabFrames(track: MediaStreamTrack, count: number, spacingMs: number, timeoutMs = 15_000): Promise<ImageBitmap[]> {
	const Processor = trackProcessor();
	if (!Processor) throw new Error('this browser cannot read camera frames (MediaStreamTrackProcessor)');
	const clone = track.clone();
	const reader = new Processor({ track: clone, maxBufferSize: 1 }).readable.getReader();
	const out: ImageBitmap[] = [];
	const deadline = performance.now() + timeoutMs;
	let next = 0;
	try {
		while (out.length < count && performance.now() < deadline) {
			const { value, done } = await reader.read();
			if (done) break;
			try {
				const now = performance.now();
				if (now >= next) {
					out.push(await createImageBitmap(value));
					next = now + spacingMs;
				}
			} finally {
				value.close();
			}
		}
	} finally {
		await reader.cancel().catch(() => undefined);
		clone.stop();
	}
	if (out.length === 0) throw new Error('the camera gave no frames to measure with');
	return out;
}

/** CPU before GPU for each model: the GPU's landmarks are checked against the CPU's. */
function specsOf(plan: TrialPlan): TrialSpec[] {
	const delegates = [...plan.delegates].sort((a, b) => (a === b ? 0 : a === 'CPU' ? -1 : 1));
	return plan.models.flatMap((model) => delegates.map((delegate) => ({ model, delegate, passes: plan.passes })));
}

export async function runTrials(frames: readonly ImageBitmap[], plan: TrialPlan, onProgress?: (p: TrialProgress) => void): Promise<TrialRun> {
	const specs = specsOf(plan);
	const results: TrialResult[] = [];
	const skipped: TrialRun['skipped'] = [];
	const engine = new PoseEngine({ model: 'lite', delegate: 'CPU', numPoses: plan.numPoses, assetBase: plan.assetBase }, {}, 0);
	try {
		for (const [i, spec] of specs.entries()) {
			const progress = { index: i + 1, total: specs.length, spec };
			const reason = plan.skipHopeless ? skipReason(spec, summarizeTrials(results)) : null;
			if (reason) {
				skipped.push({ spec, reason });
				onProgress?.({ ...progress, phase: 'skipped', reason });
				continue;
			}
			onProgress?.({ ...progress, phase: 'start' });
			const failed = (error: string): TrialResult => ({ ...spec, ok: false, error, initMs: 0, inferenceMs: [], frames: [] });
			const copies = await Promise.all(frames.map((f) => createImageBitmap(f)));
			const limitMs = spec.delegate === 'CPU' ? (plan.cpuTrialTimeoutMs ?? plan.trialTimeoutMs) : plan.trialTimeoutMs;
			let timer: ReturnType<typeof setTimeout> | undefined;
			const timeout = new Promise<TrialResult>((ok) => {
				timer = setTimeout(() => {
					// The only way to stop a model mid-build or mid-frame: end its worker (the next trial starts another).
					engine.terminate(failure('aborted', 'trial cut short'));
					ok(failed(`did not finish within ${Math.round(limitMs / 1000)} s`));
				}, limitMs);
			});
			const result = await Promise.race([engine.trial(copies, spec).catch((e) => failed(asEngineFailure(e, 'inference-failed').detail)), timeout]);
			clearTimeout(timer);
			results.push(result);
			onProgress?.({ ...progress, phase: 'done', result });
		}
	} finally {
		engine.terminate();
	}
	return { results, summaries: summarizeTrials(results), skipped };
}
