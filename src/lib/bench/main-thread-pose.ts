/**
 * The baseline the worker is compared with: the same model driven on the main thread the way MediaPipe's own
 * web sample does it, detectForVideo on the <video> once per animation frame.
 */
import { FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision';
import type { PoseModel } from '$lib/pose/types';

export interface MainThreadRun {
	inferenceMs: number[];
	wallMs: number;
}

export async function runOnMainThread(video: HTMLVideoElement, assetBase: string, model: PoseModel, frames: number, warmup: number): Promise<MainThreadRun> {
	const fileset = await FilesetResolver.forVisionTasks(new URL('wasm', assetBase).href);
	const landmarker = await PoseLandmarker.createFromOptions(fileset, {
		baseOptions: { modelAssetPath: new URL(`models/pose_landmarker_${model}.task`, assetBase).href, delegate: 'CPU' },
		runningMode: 'VIDEO',
		numPoses: 1
	});
	const inferenceMs: number[] = [];
	let lastVideoTime = -1;
	let done = 0;
	const started = performance.now();
	await new Promise<void>((resolve) => {
		const tick = () => {
			if (video.currentTime !== lastVideoTime) {
				lastVideoTime = video.currentTime;
				const before = performance.now();
				landmarker.detectForVideo(video, before);
				const ms = performance.now() - before;
				if (done >= warmup) inferenceMs.push(ms);
				done++;
			}
			if (done >= warmup + frames) resolve();
			else requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	landmarker.close();
	return { inferenceMs, wallMs: performance.now() - started };
}
