/**
 * Test media made at test time from the Debian photos that scripts/test-setup.sh extracted: still photos as
 * Chromium fake-camera feeds (y4m); moving videos are in test-motion.ts. Nothing large is committed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const PHOTOS = join(ROOT, '.cache/photos');
export const MEDIA = join(ROOT, '.cache/media');

/** Where the person stands in each photo, as a fraction of the 640x480 feed (measured by eye, with margin). */
export const PERSON_BOX = {
	// person.jpg (640x424) padded at the bottom to 640x480: the hiker in blue.
	'person.jpg': { left: 0.27, right: 0.46, top: 0.17, bottom: 0.82 },
	// basketball1.png: the man holding the ball on the left.
	'basketball1.png': { left: 0.03, right: 0.3, top: 0.12, bottom: 1.0 }
} as const;

export type Photo = keyof typeof PERSON_BOX;

export function photoPath(name: string): string {
	const path = join(PHOTOS, name);
	if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run test:setup" first`);
	return path;
}

function ffmpeg(args: string[]): void {
	execFileSync('ffmpeg', ['-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// Pad to 640x480 at the top-left so the photo's own coordinates carry over unchanged.
const TO_VGA = 'scale=640:-2,pad=640:480:0:0,format=yuv420p';

/** A 2-second y4m of the photo for --use-file-for-fake-video-capture (Chromium loops it). */
export function fakeCameraFeed(photo: Photo): string {
	mkdirSync(MEDIA, { recursive: true });
	const out = join(MEDIA, `${photo}.y4m`);
	if (!existsSync(out)) ffmpeg(['-loop', '1', '-i', photoPath(photo), '-vf', TO_VGA, '-t', '2', '-r', '15', out]);
	return out;
}
