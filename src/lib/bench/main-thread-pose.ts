/**
 * The baseline the worker is compared with: the same model driven on the main thread the way MediaPipe's own
 * web sample does it, detectForVideo on the <video> once per animation frame.
 */
import { FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision';
import type { PoseModel } from '$lib/pose/types';
import { ResultWindow, type WindowFigures } from './window';

export interface MainThreadRun {
	inferenceMs: number[];
	wallMs: number;
}

async function landmarker(assetBase: string, model: PoseModel, numPoses: number): Promise<PoseLandmarker> {
	const fileset = await FilesetResolver.forVisionTasks(new URL('wasm', assetBase).href);
	return PoseLandmarker.createFromOptions(fileset, {
		baseOptions: { modelAssetPath: new URL(`models/pose_landmarker_${model}.task`, assetBase).href, delegate: 'CPU' },
		runningMode: 'VIDEO',
		numPoses
	});
}

/** The sample's loop: on each animation frame with a new video frame, detectForVideo; `onFrame(ms)` after each. */
function sampleLoop(video: HTMLVideoElement, pose: PoseLandmarker, onFrame: (ms: number) => boolean): Promise<void> {
	let lastVideoTime = -1;
	return new Promise<void>((resolve) => {
		const tick = () => {
			if (video.currentTime !== lastVideoTime) {
				lastVideoTime = video.currentTime;
				const before = performance.now();
				pose.detectForVideo(video, before);
				if (!onFrame(performance.now() - before)) {
					resolve();
					return;
				}
			}
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
}

/** `frames` frames after `warmup` ones (the per-model table). */
export async function runOnMainThread(video: HTMLVideoElement, assetBase: string, model: PoseModel, frames: number, warmup: number, numPoses = 1): Promise<MainThreadRun> {
	const pose = await landmarker(assetBase, model, numPoses);
	const inferenceMs: number[] = [];
	let done = 0;
	const started = performance.now();
	await sampleLoop(video, pose, (ms) => {
		if (done >= warmup) inferenceMs.push(ms);
		done++;
		return done < warmup + frames;
	});
	pose.close();
	return { inferenceMs, wallMs: performance.now() - started };
}

/** Frames per second over a window; `onOpen` runs when the window opens (long-task counting starts there). */
export async function mainThreadWindow(video: HTMLVideoElement, assetBase: string, model: PoseModel, numPoses: number, warmupMs: number, windowMs: number, onOpen: () => void): Promise<WindowFigures> {
	const pose = await landmarker(assetBase, model, numPoses);
	const window = new ResultWindow(warmupMs, windowMs);
	window.onOpen = onOpen;
	let finished = false;
	void window.done.then(() => (finished = true));
	await sampleLoop(video, pose, (ms) => {
		window.push(ms);
		return !finished;
	});
	const figures = await window.done;
	pose.close();
	return figures;
}
