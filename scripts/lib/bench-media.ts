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
import { existsSync, mkdirSync } from 'node:fs';
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
