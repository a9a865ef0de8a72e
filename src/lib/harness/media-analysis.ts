/**
 * Media analysis for the CLI and the tests: images and video files through the same PoseEngine and worker as
 * the live page. Videos are stepped frame by frame by seeking (src/lib/video), so every sampled frame is analysed
 * (the live camera instead drops frames to stay real-time).
 */
import { EngineError } from '$lib/engine/errors';
import type { PoseEngine } from '$lib/engine/pose-engine';
import type { EngineResult } from '$lib/engine/types';
import { analyseRecording, type RecordingProgress } from '$lib/video/analyse-recording';
import { openSteppedVideo } from '$lib/video/stepped-video';

export async function analyzeImageUrl(engine: PoseEngine, url: string): Promise<EngineResult> {
	const response = await fetch(url);
	if (!response.ok) throw new EngineError({ code: 'video-unplayable', detail: `${url}: HTTP ${response.status}` });
	const blob = await response.blob();
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(blob);
	} catch (e) {
		throw new EngineError({ code: 'video-unplayable', detail: `not a readable image (${e instanceof Error ? e.message : e})` });
	}
	return engine.detectImage(bitmap);
}

/**
 * Steps through a video at `fps` samples per second, as fast as the engine goes, reporting each frame as it is done.
 * `onProgress` hears after each frame (the CLI shows it on a terminal).
 */
export async function analyzeVideoUrl(
	engine: PoseEngine,
	url: string,
	fps: number,
	onFrame: (r: EngineResult) => void,
	onProgress?: (p: RecordingProgress) => void
): Promise<{ frames: number; durationS: number }> {
	const video = document.createElement('video');
	const stepped = await openSteppedVideo(video, url);
	try {
		await engine.resetTracking();
		const summary = await analyseRecording(engine, stepped, { fps, speed: 'max', onFrame, onProgress });
		return { frames: summary.frames, durationS: summary.durationS };
	} finally {
		stepped.close();
	}
}
