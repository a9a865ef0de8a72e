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

/** One lift of the chest in the cobra puppet: rises from `startS` over `riseS`, holds, lowers over `lowerS`. */
export interface PuppetLift {
	startS: number;
	riseS: number;
	holdS: number;
	lowerS: number;
	/** How far the trunk turns up from the floor, degrees (the photo's own trunk measure comes out a little higher). */
	liftDeg: number;
}

export interface CobraPuppet {
	seconds: number;
	fps: number;
	lifts: PuppetLift[];
}

/** Two lifts, the second higher: a set of cobra reps "a little higher each time", lying flat before, between and after. */
export const COBRA_PUPPET: CobraPuppet = {
	seconds: 12.5,
	fps: 15,
	lifts: [
		{ startS: 1.5, riseS: 1, holdS: 2.5, lowerS: 1, liftDeg: 22 },
		{ startS: 7, riseS: 1, holdS: 2.5, lowerS: 1, liftDeg: 35 }
	]
};

/**
 * A generated video of a person doing cobra, made from a real photo (the hiker in darknet's person.jpg, seen from
 * behind at 3/4): the photo is cut at the hips and both halves are laid down on a plain floor, face down, seen from
 * the side and a little above; the upper half turns up about the hips for each lift. A crude puppet, but MediaPipe
 * finds the person in it on every frame, lying face down with the hips down, and follows the chest up and down —
 * enough to put the whole app (worker, coach, page, history) through a recorded set whose reps are known.
 */
export function cobraPuppetVideo(puppet: CobraPuppet = COBRA_PUPPET): string {
	mkdirSync(MEDIA, { recursive: true });
	// Every number that shapes the clip is in its name: a cached clip is never another puppet's.
	const lifts = puppet.lifts.map((l) => `${l.startS}-${l.riseS}-${l.holdS}-${l.lowerS}-${l.liftDeg}`).join('_');
	const out = join(MEDIA, `cobra-puppet-${puppet.seconds}s${puppet.fps}-${lifts}.mp4`);
	if (existsSync(out)) return out;
	// The hips of the hiker in person.jpg (640x424), and a square about them big enough for head and feet.
	const [hipX, hipY, r] = [230, 240, 160];
	const bump = (l: PuppetLift) =>
		`${((l.liftDeg * Math.PI) / 180).toFixed(4)}*min(1,max(0,(t-${l.startS})/${l.riseS}))*min(1,max(0,(${l.startS + l.riseS + l.holdS + l.lowerS}-t)/${l.lowerS}))`;
	const lift = puppet.lifts.map(bump).join('+');
	const half = (keep: string) => `geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='if(${keep},255,0)'`;
	// ffmpeg's rotate turns clockwise: a quarter turn lays the standing body down head to the right, facing the floor.
	const graph = [
		`[0]crop=${2 * r}:${2 * r}:${hipX - r}:${hipY - r},format=rgba,split[u0][l0]`,
		`[u0]${half(`lt(Y,${r})`)},rotate=a='PI/2-(${lift})':c=none[u]`,
		`[l0]${half(`gte(Y,${r})`)},rotate=a=PI/2:c=none[l]`,
		`color=c=0x9c8f74:s=640x480:r=${puppet.fps}[floor]`,
		`[floor][l]overlay=x=${330 - r}:y=${330 - r}:shortest=1[legs]`,
		`[legs][u]overlay=x=${330 - r}:y=${330 - r}:shortest=1,format=yuv420p`
	].join(';');
	execFileSync(
		'ffmpeg',
		['-v', 'error', '-y', '-loop', '1', '-framerate', String(puppet.fps), '-i', photoPath('person.jpg'), '-filter_complex', graph, '-t', String(puppet.seconds), '-r', String(puppet.fps), '-c:v', 'libx264', '-preset', 'veryfast', '-g', String(puppet.fps * 2), '-movflags', '+faststart', out],
		{ stdio: ['ignore', 'ignore', 'inherit'] }
	);
	return out;
}
