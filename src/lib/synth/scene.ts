/**
 * One call from "a random person in this pose, seen from there" to landmarks the classifier reads.
 */
import type { PersonPose } from '../pose/types';
import type { PostureLabel } from '../posture/types';
import { randomBody, type BodyDims } from './body';
import { makeCamera, project, type CameraSpec, type Rendered } from './camera';
import { forwardKinematics } from './kinematics';
import { LM } from '../pose/landmarks';
import { rng as makeRng, vadd, vscale, type Rng } from './math';
import { addNoise, dropLandmarks, type DropSpec, type NoiseSpec } from './noise';
import { PRESETS, type PresetName, type ViewName } from './presets';
import type { BodyPose } from './pose';

/** Camera yaw around the person for a named view, with a random side and a little jitter. */
export function viewYaw(view: ViewName, r: Rng): number {
	const side = r.chance(0.5) ? 1 : -1;
	const base = view === 'front' ? 0 : view === '45' ? 45 : 90;
	return side * base + r.normal(0, view === 'side' ? 5 : 7);
}

/** A random full-body camera: level-ish, 4:3, 16:9 or portrait, body filling 55-90%. */
export function randomCamera(view: ViewName, r: Rng): CameraSpec {
	const size = r.pick([
		[640, 480],
		[1280, 720],
		[720, 1280]
	] as const);
	return {
		view: viewYaw(view, r),
		pitch: r.uniform(-10, 12),
		fill: r.uniform(0.55, 0.9),
		fovDeg: r.uniform(55, 75),
		width: size[0],
		height: size[1]
	};
}

/**
 * A laptop webcam at a desk: in front (within ~15 degrees), a little below the eyes looking up,
 * 0.5-0.9 m from the face, so that the frame shows head and shoulders and the hips are off-screen.
 */
export function deskCamera(body: BodyDims, pose: BodyPose, r: Rng): CameraSpec {
	const sk = forwardKinematics(body, pose);
	const ears = vscale(vadd(sk.points[LM.leftEar], sk.points[LM.rightEar]), 0.5);
	const sh = vscale(vadd(sk.points[LM.leftShoulder], sk.points[LM.rightShoulder]), 0.5);
	const target = vadd(vscale(ears, 0.45), vscale(sh, 0.55));
	target[1] -= r.uniform(0.0, 0.06);
	const size = r.pick([
		[640, 480],
		[1280, 720]
	] as const);
	return {
		view: r.normal(0, 7),
		pitch: r.uniform(-15, 3),
		distance: r.uniform(0.55, 0.9),
		target,
		fovDeg: r.uniform(55, 75),
		width: size[0],
		height: size[1]
	};
}

export interface SceneSpec {
	preset: PresetName;
	view: ViewName | 'desk';
	seed?: number;
	rng?: Rng;
	body?: BodyDims;
	noise?: NoiseSpec | false;
	drop?: DropSpec | false;
	/** Keep world landmarks in the person (default false: most sources have image landmarks only). */
	world?: boolean;
}

export interface Scene {
	person: PersonPose;
	width: number;
	height: number;
	/** The label the classifier should give. */
	label: PostureLabel;
	pose: BodyPose;
	body: BodyDims;
	rendered: Rendered;
}

/** A random person in the preset, seen from the view, with noise and lost landmarks by default. */
export function scene(spec: SceneSpec): Scene {
	const r = spec.rng ?? makeRng(spec.seed ?? 1);
	const body = spec.body ?? randomBody(r);
	const preset = PRESETS[spec.preset];
	const pose = preset.make(r, body);
	const sk = forwardKinematics(body, pose);
	const cam = spec.view === 'desk' ? deskCamera(body, pose, r) : randomCamera(spec.view, r);
	let rendered = project(sk, makeCamera(sk, pose.root.yaw, cam), r);
	if (spec.noise !== false) rendered = addNoise(rendered, r, spec.noise || {});
	const dropped = spec.drop === false ? rendered : dropLandmarks(rendered, r, spec.drop || {});
	const person: PersonPose = { landmarks: dropped.landmarks };
	if (spec.world) person.worldLandmarks = dropped.worldLandmarks;
	return {
		person,
		width: rendered.width,
		height: rendered.height,
		label: preset.label,
		pose,
		body,
		rendered
	};
}
