/**
 * A video element driven frame by frame for offline analysis (the fallback RecordingSource, for what the decoder in
 * decoded-recording.ts does not read): every sampled frame is the one shown at its time, not whatever a playing video
 * happened to present when the engine was free.
 *
 * Opening checks what stepping needs and says so when it is missing, instead of analysing the first frame again and
 * again: the source must be seekable over its whole length (a server has to answer byte-range requests; a Blob or
 * File URL always is), and the duration must be known (MediaRecorder's WebM files leave it out: it is found by
 * seeking past the end, as players do).
 */
import { EngineError } from '$lib/engine/errors';
import { cappedSize, stopped, unplayable, type RecordingFrame, type RecordingSource } from './recording-source';

export interface SteppedVideo extends RecordingSource {
	readonly video: HTMLVideoElement;
}

/** A seek that takes longer than this is a broken file or source, not a slow machine. */
const SEEK_TIMEOUT_MS = 20_000;


/** Resolves on `ok`, rejects on the element's `error`, on `signal` and after `timeoutMs`. */
function waitFor(video: HTMLVideoElement, ok: string, what: string, signal?: AbortSignal, timeoutMs = SEEK_TIMEOUT_MS): Promise<void> {
	return new Promise((resolve, reject) => {
		const cleanup = () => {
			clearTimeout(timer);
			video.removeEventListener(ok, done);
			video.removeEventListener('error', bad);
			signal?.removeEventListener('abort', aborted);
		};
		const done = () => {
			cleanup();
			resolve();
		};
		const bad = () => {
			cleanup();
			reject(unplayable(video.error?.message || 'the browser cannot decode this video'));
		};
		const aborted = () => {
			cleanup();
			reject(stopped());
		};
		const timer = setTimeout(() => {
			cleanup();
			reject(unplayable(`${what} took longer than ${timeoutMs / 1000} s`));
		}, timeoutMs);
		video.addEventListener(ok, done);
		video.addEventListener('error', bad);
		signal?.addEventListener('abort', aborted);
	});
}

/**
 * How long to wait, after 'seeked', for the browser to present the new frame before taking the picture anyway.
 * Measured: it comes within a frame or two; it almost never fails to come (0 of 200 seeks).
 */
const PRESENT_TIMEOUT_MS = 250;

/**
 * Seeks and waits until the frame at the new position is the one presented. 'seeked' alone is not enough:
 * Chromium hands the decoded frame to its compositor on another thread, and a picture taken right after 'seeked'
 * was the frame from before the seek in about 1 of 20 seeks (measured on a panning test video, as analysed frames
 * whose landmarks stood where the previous sample's were). requestVideoFrameCallback fires once a new frame is
 * presented and says which one it is: the wait ends at the first one that belongs at `timeS` (not after it, not
 * before `notBeforeS`). Returns its media time, or null when none came in time (the picture is taken anyway).
 */
async function seek(video: HTMLVideoElement, timeS: number, notBeforeS: number, signal?: AbortSignal): Promise<number | null> {
	let presentedS: number | null = null;
	let settle: () => void = () => undefined;
	const presented = new Promise<void>((resolve) => (settle = resolve));
	const watch = () =>
		video.requestVideoFrameCallback((_now, meta) => {
			if (meta.mediaTime <= timeS + 1e-3 && meta.mediaTime >= notBeforeS - 1e-6) {
				presentedS = meta.mediaTime;
				settle();
			} else watch(); // a frame presented on the way, not the one sought
		});
	watch();
	const seeked = waitFor(video, 'seeked', `seeking to ${timeS.toFixed(3)} s`, signal);
	video.currentTime = timeS;
	await seeked;
	let timer: ReturnType<typeof setTimeout> | undefined;
	await Promise.race([presented, new Promise<void>((resolve) => (timer = setTimeout(resolve, PRESENT_TIMEOUT_MS)))]);
	clearTimeout(timer);
	return presentedS;
}

/** The end of what can be sought to, in seconds (0 when nothing can). */
function seekableEnd(video: HTMLVideoElement): number {
	const ranges = video.seekable;
	return ranges.length ? ranges.end(ranges.length - 1) : 0;
}

export async function openSteppedVideo(video: HTMLVideoElement, src: string, signal?: AbortSignal): Promise<SteppedVideo> {
	video.muted = true;
	video.playsInline = true;
	video.loop = false;
	video.autoplay = false; // a playing video moves on between seeks
	video.preload = 'auto';
	video.pause();
	video.srcObject = null; // a camera stream left on the element would take precedence over src
	const loaded = waitFor(video, 'loadeddata', 'opening the video', signal, 60_000);
	video.src = src;
	await loaded;
	if (!Number.isFinite(video.duration)) {
		// No duration in the file (MediaRecorder WebM): seeking far past the end makes the browser find it.
		await seek(video, 1e7, 0, signal).catch((e: unknown) => {
			if (e instanceof EngineError && e.code === 'aborted') throw e;
		});
		if (!Number.isFinite(video.duration) || video.duration <= 0) throw unplayable('the video does not say how long it is, and its end could not be found');
	}
	const durationS = video.duration;
	let lastPresentedS = -Infinity;
	let unconfirmed = 0;
	if (seekableEnd(video) < durationS - 0.05) {
		throw unplayable(`the video cannot be stepped through: only ${seekableEnd(video).toFixed(2)} s of ${durationS.toFixed(2)} s can be sought (its source does not answer byte-range requests)`);
	}
	if (video.videoWidth === 0 || video.videoHeight === 0) throw unplayable('the file has no picture');
	const size = cappedSize(video.videoWidth, video.videoHeight);
	const frameAt = async (timeS: number, s?: AbortSignal): Promise<RecordingFrame> => {
		if (video.currentTime !== timeS || video.seeking) {
			const presentedS = await seek(video, timeS, lastPresentedS, s);
			if (presentedS === null) unconfirmed++;
			else lastPresentedS = presentedS;
		}
		// A seek the browser could not honour (clamped, or to another time) would label one frame with another's time.
		if (Math.abs(video.currentTime - timeS) > 1e-3) throw unplayable(`a seek to ${timeS.toFixed(3)} s landed at ${video.currentTime.toFixed(3)} s`);
		const bitmap = await createImageBitmap(video, size.width === video.videoWidth ? {} : { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
		return { t: timeS, picture: bitmap };
	};
	return {
		kind: 'seeked',
		video,
		durationS,
		width: size.width,
		height: size.height,
		get unconfirmed() {
			return unconfirmed;
		},
		frameAt,
		async *frames(times, s) {
			for (const t of times) yield await frameAt(t, s);
		},
		close() {
			video.pause();
			video.removeAttribute('src');
			video.load();
		}
	};
}
