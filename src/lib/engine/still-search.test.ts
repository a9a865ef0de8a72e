import { describe, expect, it } from 'vitest';
import type { Landmark, PersonPose, WorldLandmark } from '$lib/pose/types';
import {
	imageToView,
	mapPersonToImage,
	MIRROR_PAIRS,
	prominence,
	searchStill,
	stillSearchPlan,
	swapSides,
	viewToImage,
	type StillView
} from './still-search';

/** A person whose landmark i sits at a distinct place, in whole-image terms. */
function person(cx: number, cy: number, size: number): PersonPose {
	const landmarks: Landmark[] = Array.from({ length: 33 }, (_, i) => ({
		x: cx + size * (((i * 7) % 11) / 10 - 0.5),
		y: cy + size * (((i * 5) % 13) / 12 - 0.5),
		z: (i - 16) / 100,
		visibility: 0.5 + i / 100
	}));
	const worldLandmarks: WorldLandmark[] = Array.from({ length: 33 }, (_, i) => ({ x: (i - 16) / 40, y: -i / 50, z: i / 60, visibility: 0.5 + i / 100 }));
	return { landmarks, worldLandmarks };
}

/** What the landmarker would report for `p` when shown `view` (the inverse mapping, sides swapped if mirrored). */
function seenIn(p: PersonPose, view: StillView, width: number, height: number): PersonPose {
	const landmarks = p.landmarks.map((l) => imageToView(l!, view, width, height));
	const world = p.worldLandmarks!.map((l) => (view.mirrored ? { ...l!, x: -l!.x } : l!));
	return { landmarks: view.mirrored ? swapSides(landmarks) : landmarks, worldLandmarks: view.mirrored ? swapSides(world) : world };
}

/** Whether the point (x, y) of the image, in pixels, lies inside the view's rectangle. */
const inside = (v: StillView, x: number, y: number) => x >= v.x && x <= v.x + v.width && y >= v.y && y <= v.y + v.height;

describe('stillSearchPlan', () => {
	it('tries the whole image, then its mirror, then the centre crop and the four corners', () => {
		const plan = stillSearchPlan(1000, 1000);
		expect(plan.map((v) => v.kind)).toEqual(['whole', 'mirrored', 'crop', 'crop', 'crop', 'crop', 'crop']);
		expect(plan[0]).toEqual({ kind: 'whole', x: 0, y: 0, width: 1000, height: 1000, mirrored: false });
		expect(plan[1]).toEqual({ kind: 'mirrored', x: 0, y: 0, width: 1000, height: 1000, mirrored: true });
		expect(plan.slice(2).map((v) => [v.x, v.y, v.width, v.height])).toEqual([
			[200, 200, 600, 600],
			[0, 0, 600, 600],
			[400, 0, 600, 600],
			[0, 400, 600, 600],
			[400, 400, 600, 600]
		]);
		expect(plan.slice(2).every((v) => !v.mirrored)).toBe(true);
	});

	it('uses square windows of 60% of the short side on ordinary photos, landscape or portrait', () => {
		for (const [w, h] of [
			[640, 480],
			[480, 640],
			[368, 232],
			[720, 1280]
		]) {
			const crops = stillSearchPlan(w, h).filter((v) => v.kind === 'crop');
			expect(crops).toHaveLength(5);
			const side = Math.round(0.6 * Math.min(w, h));
			const along = Math.max(side, Math.round(0.4 * Math.max(w, h)));
			for (const c of crops) {
				expect(Math.min(c.width, c.height)).toBe(side);
				expect(Math.max(c.width, c.height)).toBe(along);
				// the long side of the window is along the long side of the image
				if (w > h) expect(c.width).toBeGreaterThanOrEqual(c.height);
				else expect(c.height).toBeGreaterThanOrEqual(c.width);
				expect(c.x).toBeGreaterThanOrEqual(0);
				expect(c.y).toBeGreaterThanOrEqual(0);
				expect(c.x + c.width).toBeLessThanOrEqual(w);
				expect(c.y + c.height).toBeLessThanOrEqual(h);
			}
			// the four corners of the image are each in a crop, and so is its centre
			for (const [x, y] of [
				[0, 0],
				[w, 0],
				[0, h],
				[w, h],
				[w / 2, h / 2]
			])
				expect(crops.some((c) => inside(c, x, y))).toBe(true);
		}
	});

	it('lengthens windows on very elongated images so that consecutive windows still overlap along the long side', () => {
		const crops = stillSearchPlan(214, 677).filter((v) => v.kind === 'crop');
		expect(crops[0]).toMatchObject({ width: 128, height: 271 });
		// every row of the image is in some crop: the top, centre and bottom windows overlap
		for (let y = 0; y <= 677; y++) expect(crops.some((c) => y >= c.y && y <= c.y + c.height)).toBe(true);
		const [centre, top, , bottom] = crops;
		expect(top.y + top.height).toBeGreaterThan(centre.y);
		expect(centre.y + centre.height).toBeGreaterThan(bottom.y);
	});

	it('has at most 7 views, no duplicates, and no crops of a tiny image', () => {
		for (const [w, h] of [
			[1, 1],
			[2, 2],
			[3, 900],
			[4000, 3000]
		]) {
			const plan = stillSearchPlan(w, h);
			expect(plan.length).toBeLessThanOrEqual(7);
			const keys = plan.map((v) => JSON.stringify(v));
			expect(new Set(keys).size).toBe(keys.length);
			for (const c of plan) expect(c.width).toBeGreaterThan(0);
		}
		expect(stillSearchPlan(1, 1).map((v) => v.kind)).toEqual(['whole', 'mirrored']);
	});
});

describe('swapSides', () => {
	it('swaps each left landmark with its right partner and leaves the nose', () => {
		const ids = Array.from({ length: 33 }, (_, i) => i);
		const swapped = swapSides(ids);
		expect(swapped[0]).toBe(0);
		expect(swapped.slice(11, 17)).toEqual([12, 11, 14, 13, 16, 15]);
		expect(swapped.slice(23, 33)).toEqual([24, 23, 26, 25, 28, 27, 30, 29, 32, 31]);
		expect(swapped.slice(1, 11)).toEqual([4, 5, 6, 1, 2, 3, 8, 7, 10, 9]);
		expect(swapSides(swapped)).toEqual(ids);
	});

	it('pairs every landmark but the nose exactly once', () => {
		const all = MIRROR_PAIRS.flat().sort((a, b) => a - b);
		expect(all).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
	});

	it('keeps a missing landmark missing on its new side', () => {
		const ids: (number | null)[] = Array.from({ length: 33 }, (_, i) => i);
		ids[15] = null;
		const swapped = swapSides(ids);
		expect(swapped[16]).toBeNull();
		expect(swapped[15]).toBe(16);
	});
});

describe('mapping a view back to the image', () => {
	const W = 640;
	const H = 480;

	it('puts a crop landmark where it is in the image (pixels), z on the scale of x', () => {
		const crop: StillView = { kind: 'crop', x: 100, y: 50, width: 288, height: 288, mirrored: false };
		const l = viewToImage({ x: 0.5, y: 0.25, z: -0.2, visibility: 0.7 }, crop, W, H);
		// within the 5-decimal rounding of every landmark (1e-5 of the frame)
		expect(l.x * W).toBeCloseTo(100 + 144, 2);
		expect(l.y * H).toBeCloseTo(50 + 72, 2);
		expect(l.z! * W).toBeCloseTo(-0.2 * 288, 2); // z is in units of the view's width
		expect(l.visibility).toBe(0.7);
	});

	it('flips x for the mirrored view', () => {
		const mirrored = stillSearchPlan(W, H)[1];
		const l = viewToImage({ x: 0.2, y: 0.3, z: 0.1 }, mirrored, W, H);
		expect(l).toEqual({ x: 0.8, y: 0.3, z: 0.1 });
	});

	it('round-trips every view of the plan: a person seen in any view maps back onto itself', () => {
		const truth = person(0.45, 0.5, 0.3);
		for (const view of stillSearchPlan(W, H)) {
			const back = mapPersonToImage(seenIn(truth, view, W, H), view, W, H);
			for (let i = 0; i < 33; i++) {
				const a = back.landmarks[i]!;
				const b = truth.landmarks[i]!;
				expect(a.x).toBeCloseTo(b.x, 4);
				expect(a.y).toBeCloseTo(b.y, 4);
				expect(a.z).toBeCloseTo(b.z!, 4);
				expect(a.visibility).toBe(b.visibility);
				expect(back.worldLandmarks![i]).toEqual(truth.worldLandmarks![i]);
			}
		}
	});

	it('names sides by the real person after mirroring: the landmarker\'s left wrist in the mirror is the real right wrist', () => {
		// The real left wrist (15) is at the image's right (x 0.7), the right wrist (16) at its left (x 0.3).
		const mirrored = stillSearchPlan(W, H)[1];
		const seen: (Landmark | null)[] = Array.from({ length: 33 }, () => ({ x: 0.5, y: 0.5 }));
		// In the mirror the landmarker sees a person facing the other way: what it calls the left wrist is at 0.7 in
		// the mirrored view (0.3 in the image), which is the person's right wrist.
		seen[15] = { x: 0.7, y: 0.6 };
		seen[16] = { x: 0.3, y: 0.6 };
		const back = mapPersonToImage({ landmarks: seen }, mirrored, W, H).landmarks;
		expect(back[15]).toEqual({ x: 0.7, y: 0.6 });
		expect(back[16]).toEqual({ x: 0.3, y: 0.6 });
	});

	it('negates world x and swaps sides for the mirrored view, leaves world landmarks alone for a crop', () => {
		const world: WorldLandmark[] = Array.from({ length: 33 }, (_, i) => ({ x: i / 10, y: 0.5, z: 0.1 - i / 20 }));
		const pose: PersonPose = { landmarks: Array.from({ length: 33 }, () => ({ x: 0.5, y: 0.5 })), worldLandmarks: world };
		const [, mirrored, crop] = stillSearchPlan(W, H);
		const m = mapPersonToImage(pose, mirrored, W, H).worldLandmarks!;
		expect(m[11]).toEqual({ x: -1.2, y: 0.5, z: world[12].z });
		expect(m[12]).toEqual({ x: -1.1, y: 0.5, z: world[11].z });
		expect(m[0]).toEqual({ x: 0, y: 0.5, z: 0.1 });
		expect(mapPersonToImage(pose, crop, W, H).worldLandmarks).toEqual(world);
	});

	it('keeps missing landmarks missing', () => {
		const [, , crop] = stillSearchPlan(W, H);
		const landmarks: (Landmark | null)[] = Array.from({ length: 33 }, () => ({ x: 0.5, y: 0.5 }));
		landmarks[3] = null;
		expect(mapPersonToImage({ landmarks }, crop, W, H).landmarks[3]).toBeNull();
	});
});

describe('prominence', () => {
	it('is the area of the landmark box in pixels, clipped to the image', () => {
		const box = (pts: [number, number][]): PersonPose => ({ landmarks: pts.map(([x, y]) => ({ x, y })) });
		expect(prominence(box([[0.1, 0.2], [0.3, 0.7]]), 100, 200)).toBeCloseTo(20 * 100, 6);
		expect(prominence(box([[-1, 0.5], [0.5, 2]]), 100, 100)).toBeCloseTo(50 * 50, 6);
		expect(prominence({ landmarks: [null, null] }, 100, 100)).toBe(0);
	});
});

describe('searchStill', () => {
	const W = 800;
	const H = 600;

	it('returns the whole image\'s people unchanged after one inference when it finds anyone', () => {
		const found = [person(0.5, 0.5, 0.2)];
		const asked: string[] = [];
		const r = searchStill(W, H, (v) => {
			asked.push(v.kind);
			return found;
		});
		expect(asked).toEqual(['whole']);
		expect(r.viewsTried).toBe(1);
		expect(r.view.kind).toBe('whole');
		expect(r.people).toBe(found);
	});

	it('tries every other view when the whole image finds nobody, and keeps the most prominent person', () => {
		const small = person(0.2, 0.2, 0.1);
		const big = person(0.6, 0.6, 0.35);
		const plan = stillSearchPlan(W, H);
		const bigView = plan[5]; // a corner crop that holds the big person
		const asked: StillView[] = [];
		const r = searchStill(W, H, (v) => {
			asked.push(v);
			if (v.kind === 'mirrored') return [seenIn(small, v, W, H)];
			if ([plan[2], bigView].some((b) => JSON.stringify(b) === JSON.stringify(v))) return [seenIn(big, v, W, H)];
			return [];
		});
		expect(asked.map((v) => v.kind)).toEqual(plan.map((v) => v.kind));
		expect(r.viewsTried).toBe(plan.length);
		// the big person was found by the centre crop first and again by a corner: the tie goes to the earlier view
		expect(r.view).toEqual(plan[2]);
		expect(r.people).toHaveLength(1);
		expect(r.people[0].landmarks[11]!.x).toBeCloseTo(big.landmarks[11]!.x, 4);
		expect(r.people[0].landmarks[11]!.y).toBeCloseTo(big.landmarks[11]!.y, 4);
	});

	it('takes the mirrored person, sides named right, when only the mirror finds someone', () => {
		const truth = person(0.4, 0.5, 0.3);
		const r = searchStill(W, H, (v) => (v.kind === 'mirrored' ? [seenIn(truth, v, W, H)] : []));
		expect(r.view.kind).toBe('mirrored');
		for (const i of [11, 12, 15, 16, 27, 28]) expect(r.people[0].landmarks[i]!.x).toBeCloseTo(truth.landmarks[i]!.x, 4);
		expect(r.people[0].worldLandmarks).toEqual(truth.worldLandmarks);
	});

	it('orders the winning view\'s people most prominent first', () => {
		const small = person(0.3, 0.3, 0.1);
		const big = person(0.5, 0.5, 0.3);
		const r = searchStill(W, H, (v) => (v.kind === 'mirrored' ? [seenIn(small, v, W, H), seenIn(big, v, W, H)] : []));
		expect(r.people).toHaveLength(2);
		expect(prominence(r.people[0], W, H)).toBeGreaterThan(prominence(r.people[1], W, H));
	});

	it('reports nobody, having tried every view, when no view finds anyone', () => {
		const r = searchStill(W, H, () => []);
		expect(r).toEqual({ people: [], view: stillSearchPlan(W, H)[0], viewsTried: 7 });
	});
});
