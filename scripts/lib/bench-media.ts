/**
 * Feeds for the benchmarks, made at bench time from the Debian photos (scripts/test-setup.sh) with ffmpeg:
 *
 * - 30 fps fake-camera y4m files (test-media.ts's feeds are 15 fps, slower than the worker on a fast machine, so
 *   the camera would cap the throughput being measured);
 * - a desk scene: astronaut.png (python3-skimage), a head-and-shoulders portrait sitting upright, and the same
 *   picture "slouched": the rows between the chin and the shoulders cut out, so the head sinks towards the
 *   shoulders (ears-above-shoulders over shoulder width drops, the front-view slump cue in
 *   src/lib/features/neck-height.ts). The still classifier calls the first upright (0.79)
 *   and the second slouched (0.87).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { MEDIA, photoPath } from './test-media';

/** `desk-slouch-<rows>`: the desk picture with that many rows cut under the chin (a slump on its way down). */
export type BenchScene = 'basketball1' | 'person' | 'desk-upright' | 'desk-slouched' | `desk-slouch-${number}` | 'desk-empty';

function ffmpeg(args: string[]): void {
	execFileSync('ffmpeg', ['-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Rows of astronaut.png (512x512) cut out to lower the head: from just under the chin, this many. */
const CHIN_Y = 190;
export const SLOUCH_ROWS = 60;

/** The frames of a slump from upright to `desk-slouched`, `steps` of them (the last one fully slouched). */
export function slouchSteps(steps: number): BenchScene[] {
	return Array.from({ length: steps }, (_, i) => `desk-slouch-${Math.round((SLOUCH_ROWS * (i + 1)) / steps)}` as BenchScene);
}

/** The filter graph turning a source photo into the scene, 640x480 (the photo's coordinates as in test-media). */
function sceneFilter(scene: BenchScene): { photo: string; filter: string } {
	if (scene === 'basketball1') return { photo: 'basketball1.png', filter: '[0]scale=640:-2,pad=640:480:0:0,format=yuv420p[out]' };
	// darknet's person.jpg: one person (with a dog and a horse), whole body, standing.
	if (scene === 'person') return { photo: 'person.jpg', filter: '[0]scale=640:-2,pad=640:480:0:0,format=yuv420p[out]' };
	// Nobody in front of the camera: the office wall between the two players of basketball1.png (a door frame, a sign).
	if (scene === 'desk-empty') return { photo: 'basketball1.png', filter: '[0]crop=240:180:190:40,scale=640:480,format=yuv420p[out]' };
	// The 512x512 portrait scaled to 640 wide, its top 480 rows (head, shoulders and chest, as a webcam sees them).
	const fit = 'scale=640:640,crop=640:480:0:0,format=yuv420p[out]';
	const cut = scene === 'desk-slouched' ? SLOUCH_ROWS : scene === 'desk-upright' ? 0 : Number(scene.slice('desk-slouch-'.length));
	if (!Number.isInteger(cut) || cut < 0 || cut > 120) throw new Error(`unknown bench scene ${scene}`);
	if (cut === 0) return { photo: 'astronaut.png', filter: `[0]${fit}` };
	// The top strip of background stretched over the gap left above the head.
	return {
		photo: 'astronaut.png',
		filter:
			`[0]split=3[a][b][c];[a]crop=512:12:0:0,scale=512:${cut}[top];[b]crop=512:${CHIN_Y}:0:0[head];` +
			`[c]crop=512:${512 - CHIN_Y - cut}:0:${CHIN_Y + cut}[body];[top][head][body]vstack=3,${fit}`
	};
}

/** A y4m of the scene at `fps` for --use-file-for-fake-video-capture (Chromium loops it). */
export function benchFeed(scene: BenchScene, fps = 30): string {
	mkdirSync(MEDIA, { recursive: true });
	const out = join(MEDIA, `bench-${scene}-${fps}fps.y4m`);
	if (!existsSync(out)) {
		const { photo, filter } = sceneFilter(scene);
		ffmpeg(['-loop', '1', '-i', photoPath(photo), '-filter_complex', filter, '-map', '[out]', '-t', '2', '-r', String(fps), out]);
	}
	return out;
}

/** The scene as a PNG (the latency run draws these on a canvas that stands in for the camera). */
export function benchStill(scene: BenchScene): string {
	mkdirSync(MEDIA, { recursive: true });
	const out = join(MEDIA, `bench-${scene}.png`);
	if (!existsSync(out)) {
		const { photo, filter } = sceneFilter(scene);
		ffmpeg(['-i', photoPath(photo), '-filter_complex', filter.replace(',format=yuv420p[out]', '[out]'), '-map', '[out]', '-frames:v', '1', out]);
	}
	return out;
}

/** Recordings for the offline-analysis figure: a person filmed while the camera pans and tilts (nothing stands still). */
export type BenchClip = 'h264-720p' | 'vp8-480p';

/**
 * `seconds` of person.jpg seen through a window that pans (8 s period) and tilts (5 s) across it, 30 fps:
 * h264-720p as phones and editors make them (H.264, 1280x720, a keyframe every 2 s), vp8-480p as a webcam
 * recording in the browser would be (VP8 WebM, 640x480). The person stays whole in the picture throughout.
 */
export function benchVideo(clip: BenchClip, seconds = 20, fps = 30): string {
	mkdirSync(MEDIA, { recursive: true });
	const ext = clip === 'h264-720p' ? 'mp4' : 'webm';
	const out = join(MEDIA, `bench-${clip}-${seconds}s-${fps}fps.${ext}`);
	if (existsSync(out)) return out;
	// The photo 900 rows high on a canvas 640 px wider, a 1280x720 window moving over it; 480p scales that down.
	const move = `scale=-2:900,pad=iw+640:900:320:0,crop=1280:720:x='300*(1-cos(2*PI*t/8))':y='90+90*sin(2*PI*t/5)'`;
	const size = clip === 'h264-720p' ? '' : ',scale=640:360,pad=640:480:0:60';
	const codec =
		clip === 'h264-720p'
			? ['-c:v', 'libx264', '-preset', 'veryfast', '-g', String(fps * 2), '-movflags', '+faststart']
			: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '1M'];
	const tmp = `${out}.part.${ext}`;
	ffmpeg(['-loop', '1', '-framerate', String(fps), '-i', photoPath('person.jpg'), '-vf', `${move}${size},format=yuv420p`, '-t', String(seconds), '-r', String(fps), ...codec, tmp]);
	renameSync(tmp, out);
	return out;
}
