/** The app's own path: the camera track streamed into the pose worker, results back to the page. */
import { PoseEngine } from '$lib/engine/pose-engine';
import type { PoseModel } from '$lib/pose/types';

export interface WorkerRun {
	inferenceMs: number[];
	wallMs: number;
	frames: number;
}

export async function runInWorker(track: MediaStreamTrack, assetBase: string, model: PoseModel, frames: number, warmup: number): Promise<WorkerRun> {
	const engine = new PoseEngine({ model, delegate: 'CPU', numPoses: 1, assetBase }, {}, 0);
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
