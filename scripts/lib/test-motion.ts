/**
 * A video whose picture moves, made at test time from a Debian photo: a 640x480 window panning across the photo
 * placed on a wider black canvas, so the person slides from right to left at a known speed. A test that checks only
 * timestamps passes when every frame analysed is the first one; landmarks that must follow this pan cannot.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MEDIA, photoPath, type Photo } from './test-media';

export interface Pan {
	/** The photo sits this far from the canvas's left edge (px); the window starts at 0. */
	photoOffsetPx: number;
	/** The window moves right this fast (px per second of video) until it reaches `maxShiftPx`. */
	pxPerS: number;
	maxShiftPx: number;
	seconds: number;
	fps: number;
}

export const PAN: Pan = { photoOffsetPx: 320, pxPerS: 100, maxShiftPx: 400, seconds: 4, fps: 10 };

/** Window offset (px) of the frame shown at time `tMs`: ffmpeg evaluates the crop at each frame's own time. */
export function panShiftPx(tMs: number, pan: Pan = PAN): number {
	const frameT = Math.floor((tMs / 1000) * pan.fps + 1e-6) / pan.fps;
	return Math.min(pan.maxShiftPx, frameT * pan.pxPerS);
}

/** How far (fraction of the 640 px frame) a point of the photo at `xInPhoto` (0..1 of 640 px) sits at time tMs. */
export function pannedX(xInPhoto: number, tMs: number, pan: Pan = PAN): number {
	return xInPhoto + (pan.photoOffsetPx - panShiftPx(tMs, pan)) / 640;
}

/** The panning clip as `ext` (webm: VP8; mp4: H.264 with a keyframe only every 2 s, as phones and editors make). */
export function panningVideo(photo: Photo, ext: 'webm' | 'mp4' = 'webm', pan: Pan = PAN): string {
	mkdirSync(MEDIA, { recursive: true });
	const out = join(MEDIA, `${photo}.pan${pan.pxPerS}.${ext}`);
	if (existsSync(out)) return out;
	const width = 640 + pan.maxShiftPx + pan.photoOffsetPx;
	const filter = `scale=640:-2,pad=640:480:0:0,pad=${width}:480:${pan.photoOffsetPx}:0,crop=640:480:x='min(${pan.maxShiftPx},t*${pan.pxPerS})':y=0,format=yuv420p`;
	const codec = ext === 'webm' ? ['-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '2M'] : ['-c:v', 'libx264', '-preset', 'veryfast', '-g', String(pan.fps * 2), '-movflags', '+faststart'];
	execFileSync('ffmpeg', ['-v', 'error', '-y', '-loop', '1', '-framerate', String(pan.fps), '-i', photoPath(photo), '-vf', filter, '-t', String(pan.seconds), '-r', String(pan.fps), ...codec, out], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return out;
}
