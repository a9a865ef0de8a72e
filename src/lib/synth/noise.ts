/**
 * Degrading rendered landmarks the way real pose estimates are degraded: jitter, lost points and
 * a frame that shows only the upper body.
 */
import type { Landmark, WorldLandmark } from '../pose/types';
import type { Rendered } from './camera';
import type { Rng } from './math';

export interface NoiseSpec {
	/**
	 * Standard deviation of x and y as a fraction of the person's height in the image (the pose
	 * model works on a crop of the person, so its errors scale with the person's size).
	 */
	xy?: number;
	/** Same for image z, the model's noisiest axis. */
	z?: number;
	/** Standard deviation of world coordinates, metres. */
	world?: number;
	/** Standard deviation of visibility. */
	vis?: number;
}

/**
 * Gaussian noise on every coordinate; poorly seen points (low visibility) get up to 3x more, as
 * the model's guesses for hidden limbs wander most.
 */
export function addNoise(f: Rendered, r: Rng, spec: NoiseSpec = {}): Rendered {
	// The person's extent in frame-height units (x is on the width's scale).
	const aspect = f.width / f.height;
	let lo = Infinity;
	let hi = -Infinity;
	let left = Infinity;
	let right = -Infinity;
	for (const l of f.landmarks) {
		// Only what the frame shows: a desk webcam's extrapolated legs do not make it noisier.
		if (l.x < 0 || l.x > 1 || l.y < 0 || l.y > 1) continue;
		lo = Math.min(lo, l.y);
		hi = Math.max(hi, l.y);
		left = Math.min(left, l.x * aspect);
		right = Math.max(right, l.x * aspect);
	}
	const size = Math.max(hi - lo, right - left, 0.05);
	const xy = (spec.xy ?? 0.008) * size;
	const zs = (spec.z ?? 0.03) * size;
	const ws = spec.world ?? 0.02;
	const vs = spec.vis ?? 0.04;
	const k = (v: number | undefined) => 1 + 2 * (1 - (v ?? 1));
	const landmarks = f.landmarks.map((l): Landmark => {
		const m = k(l.visibility);
		return {
			x: l.x + r.normal(0, (xy * m) / aspect),
			y: l.y + r.normal(0, xy * m),
			z: (l.z ?? 0) + r.normal(0, (zs * m) / aspect),
			visibility: clamp01((l.visibility ?? 1) + r.normal(0, vs))
		};
	});
	const worldLandmarks = f.worldLandmarks.map((l, i): WorldLandmark => {
		const m = k(l.visibility);
		return {
			x: l.x + r.normal(0, ws * m),
			y: l.y + r.normal(0, ws * m),
			z: l.z + r.normal(0, ws * 2 * m),
			visibility: landmarks[i].visibility
		};
	});
	return { ...f, landmarks, worldLandmarks };
}

export interface DropSpec {
	/** Probability that each landmark is lost. */
	p?: number;
	/** 'null': the landmark is absent; 'lowVis': present with visibility 0-0.3; 'mixed': either. */
	mode?: 'null' | 'lowVis' | 'mixed';
	/** Indices never dropped (e.g. to keep a test about something else meaningful). */
	keep?: readonly number[];
}

/**
 * Loses random landmarks. The result's `landmarks` may hold nulls, as PoseLandmarks allows.
 */
export function dropLandmarks(
	f: Rendered,
	r: Rng,
	spec: DropSpec = {}
): Omit<Rendered, 'landmarks' | 'worldLandmarks'> & {
	landmarks: Array<Landmark | null>;
	worldLandmarks: Array<WorldLandmark | null>;
} {
	const p = spec.p ?? 0.1;
	const mode = spec.mode ?? 'mixed';
	const keep = new Set(spec.keep ?? []);
	const landmarks: Array<Landmark | null> = [];
	const worldLandmarks: Array<WorldLandmark | null> = [];
	f.landmarks.forEach((l, i) => {
		const w = f.worldLandmarks[i] ?? null;
		if (keep.has(i) || !r.chance(p)) {
			landmarks.push(l);
			worldLandmarks.push(w);
			return;
		}
		const asNull = mode === 'null' || (mode === 'mixed' && r.chance(0.5));
		if (asNull) {
			landmarks.push(null);
			worldLandmarks.push(null);
		} else {
			const visibility = r.uniform(0, 0.3);
			landmarks.push({ ...l, visibility });
			worldLandmarks.push(w ? { ...w, visibility } : null);
		}
	});
	return { ...f, landmarks, worldLandmarks };
}

/**
 * Crops the frame to its top part, ending `below` frame units under the lower shoulder (a desk
 * webcam sees head and shoulders, hips off-screen). Points outside the crop keep their
 * (extrapolated) coordinates but get visibility ~0.05, as the pose model reports them.
 */
export function cropUpperBody(f: Rendered, below = 0.12): Rendered {
	const sy = Math.max(f.landmarks[11]?.y ?? 0.5, f.landmarks[12]?.y ?? 0.5);
	const cut = Math.min(1, Math.max(0.05, sy + below));
	const landmarks = f.landmarks.map((l): Landmark => {
		const y = l.y / cut;
		const out = y > 1 || y < 0 || l.x < 0 || l.x > 1;
		return { ...l, y, visibility: out ? Math.min(l.visibility ?? 1, 0.05) : l.visibility };
	});
	const worldLandmarks = f.worldLandmarks.map((w, i) => ({
		...w,
		visibility: landmarks[i].visibility
	}));
	return { ...f, landmarks, worldLandmarks, height: Math.round(f.height * cut) };
}

function clamp01(v: number): number {
	return Math.max(0, Math.min(1, v));
}
