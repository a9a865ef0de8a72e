/**
 * Edited and messy footage for the coach's tests: what tutorials and phone videos do to a take, as the
 * pose engine reports it. Each function takes frames (and, for a cut to another camera, the take's
 * keyframes) and returns new frames; the truth stays the take's.
 *
 * Measured on the real videos in ../shared/datasets (cobra-videos, dead-hang) through the app's
 * engine: a hard cut moves the whole skeleton between two frames; a crossfade gives a frame or two of
 * a skeleton half-way between the two shots, then the new shot; a title card or a shot of something
 * else finds nobody; a close-up of one body part reports that part large and the rest off the frame
 * (low visibility, outside 0..1); with two people side by side the engine often reports only one of
 * them in a frame, now one, now the other.
 */
import type { Landmark, PersonPose, PoseFrame } from '../pose/types';
import { LM, LANDMARK_COUNT } from '../pose/landmarks';
import type { BodyDims } from './body';
import type { Rng } from './math';
import type { Keyframe } from './sequence';
import type { BodyPose } from './pose';
import { renderTake, type RenderOptions } from './exercise-sequences';

/**
 * The take filmed by a second camera from `cutT` on (a cut to another view), with an optional
 * crossfade: for `fadeMs` around the cut the engine sees a skeleton between the two shots.
 */
export function cutToView(
	first: readonly PoseFrame[],
	body: BodyDims,
	keyframes: readonly Keyframe[],
	ref: BodyPose,
	cutT: number,
	second: RenderOptions,
	opts: { fadeMs?: number } = {}
): PoseFrame[] {
	const other = renderTake(body, keyframes, ref, second);
	const fade = opts.fadeMs ?? 0;
	return first.map((f, i) => {
		const g = other[i];
		if (!g || Math.abs(g.t - f.t) > 1) throw new Error('cutToView: both renders must share the frame times');
		if (fade > 0 && Math.abs(f.t - cutT) < fade / 2) {
			const u = (f.t - (cutT - fade / 2)) / fade;
			const a = f.people[0];
			const b = g.people[0];
			if (!a || !b) return u < 0.5 ? f : g;
			return { ...f, people: [{ landmarks: blend(a.landmarks, b.landmarks, u) }] };
		}
		return f.t < cutT ? f : g;
	});
}

function blend(a: PersonPose['landmarks'], b: PersonPose['landmarks'], u: number): Landmark[] {
	const out: Landmark[] = [];
	for (let i = 0; i < LANDMARK_COUNT; i++) {
		const p = a[i];
		const q = b[i];
		if (!p || !q) {
			out.push({ x: NaN, y: NaN, visibility: 0 });
			continue;
		}
		out.push({
			x: p.x + (q.x - p.x) * u,
			y: p.y + (q.y - p.y) * u,
			z: (p.z ?? 0) + ((q.z ?? 0) - (p.z ?? 0)) * u,
			visibility: Math.min(p.visibility ?? 1, q.visibility ?? 1)
		});
	}
	return out;
}

/**
 * The same camera re-framed between `fromT` and `toT`: the picture zoomed by `zoom` around the
 * image point `centre` and shifted by `shift` (frame units), as an editor's punch-in or a new
 * framing of the same shot. Points that leave the picture get the engine's off-frame visibility.
 */
export function reframe(
	frames: readonly PoseFrame[],
	fromT: number,
	toT: number,
	t: { zoom?: number; centre?: { x: number; y: number }; shift?: { x: number; y: number } },
	r?: Rng
): PoseFrame[] {
	const z = t.zoom ?? 1;
	const c = t.centre ?? { x: 0.5, y: 0.5 };
	const s = t.shift ?? { x: 0, y: 0 };
	return frames.map((f) => {
		if (f.t < fromT || f.t >= toT) return f;
		return {
			...f,
			people: f.people.map((p) => ({
				landmarks: p.landmarks.map((l) => {
					if (!l) return l;
					const x = (l.x - c.x) * z + 0.5 + s.x;
					const y = (l.y - c.y) * z + 0.5 + s.y;
					const out = x < 0 || x > 1 || y < 0 || y > 1;
					return { ...l, x, y, z: (l.z ?? 0) * z, visibility: out ? (r ? r.uniform(0, 0.1) : 0.05) : l.visibility };
				})
			}))
		};
	});
}

/** Body parts a close-up can show. */
export type CloseUpPart = 'head_shoulders' | 'upper_body' | 'legs';

const PART_POINTS: Record<CloseUpPart, number[]> = {
	head_shoulders: [LM.nose, LM.leftEar, LM.rightEar, LM.leftShoulder, LM.rightShoulder],
	upper_body: [LM.nose, LM.leftShoulder, LM.rightShoulder, LM.leftElbow, LM.rightElbow, LM.leftWrist, LM.rightWrist],
	legs: [LM.leftKnee, LM.rightKnee, LM.leftAnkle, LM.rightAnkle, LM.leftHeel, LM.rightHeel]
};

/**
 * A close-up of one body part between `fromT` and `toT`: the camera zooms onto the part's points so
 * that they fill ~70% of the picture; the rest of the body leaves the frame.
 */
export function closeUp(frames: readonly PoseFrame[], fromT: number, toT: number, part: CloseUpPart, r?: Rng): PoseFrame[] {
	const first = frames.find((f) => f.t >= fromT && f.people[0]);
	if (!first) return [...frames];
	const aspect = first.width && first.height ? first.width / first.height : 1;
	const pts = PART_POINTS[part].map((i) => first.people[0].landmarks[i]).filter((l): l is Landmark => !!l);
	const xs = pts.map((l) => l.x);
	const ys = pts.map((l) => l.y);
	const centre = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
	const extent = Math.max((Math.max(...xs) - Math.min(...xs)) * aspect, Math.max(...ys) - Math.min(...ys), 0.05);
	return reframe(frames, fromT, toT, { zoom: 0.7 / extent, centre }, r);
}

/** Nobody found between `fromT` and `toT` (a title card, a shot of something else). */
export function titleCard(frames: readonly PoseFrame[], fromT: number, toT: number): PoseFrame[] {
	return frames.map((f) => (f.t >= fromT && f.t < toT ? { ...f, people: [] } : f));
}

/**
 * Two takes filmed together (same frame times, same picture), `others` beside `main` in the picture
 * (shifted by `shiftX` frame widths). `detection`: 'both' reports both people in every frame;
 * 'alternating' reports, in a share `oneShare` of the frames, only one of them, picked at random (the
 * engine on the dead-hang video: 227 of 380 frames with one of the two men).
 */
export function twoPeople(
	main: readonly PoseFrame[],
	other: readonly PoseFrame[],
	opts: { shiftX: number; detection?: 'both' | 'alternating'; oneShare?: number; rng?: Rng }
): PoseFrame[] {
	const r = opts.rng;
	return main.map((f, i) => {
		const g = other[i];
		const o = g?.people[0];
		if (!o) return f;
		const shifted: PersonPose = { landmarks: o.landmarks.map((l) => (l ? { ...l, x: l.x + opts.shiftX } : l)) };
		const both = [...f.people, shifted];
		if (opts.detection !== 'alternating' || !r || !r.chance(opts.oneShare ?? 0.6)) return { ...f, people: both };
		return { ...f, people: [both[r.chance(0.5) ? 0 : both.length - 1]] };
	});
}

/**
 * What a long take from a real camera adds to the generator's jitter: runs of frames where nobody is
 * found (`dropouts` per minute, 100-600 ms each), frames whose landmarks the model is unsure of
 * (everything at low visibility, 200-800 ms), and single-frame misdetections (`glitches` per minute:
 * the skeleton shifted by up to a trunk length or the two sides swapped).
 */
export function realCameraFlaws(
	frames: readonly PoseFrame[],
	r: Rng,
	o: { dropoutsPerMin?: number; unsurePerMin?: number; glitchesPerMin?: number; from?: number; to?: number } = {}
): PoseFrame[] {
	const out = frames.map((f) => ({ ...f, people: [...f.people] }));
	if (!out.length) return out;
	const t0 = o.from ?? out[0].t;
	const t1 = o.to ?? out[out.length - 1].t;
	const minutes = Math.max(0, t1 - t0) / 60000;
	const spans = (perMin: number, lo: number, hi: number) => {
		const n = Math.round(perMin * minutes);
		const s: Array<[number, number]> = [];
		for (let k = 0; k < n; k++) {
			const a = r.uniform(t0, t1);
			s.push([a, a + r.uniform(lo, hi)]);
		}
		return s;
	};
	const inside = (t: number, s: Array<[number, number]>) => s.some(([a, b]) => t >= a && t < b);
	const drops = spans(o.dropoutsPerMin ?? 0, 100, 600);
	const unsure = spans(o.unsurePerMin ?? 0, 200, 800);
	const nGlitch = Math.round((o.glitchesPerMin ?? 0) * minutes);
	const glitchAt = new Set<number>();
	for (let k = 0; k < nGlitch; k++) {
		const t = r.uniform(t0, t1);
		let best = 0;
		for (let i = 0; i < out.length; i++) if (Math.abs(out[i].t - t) < Math.abs(out[best].t - t)) best = i;
		glitchAt.add(best);
	}
	return out.map((f, i) => {
		if (inside(f.t, drops)) return { ...f, people: [] };
		if (inside(f.t, unsure)) return { ...f, people: f.people.map((p) => ({ landmarks: p.landmarks.map((l) => (l ? { ...l, visibility: r.uniform(0.05, 0.45) } : l)) })) };
		if (glitchAt.has(i) && f.people[0]) {
			const p = f.people[0];
			const swap = r.chance(0.5);
			const dx = r.uniform(-0.15, 0.15);
			const dy = r.uniform(-0.1, 0.1);
			const lm = p.landmarks.map((l, j) => {
				const src = swap ? p.landmarks[mirrorIndex(j)] : l;
				return src ? { ...src, x: src.x + (swap ? 0 : dx), y: src.y + (swap ? 0 : dy) } : src;
			});
			return { ...f, people: [{ landmarks: lm }, ...f.people.slice(1)] };
		}
		return f;
	});
}

/** The landmark on the other side of the body (left <-> right), the nose itself. */
export function mirrorIndex(i: number): number {
	if (i === 0) return 0;
	if (i <= 10) return i <= 3 ? i + 3 : i <= 6 ? i - 3 : i % 2 ? i + 1 : i - 1;
	return i % 2 ? i + 1 : i - 1;
}
