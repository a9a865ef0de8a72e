/**
 * Media analysis for the CLI and the tests: images and video files through the same PoseEngine and worker as
 * the live page. Every sampled frame of a video is analysed (src/lib/video), where the live camera drops frames to
 * stay real-time.
 */
import { EngineError } from '$lib/engine/errors';
import type { PoseEngine } from '$lib/engine/pose-engine';
import type { EngineResult } from '$lib/engine/types';
import { analyseRecording, type RecordingProgress, type RecordingSummary } from '$lib/video/analyse-recording';
import { openRecording, type RecordingSource } from '$lib/video/recording-source';

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
 * Every sampled frame of a video at `fps` samples per second, in order, as fast as the engine goes (src/lib/video:
 * decoded in order where the browser can, else sought frame by frame). `onProgress` hears after each frame.
 */
export async function analyzeVideoUrl(
	engine: PoseEngine,
	url: string,
	fps: number,
	onFrame: (r: EngineResult) => void,
	onProgress?: (p: RecordingProgress) => void,
	reader?: RecordingSource['kind']
): Promise<RecordingSummary> {
	const source = await openRecording(url, undefined, { reader });
	try {
		await engine.resetTracking();
		return await analyseRecording(engine, source, { fps, speed: 'max', onFrame: (r) => onFrame(r), onProgress });
	} finally {
		source.close();
	}
}
