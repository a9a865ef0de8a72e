/**
 * Pinhole camera: projects a skeleton to MediaPipe-style image landmarks (x, y in 0..1 of the
 * frame, z relative depth on x's scale, visibility) and world landmarks (metres, origin between
 * the hips, camera-aligned axes with y down), as the pose engine would report them.
 */
import { LM, LANDMARK_COUNT } from '../pose/landmarks';
import type { Landmark, WorldLandmark } from '../pose/types';
import type { Skeleton } from './kinematics';
import {
	apply,
	rotY,
	vadd,
	vcross,
	vdot,
	vlen,
	vnorm,
	vscale,
	vsub,
	DEG,
	type Rng,
	type V3
} from './math';

export interface Camera {
	position: V3;
	/** Unit axes of the camera in world coordinates: image right, image down, viewing direction. */
	right: V3;
	down: V3;
	forward: V3;
	/** Focal length in pixels. */
	focal: number;
	width: number;
	height: number;
}

export interface CameraSpec {
	/**
	 * Where the camera stands around the person, degrees: 0 in front, 90 at the person's left,
	 * -90 at their right, 45 a three-quarter view, 180 behind.
	 */
	view: number;
	/** Camera elevation seen from the target, degrees: + above looking down, - below looking up. */
	pitch?: number;
	/** Metres from the target; default: frame the whole body with `fill`. */
	distance?: number;
	/** Fraction of the frame's height (or width) the body should fill when distance is automatic. */
	fill?: number;
	/** World point the camera looks at; default: the middle of the skeleton's bounding box. */
	target?: V3;
	/** Horizontal field of view in degrees (laptop webcams ~60-70). */
	fovDeg?: number;
	width?: number;
	height?: number;
}

const WORLD_UP: V3 = [0, 1, 0];

/** Middle of the skeleton's bounding box. */
export function centreOf(points: readonly V3[]): V3 {
	const lo: V3 = [Infinity, Infinity, Infinity];
	const hi: V3 = [-Infinity, -Infinity, -Infinity];
	for (const p of points)
		for (let k = 0; k < 3; k++) {
			lo[k] = Math.min(lo[k], p[k]);
			hi[k] = Math.max(hi[k], p[k]);
		}
	return [(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2];
}

/** A camera placed around a person whose body faces `headingYawDeg` (the root's yaw). */
export function makeCamera(sk: Skeleton, headingYawDeg: number, spec: CameraSpec): Camera {
	const width = spec.width ?? 640;
	const height = spec.height ?? 480;
	const fov = spec.fovDeg ?? 65;
	const focal = width / 2 / Math.tan((fov * DEG) / 2);
	const target = spec.target ?? centreOf(sk.points);
	const pitch = (spec.pitch ?? 0) * DEG;
	const dirH = apply(rotY(headingYawDeg + spec.view), [0, 0, 1]);
	const dir: V3 = vadd(vscale(dirH, Math.cos(pitch)), vscale(WORLD_UP, Math.sin(pitch)));
	let distance = spec.distance;
	if (distance === undefined) {
		// Fit the body: every point within `fill` of the half-frame at the target's depth.
		const fill = spec.fill ?? 0.8;
		const half = Math.min(width, height) / 2 / focal;
		let ext = 0;
		for (const p of sk.points) {
			const d = vsub(p, target);
			ext = Math.max(ext, vlen(vsub(d, vscale(dir, vdot(d, dir)))));
		}
		distance = ext / (half * fill) + 0.3;
	}
	const position = vadd(target, vscale(dir, distance));
	const forward = vnorm(vsub(target, position));
	const right = vnorm(vcross(forward, WORLD_UP));
	const down = vcross(forward, right);
	return { position, right, down, forward, focal, width, height };
}

export interface Rendered {
	landmarks: Landmark[];
	worldLandmarks: WorldLandmark[];
	width: number;
	height: number;
}

/** Landmarks on the body's left side (far side when the left points away from the camera). */
const LEFT = new Set<number>([1, 2, 3, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31]);
const RIGHT = new Set<number>([4, 5, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32]);
const HANDS = new Set<number>([15, 16, 17, 18, 19, 20, 21, 22]);
/** Trunk-side points are hidden less than limbs when on the far side. */
const CORE = new Set<number>([
	LM.leftShoulder,
	LM.rightShoulder,
	LM.leftHip,
	LM.rightHip,
	LM.leftEar,
	LM.rightEar,
	LM.leftEyeInner,
	LM.rightEyeInner,
	LM.mouthLeft,
	LM.mouthRight
]);

/**
 * Projects the skeleton. Visibility imitates the pose model: ~0.95 for seen points, lower for the
 * far side's limbs when the body is turned away (side views), ~0.05 outside the frame.
 */
export function project(sk: Skeleton, cam: Camera, r?: Rng): Rendered {
	const toCam = (p: V3): V3 => {
		const d = vsub(p, cam.position);
		return [vdot(d, cam.right), vdot(d, cam.down), vdot(d, cam.forward)];
	};
	const cp = sk.points.map(toCam);
	const hip: V3 = vscale(vadd(cp[LM.leftHip], cp[LM.rightHip]), 0.5);
	const hipDepth = Math.max(hip[2], 0.05);
	// The person's left axis in camera coordinates: +z means the left side faces away.
	const leftAxis = apply(sk.chest, [1, 0, 0]);
	const leftAway = vdot(leftAxis, cam.forward);
	const jitter = () => (r ? r.normal(0, 0.03) : 0);
	// Hands behind the trunk (e.g. on the lower back, seen from the front) are hidden: the line of
	// sight to them passes through the trunk, a cylinder of radius ~0.11 m (at 1.72 m) around the
	// mid-hip to mid-shoulder segment.
	const hipC = vscale(vadd(cp[LM.leftHip], cp[LM.rightHip]), 0.5);
	const shC = vscale(vadd(cp[LM.leftShoulder], cp[LM.rightShoulder]), 0.5);
	const radius = 0.11 * (vlen(vsub(shC, hipC)) / 0.5);
	const behind = (i: number) => {
		const p = cp[i];
		// Closest approach between the sight segment (origin to p) and the trunk segment.
		let best = Infinity;
		let bestDepth = 0;
		for (let k = 0; k <= 20; k++) {
			const q = vadd(hipC, vscale(vsub(shC, hipC), k / 20));
			const u = Math.max(0, Math.min(1, vdot(q, p) / vdot(p, p)));
			const d = vlen(vsub(vscale(p, u), q));
			if (d < best) [best, bestDepth] = [d, u];
		}
		return best < radius && bestDepth < 1 - 0.03 / vlen(p);
	};
	const landmarks: Landmark[] = [];
	const worldLandmarks: WorldLandmark[] = [];
	for (let i = 0; i < LANDMARK_COUNT; i++) {
		const c = cp[i];
		const depth = Math.max(c[2], 0.05);
		const x = (cam.focal * c[0]) / depth / cam.width + 0.5;
		const y = (cam.focal * c[1]) / depth / cam.height + 0.5;
		const z = ((c[2] - hip[2]) * cam.focal) / hipDepth / cam.width;
		const away = LEFT.has(i) ? leftAway : RIGHT.has(i) ? -leftAway : 0;
		// Far side hidden behind the body from ~60 degrees of turn (away > 0.5) onward.
		const hidden = Math.max(0, Math.min(1, (away - 0.5) / 0.45));
		let vis = 0.97 - hidden * (CORE.has(i) ? 0.3 : 0.55) + jitter();
		if (HANDS.has(i) && behind(i)) vis = Math.min(vis, r ? r.uniform(0.1, 0.45) : 0.3);
		if (x < 0 || x > 1 || y < 0 || y > 1) vis = r ? r.uniform(0, 0.1) : 0.05;
		landmarks.push({ x, y, z, visibility: Math.max(0, Math.min(1, vis)) });
		worldLandmarks.push({
			x: c[0] - hip[0],
			y: c[1] - hip[1],
			z: c[2] - hip[2],
			visibility: Math.max(0, Math.min(1, vis))
		});
	}
	return { landmarks, worldLandmarks, width: cam.width, height: cam.height };
}
