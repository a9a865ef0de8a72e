/**
 * Issue 11, "Done when": `analyze --exercise cobra` on a clean side-view cobra — lying prone, the chest up at
 * about 6 s, held, down at about 36 s — counts exactly one rep and a hold of the right length. The video is
 * generated (the cobra puppet made from a Debian photo, scripts/lib/test-motion.ts) and goes through what a
 * user runs: the app's worker in Chromium, every frame at the video's own rate, then the coach.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from '@playwright/test';
import { ROOT } from './fixtures/media';
import { cobraPuppetVideo, type CobraPuppet } from '../../scripts/lib/test-motion';

const run = promisify(execFile);

/** 40 s at 10 frames a second: flat to 4.8 s, up by 6 s, held to 36 s, down by 37.5 s, flat to the end. */
const FORTY_SECONDS: CobraPuppet = { seconds: 40, fps: 10, lifts: [{ startS: 4.8, riseS: 1.2, holdS: 30, lowerS: 1.5, liftDeg: 40 }] };

test('analyze --exercise cobra on a 40-s clean cobra: exactly one rep, held about 30 s', async () => {
	test.setTimeout(600_000);
	const video = cobraPuppetVideo(FORTY_SECONDS);
	const { stdout } = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/analyze.ts'), '--exercise', 'cobra', video], {
		cwd: ROOT,
		timeout: 540_000,
		maxBuffer: 256 * 1024 * 1024
	});
	const lines = stdout
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as Record<string, unknown>);
	const frames = lines.filter((l) => 'landmarks' in l);
	expect(frames.length).toBe(400);
	// The picture moves: the lift read in the hold is well above the one read lying flat (every frame the first would
	// be flat; the puppet's flat trunk reads ~12 degrees, which the coach learns as the person's rest).
	const angleAt = (s: number) => (frames.find((f) => Math.abs((f.t as number) - s * 1000) < 60)?.coach as { angleDeg?: number } | undefined)?.angleDeg ?? null;
	const [flat, held, flatAgain] = [angleAt(3), angleAt(20), angleAt(39)];
	expect(flat).not.toBeNull();
	expect(flatAgain).not.toBeNull();
	expect(held! - flat!).toBeGreaterThan(20);
	expect(held! - flatAgain!).toBeGreaterThan(20);
	const reps = lines.filter((l) => l.event === 'rep');
	expect(reps, JSON.stringify(reps)).toHaveLength(1);
	const rep = reps[0] as { startT: number; t: number; holdS: number; peakDeg: number };
	// Up from about 5 s, down by about 37.5 s; the hold is the time at the top, 30 s give or take the eased ends.
	expect(rep.startT / 1000).toBeGreaterThan(4);
	expect(rep.startT / 1000).toBeLessThan(7);
	expect(rep.t / 1000).toBeGreaterThan(35.5);
	expect(rep.t / 1000).toBeLessThan(39);
	expect(rep.holdS).toBeGreaterThan(28);
	expect(rep.holdS).toBeLessThan(32);
});
