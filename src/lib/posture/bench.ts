/**
 * Micro-benchmark of the still classifier: features + classification per frame, in Node, over
 * generated frames of every posture class from the front, the side and 45 degrees (with noise and
 * lost landmarks, some with world landmarks, some desk-webcam crops). The budget is
 * 200 µs per frame.
 */
import type { PersonPose } from '../pose/types';
import { PRESETS, type PresetName, type ViewName } from '../synth/presets';
import { scene } from '../synth/scene';
import { rng } from '../synth/math';
import { classifyPosture } from './classify';

export interface ClassifyBench {
	/** Frames classified in the timed runs. */
	frames: number;
	/** Median over runs of the mean wall-clock µs per frame (features + classification). */
	usPerFrame: number;
	/** The fastest run's µs per frame: the cost with the least interference from other processes. */
	bestUsPerFrame: number;
	/** The slowest run's µs per frame. */
	worstUsPerFrame: number;
}

/** Distinct generated frames with their aspect (built once; generation is not timed). */
export function benchFrames(count = 400, seed = 7): Array<{ person: PersonPose; aspect: number }> {
	const r = rng(seed);
	const names = Object.keys(PRESETS) as PresetName[];
	const out: Array<{ person: PersonPose; aspect: number }> = [];
	for (let i = 0; i < count; i++) {
		const preset = names[i % names.length];
		const p = PRESETS[preset] as { desk?: boolean };
		const view: ViewName | 'desk' = p.desk && i % 3 === 0 ? 'desk' : (['front', 'side', '45'] as const)[i % 3];
		const s = scene({ preset, view, rng: r, world: i % 4 === 0 });
		out.push({ person: s.person, aspect: s.width / s.height });
	}
	return out;
}

/** µs per frame for features + classification (median of `runs` passes over the frames, after a warm-up). */
export function benchClassify(opts: { frames?: number; runs?: number; warmupMs?: number } = {}): ClassifyBench {
	const frames = benchFrames(opts.frames ?? 400);
	const runs = opts.runs ?? 7;
	let sink = 0;
	// Warm-up: let the JIT reach its optimising tier (a few thousand calls of every function take
	// ~0.5 s on a busy machine; before that a frame costs several times more).
	const warmUntil = performance.now() + (opts.warmupMs ?? 600);
	do for (const f of frames) sink += classifyPosture(f.person, { aspect: f.aspect }).confidence;
	while (performance.now() < warmUntil);
	const perRun: number[] = [];
	for (let k = 0; k < runs; k++) {
		const t0 = performance.now();
		for (const f of frames) sink += classifyPosture(f.person, { aspect: f.aspect }).confidence;
		perRun.push(((performance.now() - t0) * 1000) / frames.length);
	}
	if (!Number.isFinite(sink)) throw new Error('unreachable');
	perRun.sort((a, b) => a - b);
	const r2 = (v: number) => Math.round(v * 100) / 100;
	return {
		frames: frames.length * runs,
		usPerFrame: r2(perRun[Math.floor(runs / 2)]),
		bestUsPerFrame: r2(perRun[0]),
		worstUsPerFrame: r2(perRun[runs - 1])
	};
}
