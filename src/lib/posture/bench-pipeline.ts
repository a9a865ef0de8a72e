/**
 * Cost of the whole posture pipeline per frame (tracking, still classifier, calibration, temporal
 * layer, workout context) on generated frames: a desk session (head and shoulders, calibrated)
 * and a full-body session with a passer-by. `npm run bench` prints the result.
 */
import type { PersonPose, PoseFrame } from '../pose/types';
import { fixturePerson } from '../tracking/fixture';
import { calibrate } from '../calibration/calibrate';
import { createPosturePipeline } from './pipeline';

export interface PipelineBench {
	frames: number;
	/** µs per frame, full-body frames, two people, uncalibrated. */
	usPerFrame: number;
	/** µs per frame, desk frames (head and shoulders), with a calibration. */
	calibratedUsPerFrame: number;
	/** µs per frame with `stills: true` (no temporal layer, no workout context). */
	stillsUsPerFrame: number;
}

function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32 - 0.5;
	};
}

function jitter(p: PersonPose, r: () => number, a = 0.003): PersonPose {
	return { landmarks: p.landmarks.map((l) => (l ? { ...l, x: l.x + r() * a, y: l.y + r() * a, z: (l.z ?? 0) + r() * a } : null)) };
}

function fullBodyFrames(n: number): PoseFrame[] {
	const r = rng(7);
	const aspect = 16 / 9;
	return Array.from({ length: n }, (_, i) => {
		const t = i * 33;
		const main = fixturePerson({ cx: 0.9, cy: 0.5, scale: 0.3, aspect, headDrop: 0.3 * (0.5 + 0.5 * Math.sin(t / 3000)) });
		const passer = fixturePerson({ cx: ((i % 300) / 300) * 1.8, cy: 0.45, scale: 0.15, aspect });
		return { t, people: [jitter(main, r), jitter(passer, r)], width: 1280, height: 720 };
	});
}

function deskFrames(n: number, t0 = 0): PoseFrame[] {
	const r = rng(11);
	const aspect = 4 / 3;
	return Array.from({ length: n }, (_, i) => {
		const t = t0 + i * 100;
		const p = fixturePerson({ cx: 0.67, cy: 0.95, scale: 0.42, aspect, upperBodyOnly: true, headDrop: 0.2 * (0.5 + 0.5 * Math.sin(t / 5000)) });
		return { t, people: [jitter(p, r)], width: 640, height: 480 };
	});
}

function time(frames: PoseFrame[], p: ReturnType<typeof createPosturePipeline>): number {
	// warm up (JIT), then time a fresh pass over everything
	for (const f of frames) p.update(f);
	p.reset();
	const t0 = performance.now();
	for (const f of frames) p.update(f);
	return ((performance.now() - t0) * 1000) / frames.length;
}

export function benchPipeline(opts: { frames?: number } = {}): PipelineBench {
	const n = opts.frames ?? 3000;
	const full = fullBodyFrames(n);
	const desk = deskFrames(n, 100000);
	const cal = calibrate(deskFrames(20));
	return {
		frames: n,
		usPerFrame: time(full, createPosturePipeline()),
		calibratedUsPerFrame: time(desk, createPosturePipeline({ calibration: cal })),
		stillsUsPerFrame: time(full, createPosturePipeline({ stills: true }))
	};
}
