/**
 * Time sequences: poses interpolated between keyframes, e.g. cobra repetitions for the coach.
 */
import type { PoseFrame } from '../pose/types';
import type { BodyDims } from './body';
import { makeCamera, project, type CameraSpec } from './camera';
import { forwardKinematics } from './kinematics';
import type { Rng } from './math';
import { addNoise, type NoiseSpec } from './noise';
import { lerpPose, type BodyPose } from './pose';

export interface Keyframe {
	/** Milliseconds from the start. */
	t: number;
	pose: BodyPose;
}

/** Smoothstep easing, so a movement starts and stops gently like a person's. */
const ease = (u: number) => u * u * (3 - 2 * u);

/**
 * Poses at `fps` from the first keyframe's time to the last one's, eased between keyframes.
 * Keyframes are sorted by time; one keyframe gives a single pose.
 */
export function sequence(keyframes: readonly Keyframe[], fps: number): Keyframe[] {
	if (!keyframes.length) return [];
	const ks = [...keyframes].sort((a, b) => a.t - b.t);
	const out: Keyframe[] = [];
	const dt = 1000 / fps;
	const end = ks[ks.length - 1].t;
	let k = 0;
	for (let t = ks[0].t; t <= end + 1e-6; t += dt) {
		while (k < ks.length - 2 && t > ks[k + 1].t) k++;
		const a = ks[k];
		const b = ks[Math.min(k + 1, ks.length - 1)];
		const span = b.t - a.t;
		const u = span > 0 ? Math.max(0, Math.min(1, (t - a.t) / span)) : 0;
		out.push({ t: Math.round(t * 1000) / 1000, pose: lerpPose(a.pose, b.pose, ease(u)) });
	}
	return out;
}

/**
 * Renders a sequence with one fixed camera (placed for the first pose) into pose frames, with
 * optional noise; `world` adds world landmarks as the engine reports them.
 */
export function renderSequence(
	body: BodyDims,
	frames: readonly Keyframe[],
	cam: CameraSpec,
	opts: { rng?: Rng; noise?: NoiseSpec; world?: boolean } = {}
): PoseFrame[] {
	if (!frames.length) return [];
	const sk0 = forwardKinematics(body, frames[0].pose);
	const camera = makeCamera(sk0, frames[0].pose.root.yaw, cam);
	return frames.map((f) => {
		let rendered = project(forwardKinematics(body, f.pose), camera, opts.rng);
		if (opts.rng && opts.noise) rendered = addNoise(rendered, opts.rng, opts.noise);
		const person = opts.world
			? { landmarks: rendered.landmarks, worldLandmarks: rendered.worldLandmarks }
			: { landmarks: rendered.landmarks };
		return { t: f.t, people: [person], width: rendered.width, height: rendered.height };
	});
}
