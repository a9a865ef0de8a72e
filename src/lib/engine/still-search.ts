/**
 * Finding a person in a still photo that MediaPipe's person detector misses on the whole image.
 *
 * The detector (BlazePose's, on a 224×224 letterboxed copy of the input) misses people who bow with the head
 * down, crowds of small people, people seen from above. On real bowing photos it found nobody in 15 of 104 at
 * detection confidence 0.2; the same landmarker on a mirrored copy or on a zoomed-in crop found a person in
 * every one of those 15. So a still is searched view by view:
 *
 * 1. the whole image. If it finds anyone, that is the answer, unchanged: ordinary photos cost one inference.
 * 2. otherwise the mirrored whole image, then 5 crops (centre, then the four corners), and the answer is the
 *    most prominent person any of them found (largest landmark bounding box inside the photo; within 2%, the
 *    earlier view wins). Not the first hit: a crop can find a background person or a person cut by its edge (the
 *    landmarks beyond the edge are guesses), while another view sees the main subject whole; the largest
 *    skeleton is the best guess at the main subject. The cost is bounded (at most 6 extra inferences, and only
 *    on photos that found nobody).
 *
 * Crops: the short side of a window is 60% of the image's short side (a 1.67× zoom); its long side is as long,
 * or 40% of the image's long side if that is more. So on ordinary photos the windows are square, which is what
 * the detector's square input uses best (a wide window would be letterboxed and the people in it shrunk again),
 * and on very elongated images (a 1:3 portrait strip) windows still overlap along the long side: centre and
 * corners cover every line through the image, and the windows overlap, so a person cut by one window's edge is
 * whole in another more often than not. On the 15 missed bowing photos, 60%×60% windows missed one wide crowd
 * photo that these windows find.
 *
 * Mapping back: landmarks come back normalised to the view. A crop maps x, y by its offset and size; z is on
 * the scale of x, so it scales like x. The mirrored view flips x (x → 1 − x) and swaps left and right: MediaPipe
 * names sides by how the person looks, so the mirrored person's "left wrist" is the real right wrist. World
 * landmarks (metres, hip-centred) do not change for a crop; mirrored, x is negated and sides swapped.
 *
 * Pure: no DOM, tested in Node. The worker draws the views and runs MediaPipe.
 */
import type { Landmark, PersonPose, WorldLandmark } from '$lib/pose/types';

export type StillViewKind = 'whole' | 'mirrored' | 'crop';

/** One view of a still: a rectangle of the image in pixels, optionally mirrored left-right. */
export interface StillView {
	kind: StillViewKind;
	x: number;
	y: number;
	width: number;
	height: number;
	mirrored: boolean;
}

/** Which landmarks are the same body part on the other side (MediaPipe's 33 pose landmarks; 0, the nose, has none). */
export const MIRROR_PAIRS: ReadonlyArray<readonly [number, number]> = [
	[1, 4],
	[2, 5],
	[3, 6],
	[7, 8],
	[9, 10],
	[11, 12],
	[13, 14],
	[15, 16],
	[17, 18],
	[19, 20],
	[21, 22],
	[23, 24],
	[25, 26],
	[27, 28],
	[29, 30],
	[31, 32]
];

const OTHER_SIDE: readonly number[] = (() => {
	const map = Array.from({ length: 33 }, (_, i) => i);
	for (const [a, b] of MIRROR_PAIRS) {
		map[a] = b;
		map[b] = a;
	}
	return map;
})();

/** Crop window: short side as a fraction of the image's short side. */
export const CROP_SHORT_FRACTION = 0.6;
/** Crop window: long side at least this fraction of the image's long side (keeps elongated images covered). */
export const CROP_LONG_MIN_FRACTION = 0.4;

/** Rounds to 5 decimals like toPoseFrame (plenty for pixels, keeps messages small). */
const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** The views to try, in order: whole, mirrored, then crops (centre, top-left, top-right, bottom-left, bottom-right). */
export function stillSearchPlan(width: number, height: number): StillView[] {
	const whole: StillView = { kind: 'whole', x: 0, y: 0, width, height, mirrored: false };
	const plan: StillView[] = [whole, { ...whole, kind: 'mirrored', mirrored: true }];
	const short = Math.min(width, height);
	const long = Math.max(width, height);
	const side = Math.max(1, Math.round(CROP_SHORT_FRACTION * short));
	const along = Math.min(long, Math.max(side, Math.round(CROP_LONG_MIN_FRACTION * long)));
	const cw = width >= height ? along : side;
	const ch = width >= height ? side : along;
	if (cw >= width && ch >= height) return plan; // too small to crop
	const seen = new Set<string>();
	for (const [fx, fy] of [
		[0.5, 0.5],
		[0, 0],
		[1, 0],
		[0, 1],
		[1, 1]
	]) {
		const x = Math.round((width - cw) * fx);
		const y = Math.round((height - ch) * fy);
		const key = `${x},${y}`;
		if (seen.has(key)) continue;
		seen.add(key);
		plan.push({ kind: 'crop', x, y, width: cw, height: ch, mirrored: false });
	}
	return plan;
}

/** The same list with left and right swapped (index i gets the landmark of its other-side partner). */
export function swapSides<T>(landmarks: ReadonlyArray<T>): T[] {
	return landmarks.map((own, i) => {
		const j = OTHER_SIDE[i] ?? i;
		return j < landmarks.length ? landmarks[j] : own;
	});
}

/** A landmark normalised to `view` → normalised to the whole image of `width`×`height` (no side swap). */
export function viewToImage(l: Landmark, view: StillView, width: number, height: number): Landmark {
	const u = view.mirrored ? 1 - l.x : l.x;
	const out: Landmark = {
		x: round((view.x + u * view.width) / width),
		y: round((view.y + l.y * view.height) / height)
	};
	if (l.z !== undefined) out.z = round((l.z * view.width) / width);
	if (l.visibility !== undefined) out.visibility = l.visibility;
	return out;
}

/** The inverse of viewToImage: where a point of the whole image appears in `view` (for tests and drawing). */
export function imageToView(l: Landmark, view: StillView, width: number, height: number): Landmark {
	const u = (l.x * width - view.x) / view.width;
	const out: Landmark = { x: view.mirrored ? 1 - u : u, y: (l.y * height - view.y) / view.height };
	if (l.z !== undefined) out.z = (l.z * width) / view.width;
	if (l.visibility !== undefined) out.visibility = l.visibility;
	return out;
}

function worldToImage(l: WorldLandmark, view: StillView): WorldLandmark {
	if (!view.mirrored) return l;
	const out: WorldLandmark = { x: l.x === 0 ? 0 : -l.x, y: l.y, z: l.z };
	if (l.visibility !== undefined) out.visibility = l.visibility;
	return out;
}

/** One person found in `view` (landmarks normalised to the view) → the same person in whole-image terms. */
export function mapPersonToImage(person: PersonPose, view: StillView, width: number, height: number): PersonPose {
	const landmarks = person.landmarks.map((l) => (l ? viewToImage(l, view, width, height) : null));
	const out: PersonPose = { landmarks: view.mirrored ? swapSides(landmarks) : landmarks };
	if (person.worldLandmarks) {
		const world = person.worldLandmarks.map((l) => (l ? worldToImage(l, view) : null));
		out.worldLandmarks = view.mirrored ? swapSides(world) : world;
	}
	return out;
}

/** Area in pixels² of the person's landmark bounding box, clipped to the image (guesses beyond it count for nothing). */
export function prominence(person: PersonPose, width: number, height: number): number {
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	for (const l of person.landmarks) {
		if (!l || !Number.isFinite(l.x) || !Number.isFinite(l.y)) continue;
		const x = Math.min(1, Math.max(0, l.x));
		const y = Math.min(1, Math.max(0, l.y));
		x0 = Math.min(x0, x);
		y0 = Math.min(y0, y);
		x1 = Math.max(x1, x);
		y1 = Math.max(y1, y);
	}
	if (x1 < x0 || y1 < y0) return 0;
	return (x1 - x0) * width * ((y1 - y0) * height);
}

/**
 * A later view's person must be this much larger to win: the same person found in two views gives boxes a
 * little different in size, and the earlier view (the mirror sees the whole image; the centre before corners)
 * is the better one to keep.
 */
export const TIE_MARGIN = 0.02;

export interface StillSearchResult {
	/** People in whole-image terms, most prominent first (as found, when the whole image found them). */
	people: PersonPose[];
	/** The view they were found in; the whole image when nobody was found anywhere. */
	view: StillView;
	/** How many views were run (inferences). */
	viewsTried: number;
}

/**
 * Runs the plan: `detect` gets a view and returns the people found in it, landmarks normalised to that view.
 * The whole image's people are returned as they are; otherwise every other view is tried and the view holding
 * the most prominent person wins (its people, most prominent first).
 */
export function searchStill(width: number, height: number, detect: (view: StillView) => PersonPose[]): StillSearchResult {
	const plan = stillSearchPlan(width, height);
	const whole = plan[0];
	const first = detect(whole);
	if (first.length > 0) return { people: first, view: whole, viewsTried: 1 };
	let best: { people: PersonPose[]; view: StillView; score: number } | null = null;
	for (const view of plan.slice(1)) {
		const found = detect(view);
		if (found.length === 0) continue;
		const ranked = found
			.map((p) => mapPersonToImage(p, view, width, height))
			.map((p) => ({ p, score: prominence(p, width, height) }))
			.sort((a, b) => b.score - a.score);
		if (!best || ranked[0].score > best.score * (1 + TIE_MARGIN)) best = { people: ranked.map((r) => r.p), view, score: ranked[0].score };
	}
	return best ? { people: best.people, view: best.view, viewsTried: plan.length } : { people: [], view: whole, viewsTried: plan.length };
}
