/**
 * Videos for the browser: Chromium plays WebM, MP4 and Ogg. Other containers (AVI, Y4M, MKV, MPEG…) are first
 * converted to WebM with the machine's ffmpeg, into a temporary folder that is removed afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PLAYABLE = /\.(webm|mp4|m4v|ogv)$/i;

async function hasTool(tool: string): Promise<boolean> {
	try {
		await run(tool, ['-version']);
		return true;
	} catch {
		return false;
	}
}

/** The video's own frame rate from ffprobe, or null when ffprobe is missing or cannot tell. */
export async function probeFps(path: string): Promise<number | null> {
	if (!(await hasTool('ffprobe'))) return null;
	try {
		const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=avg_frame_rate,r_frame_rate', '-of', 'csv=p=0', path]);
		for (const field of stdout.trim().split(/[\n,]/)) {
			const [n, d] = field.split('/').map(Number);
			const fps = d ? n / d : n;
			if (Number.isFinite(fps) && fps > 0 && fps <= 240) return fps;
		}
	} catch {
		/* not a video ffprobe understands: the browser will say so */
	}
	return null;
}

export interface PlayableVideo {
	path: string;
	cleanup(): void;
}

export async function playableVideo(path: string): Promise<PlayableVideo> {
	if (PLAYABLE.test(path)) return { path, cleanup: () => undefined };
	if (!(await hasTool('ffmpeg'))) throw new Error(`${path}: this container needs ffmpeg to convert it (apt-get install ffmpeg), or give a WebM/MP4 file`);
	const dir = mkdtempSync(join(tmpdir(), 'backcheck-video-'));
	const out = join(dir, basename(path).replace(/\.[^.]+$/, '') + '.webm');
	try {
		await run('ffmpeg', ['-v', 'error', '-y', '-i', path, '-an', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '4M', out]);
	} catch (e) {
		rmSync(dir, { recursive: true, force: true });
		const stderr = (e as { stderr?: string }).stderr?.trim().split('\n').pop();
		throw new Error(`${path}: cannot be read as a video (${stderr || 'ffmpeg failed'})`);
	}
	return { path: out, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
