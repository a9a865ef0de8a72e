/**
 * The app's own worker path with nothing downstream: the camera track streamed into the pose worker
 * (pose.worker.ts's frame loop), each result only counted on the page.
 */
import { PoseEngine } from '$lib/engine/pose-engine';
import type { EngineOptions } from '$lib/engine/types';
import { ResultWindow, type WindowFigures } from './window';

export interface WorkerRun {
	inferenceMs: number[];
	wallMs: number;
	frames: number;
}

/** `frames` results after `warmup` ones (the per-model table). */
export async function runInWorker(track: MediaStreamTrack, options: EngineOptions, frames: number, warmup: number): Promise<WorkerRun> {
	const engine = new PoseEngine(options, {}, 0);
	await engine.start();
	const inferenceMs: number[] = [];
	let seen = 0;
	let started = 0;
	let wallMs = 0;
	const stream = engine.streamTrack(track.clone(), (r) => {
		seen++;
		if (seen === warmup) started = performance.now();
		if (seen > warmup) inferenceMs.push(r.timing.inferenceMs);
		if (inferenceMs.length === frames) {
			wallMs = performance.now() - started;
			void engine.stopStream();
		}
	});
	await stream;
	engine.terminate();
	return { inferenceMs, wallMs, frames: inferenceMs.length };
}

/** Results per second over a window (raw_fps): values are the worker's inference ms per frame. */
export async function workerWindow(track: MediaStreamTrack, options: EngineOptions, warmupMs: number, windowMs: number, onOpen?: () => void): Promise<WindowFigures> {
	const engine = new PoseEngine(options, {}, 0);
	await engine.start();
	const window = new ResultWindow(warmupMs, windowMs);
	window.onOpen = onOpen ?? null;
	const stream = engine.streamTrack(track.clone(), (r) => window.push(r.timing.inferenceMs));
	const figures = await window.done;
	await engine.stopStream();
	await stream;
	engine.terminate();
	return figures;
}
