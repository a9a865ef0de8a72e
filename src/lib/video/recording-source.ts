/**
 * Where the frames of a recording come from, for offline analysis. Two ways in, one interface:
 *
 * - decoded (decoded-recording.ts): the file is demuxed and decoded in order with WebCodecs, each frame once. Exact
 *   frames at any length of keyframe interval, and no dependence on a page's rendering (works in a hidden tab).
 * - seeked (stepped-video.ts): a <video> element sought frame by frame. For what the demuxer does not read; each seek
 *   decodes again from the last keyframe, so it slows down with long keyframe intervals.
 *
 * Either way each frame comes as a picture for the engine (a VideoFrame straight from the decoder where it can, else
 * an ImageBitmap), no larger than MAX_SIDE on its long side (the pose model looks at 256 px crops; a 4K picture only
 * costs copying).
 */
import { EngineError, failure } from '$lib/engine/errors';

export interface RecordingFrame {
	/** The sample time asked for, seconds. */
	t: number;
	/** The frame shown at `t`, or null when there is none (a time before the first frame). Taken by the engine. */
	picture: ImageBitmap | VideoFrame | null;
}

export interface RecordingSource {
	readonly kind: 'decoded' | 'seeked';
	readonly durationS: number;
	/** Size of the pictures handed out (the video's shape, capped at MAX_SIDE). */
	readonly width: number;
	readonly height: number;
	/** The frames at `times` (seconds, increasing), in order. */
	frames(times: readonly number[], signal?: AbortSignal): AsyncGenerator<RecordingFrame>;
	/** One frame again, out of order (to retry a frame after a crash). */
	frameAt(t: number, signal?: AbortSignal): Promise<RecordingFrame>;
	/** Seeks whose frame the browser never confirmed as presented (seeked source only; expected 0). */
	readonly unconfirmed: number;
	close(): void;
}

/** Longest side of a frame handed to the engine, px. */
export const MAX_SIDE = 960;

/** The size a `width` x `height` picture is handed to the engine at. */
export function cappedSize(width: number, height: number, maxSide = MAX_SIDE): { width: number; height: number } {
	const scale = Math.min(1, maxSide / Math.max(width, height));
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export const unplayable = (detail: string) => new EngineError(failure('video-unplayable', detail));
export const stopped = () => new EngineError(failure('aborted', 'the analysis was stopped'));

/**
 * Opens a recording (a File or Blob the person picked, or a URL the CLI serves): decoded when the demuxer reads it
 * and the browser can decode its video, else sought through a <video> element. `reader` insists on one way (tests
 * and the benchmark compare them).
 */
export async function openRecording(src: Blob | string, signal?: AbortSignal, opts: { reader?: RecordingSource['kind'] } = {}): Promise<RecordingSource> {
	if (opts.reader !== 'seeked') {
		const { openDecodedRecording } = await import('./decoded-recording');
		const decoded = await openDecodedRecording(src, signal);
		if (decoded) return decoded;
		if (opts.reader === 'decoded') throw unplayable('this file cannot be decoded here (its container or codec is not supported)');
	}
	const { openSteppedVideo } = await import('./stepped-video');
	const url = typeof src === 'string' ? src : URL.createObjectURL(src);
	try {
		const stepped = await openSteppedVideo(document.createElement('video'), url, signal);
		const close = stepped.close;
		return Object.assign(stepped, {
			close() {
				close();
				if (typeof src !== 'string') URL.revokeObjectURL(url);
			}
		});
	} catch (e) {
		if (typeof src !== 'string') URL.revokeObjectURL(url);
		throw e;
	}
}
