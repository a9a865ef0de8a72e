/**
 * The benchmarks that need no browser: the per-frame cost of the domain logic in Node, on generated frames.
 *
 * classify_us_per_frame: features + still classifier + the rest of the posture pipeline (tracking, temporal
 * layer, workout context) + the coach's exercise tracker, per frame, on generated sets of the four extension
 * stretches (src/lib/synth/exercise-sequences.ts, 30 fps, landmark noise, random people and cameras). Median of
 * several timed passes after a warm-up pass (JIT). The parts are timed on their own too, and the calibration
 * bench (plain TypeScript vs tfjs) runs here, and the desk slouch path (desk_classify_us_per_frame: features,
 * upper-body embedding and network on generated head-and-shoulders frames; the network in TS vs tfjs).
 */
import { benchCalibration, type CalibrationBench } from '../../src/lib/calibration/bench';
import { createTracker } from '../../src/lib/coach';
import { coachInput, type ExerciseName, type ExerciseTracker } from '../../src/lib/coach/types';
import type { PoseFrame } from '../../src/lib/pose/types';
import { benchClassify, type ClassifyBench } from '../../src/lib/posture/bench';
import { benchPipeline, type PipelineBench } from '../../src/lib/posture/bench-pipeline';
import { benchDesk, type DeskBench } from '../../src/lib/posture/bench-desk';
import { createPosturePipeline, type PosturePipeline } from '../../src/lib/posture/pipeline';
import { randomBody, rng } from '../../src/lib/synth';
import { backExtensionTake, cobraTake, hangTake, sphinxTake } from '../../src/lib/synth/exercise-sequences';

export interface PerFrameBench {
	/** Frames per timed pass (all four takes). */
	frames: number;
	runs: number;
	/** Median µs per frame: posture pipeline + coach tracker (the key). */
	usPerFrame: number;
	/** Slowest pass. */
	worstUsPerFrame: number;
	/** The parts alone, same frames, median µs per frame. */
	pipelineUsPerFrame: number;
	coachUsPerFrame: number;
}

export interface NodeFigures {
	perFrame: PerFrameBench;
	classify: ClassifyBench;
	pipeline: PipelineBench;
	calibration: CalibrationBench;
	/** The desk slouch path: still classifier with the network on head-and-shoulders frames; network alone, TS vs tfjs. */
	desk: DeskBench;
}

function takes(): Array<{ exercise: ExerciseName; frames: PoseFrame[] }> {
	const r = rng(2024);
	return [
		{ exercise: 'cobra', frames: cobraTake(randomBody(r), [{ peakDeg: 30 }, { peakDeg: 42 }, { peakDeg: 48, hipLiftM: 0.2 }], { rng: r, view: 'side', fromStanding: true }).frames },
		{ exercise: 'back_extension', frames: backExtensionTake(randomBody(r), [{ peakDeg: 12 }, { peakDeg: 20 }, { peakDeg: 25, kneeFlexDeg: 40 }], { rng: r, view: '45' }).frames },
		{ exercise: 'hang', frames: hangTake(randomBody(r), { hangMs: 12000, twists: [{ deg: 30, atMs: 3000 }] }, { rng: r, view: 'front' }).frames },
		{ exercise: 'sphinx', frames: sphinxTake(randomBody(r), [{ holdMs: 15000, breakMs: 3000 }, { holdMs: 8000 }], { rng: r, view: 'side', fps: 30 }).frames }
	];
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** µs per frame of `step` over every take, fresh state per take; median and worst of `runs` passes. */
function timePasses(sets: ReturnType<typeof takes>, runs: number, step: (ctx: { pipeline: PosturePipeline; tracker: ExerciseTracker }, f: PoseFrame) => void) {
	const total = sets.reduce((n, s) => n + s.frames.length, 0);
	const pass = () => {
		const t0 = performance.now();
		for (const set of sets) {
			const ctx = { pipeline: createPosturePipeline(), tracker: createTracker(set.exercise) };
			for (const f of set.frames) step(ctx, f);
		}
		return ((performance.now() - t0) * 1000) / total;
	};
	pass(); // warm-up (JIT)
	const perRun = Array.from({ length: runs }, pass);
	return { frames: total, median: median(perRun), worst: Math.max(...perRun) };
}

export function benchPerFrame(runs = 7): PerFrameBench {
	const sets = takes();
	let sink = 0;
	const both = timePasses(sets, runs, ({ pipeline, tracker }, f) => {
		const s = pipeline.update(f);
		sink += s.confidence + tracker.update(coachInput(f, s.personIndex)).events.length;
	});
	const pipelineOnly = timePasses(sets, runs, ({ pipeline }, f) => {
		sink += pipeline.update(f).confidence;
	});
	const coachOnly = timePasses(sets, runs, ({ tracker }, f) => {
		sink += tracker.update(coachInput(f)).events.length;
	});
	if (!Number.isFinite(sink)) throw new Error('bench: non-finite result');
	return {
		frames: both.frames,
		runs,
		usPerFrame: both.median,
		worstUsPerFrame: both.worst,
		pipelineUsPerFrame: pipelineOnly.median,
		coachUsPerFrame: coachOnly.median
	};
}

export function nodeFigures(): NodeFigures {
	return { perFrame: benchPerFrame(), classify: benchClassify(), pipeline: benchPipeline(), calibration: benchCalibration(), desk: benchDesk() };
}
