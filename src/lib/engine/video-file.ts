/** A video file as a frame source, so that files go through the same pipeline as the camera. */
import { EngineError } from './errors';

export interface VideoFileSource {
	video: HTMLVideoElement;
	track: MediaStreamTrack;
	close(): void;
}

/** Plays `file` (muted, once) in `video` and returns its video track via captureStream. */
export async function openVideoFile(file: Blob, video: HTMLVideoElement): Promise<VideoFileSource> {
	const url = URL.createObjectURL(file);
	video.muted = true;
	video.playsInline = true;
	video.loop = false;
	video.src = url;
	try {
		await new Promise<void>((resolve, reject) => {
			video.onloadeddata = () => resolve();
			video.onerror = () => reject(new Error(video.error?.message || 'the browser cannot decode this file'));
		});
		await video.play();
	} catch (e) {
		URL.revokeObjectURL(url);
		throw new EngineError({ code: 'video-unplayable', detail: e instanceof Error ? e.message : String(e) });
	}
	const capture = (video as HTMLVideoElement & { captureStream(): MediaStream }).captureStream();
	const track = capture.getVideoTracks()[0];
	if (!track) {
		URL.revokeObjectURL(url);
		throw new EngineError({ code: 'video-unplayable', detail: 'the file has no video track' });
	}
	return {
		video,
		track,
		close() {
			track.stop();
			video.pause();
			video.removeAttribute('src');
			video.load();
			URL.revokeObjectURL(url);
		}
	};
}
