/**
 * Media analysis for the CLI and the tests: images and video files through the same PoseEngine and worker as
 * the live page. Videos are stepped frame by frame by seeking, so every sampled frame is analysed
 * (the live page instead drops frames to stay real-time).
 */
import { EngineError } from '$lib/engine/errors';
import type { PoseEngine } from '$lib/engine/pose-engine';
import type { EngineResult } from '$lib/engine/types';

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

function once(target: EventTarget, ok: string, fail = 'error'): Promise<void> {
	return new Promise((resolve, reject) => {
		const done = () => {
			target.removeEventListener(ok, done);
			target.removeEventListener(fail, bad);
			resolve();
		};
		const bad = () => {
			target.removeEventListener(ok, done);
			target.removeEventListener(fail, bad);
			reject(new Error('the browser cannot decode this video'));
		};
		target.addEventListener(ok, done);
		target.addEventListener(fail, bad);
	});
}

/** Steps through a video at `fps` samples per second, reporting each frame as it is done. */
export async function analyzeVideoUrl(
	engine: PoseEngine,
	url: string,
	fps: number,
	onFrame: (r: EngineResult) => void
): Promise<{ frames: number; durationS: number }> {
	const video = document.createElement('video');
	video.muted = true;
	video.preload = 'auto';
	video.src = url;
	try {
		await once(video, 'loadeddata');
	} catch (e) {
		throw new EngineError({ code: 'video-unplayable', detail: e instanceof Error ? e.message : String(e) });
	}
	await engine.resetTracking();
	const durationS = Number.isFinite(video.duration) ? video.duration : 0;
	const step = 1 / fps;
	let frames = 0;
	// Sample in the middle of each frame interval so rounding never lands on the previous frame.
	for (let t = step / 2; t < durationS; t += step) {
		video.currentTime = t;
		await once(video, 'seeked');
		const bitmap = await createImageBitmap(video);
		onFrame(await engine.detectVideoFrame(bitmap, Math.round(t * 1000)));
		frames++;
	}
	video.removeAttribute('src');
	video.load();
	return { frames, durationS };
}
