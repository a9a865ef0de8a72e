import { describe, expect, it } from 'vitest';
import type { PersonPose } from '../pose/types';
import type { PostureLabel } from './types';
import { POSTURE_LABELS } from './types';
import { classifyPosture } from './classify';
import { PRESETS, type PresetName, type ViewName } from '../synth/presets';
import { scene } from '../synth/scene';
import { rng } from '../synth/math';

type View = ViewName | 'desk';
const VIEWS: View[] = ['front', '45', 'side', 'desk'];
const N = 40;

function viewsOf(name: PresetName): View[] {
	const p = PRESETS[name] as { views?: readonly ViewName[]; desk?: boolean };
	return VIEWS.filter((v) => (v === 'desk' ? !!p.desk : !p.views || p.views.includes(v)));
}

interface Cell {
	n: number;
	ok: number;
	labels: Partial<Record<PostureLabel, number>>;
}

/**
 * Every preset from every view it is meant for: N random people each, with landmark noise
 * (~0.8% of the person's size, 3x for poorly seen points) and 8% of the landmarks lost (null or
 * low visibility), image landmarks (as most sources give), then a pass with world landmarks only.
 */
function table(world: boolean, seed: number): Map<string, Cell> {
	const out = new Map<string, Cell>();
	for (const name of Object.keys(PRESETS) as PresetName[]) {
		const preset = PRESETS[name] as { label: PostureLabel; alsoOk?: readonly PostureLabel[] };
		for (const view of viewsOf(name)) {
			const r = rng(seed + name.length * 97 + view.length * 13);
			const cell: Cell = { n: 0, ok: 0, labels: {} };
			for (let i = 0; i < N; i++) {
				const s = scene({ preset: name, view, rng: r, world, drop: { p: 0.08 } });
				// World pass: a source with world landmarks only (with image landmarks too, those win).
				const person = world ? { landmarks: [], worldLandmarks: s.person.worldLandmarks } : s.person;
				const v = classifyPosture(person, { aspect: s.width / s.height });
				cell.n++;
				cell.labels[v.label] = (cell.labels[v.label] ?? 0) + 1;
				if (v.label === preset.label || preset.alsoOk?.includes(v.label)) cell.ok++;
			}
			out.set(`${name}/${view}`, cell);
		}
	}
	return out;
}

function print(title: string, t: Map<string, Cell>) {
	const lines = [`${title}: accuracy per preset and view (n=${N} each; label counts)`];
	for (const [k, c] of t)
		lines.push(
			`  ${k.padEnd(30)} ${(c.ok / c.n).toFixed(2)}  ${Object.entries(c.labels)
				.map(([l, n]) => `${l}:${n}`)
				.join(' ')}`
		);
	console.log(lines.join('\n'));
}

const acc = (t: Map<string, Cell>, key: string) => {
	const c = t.get(key)!;
	return c.ok / c.n;
};

/** Accuracy pooled over the given views of a preset. */
function pooled(t: Map<string, Cell>, name: PresetName, views: View[] = viewsOf(name)) {
	let n = 0;
	let ok = 0;
	for (const v of views) {
		const c = t.get(`${name}/${v}`);
		if (!c) continue;
		n += c.n;
		ok += c.ok;
	}
	return ok / n;
}

/**
 * Cells a single picture decides less well, with the floor they are held to (a little under what
 * they reach, so that the test guards against regressions) and why. Every other cell is held to
 * 0.85; the pooled floors below are the per-class summary.
 */
const HARD: Record<string, { floor: number; why: string }> = {
	'sitting_upright/front': { floor: 0.7, why: 'facing the camera only the ear-height-over-shoulder-width ratio tells a mild slump, and necks differ (calibration exists for this)' },
	'sitting_upright/desk': { floor: 0.75, why: 'same cue at a desk webcam, uncalibrated' },
	'sitting_slouched/front': { floor: 0.55, why: 'same cue; the generated slumps include mild ones' },
	'sitting_slouched/45': { floor: 0.55, why: 'at 45 degrees the front cue no longer applies and the neck line is half foreshortened' },
	'sitting_slouched/side': { floor: 0.75, why: 'the mildest generated slumps (neck 10-15 degrees) read upright' },
	'sitting_slouched/desk': { floor: 0.65, why: 'desk webcam uncalibrated: ratios overlap between people' },
	'standing_slouched/front': { floor: 0.4, why: 'a rounded upper back points at the camera' },
	'standing_slouched/45': { floor: 0.55, why: 'as for sitting' },
	'back_extension/front': { floor: 0.1, why: 'facing the camera a backbend lies in depth and the hands are hidden behind the body (the coach asks for a side view)' },
	'back_extension/45': { floor: 0.4, why: 'the hands on the back are half hidden' },
	'back_extension/side': { floor: 0.75, why: 'the start of the movement (trunk still vertical) with the far hand hidden' },
	'arms_overhead_standing/side': { floor: 0.1, why: 'side-on, straight arms overhead look exactly like hanging from a bar (the feet are not seen)' },
	'arms_overhead_standing/45': { floor: 0.7, why: 'joined hands half hidden look like a bar grip' },
	'squat/front': { floor: 0.35, why: 'a squat at chair height seen from the front looks like sitting: the balance over the feet lies in depth' },
	'squat/side': { floor: 0.8, why: 'squats with the knees hidden' },
	'lunge/side': { floor: 0.7, why: 'with the back leg hidden a lunge is a one-legged chair' },
	'plank/45': { floor: 0.8, why: 'a high plank at 45 degrees foreshortens into a lifted chest' },
	'plank/side': { floor: 0.8, why: 'forearm planks with hidden hips' },
	'downward_dog/45': { floor: 0.7, why: 'the hands are planted half in depth: a fold' },
	'forward_fold/front': { floor: 0.7, why: 'facing the camera the fold is read from foreshortening, which flattens it to ~100-120 degrees' }
};

/** Presets whose label is upright or other: hands_on_knees must never be said for them. */
const NEGATIVES = (Object.keys(PRESETS) as PresetName[]).filter((n) => ['upright', 'other'].includes(PRESETS[n].label));

describe('classifyPosture on generated people (front, side, 45 degrees, desk webcam)', () => {
	const image = table(false, 1000);
	const world = table(true, 2000);
	print('image landmarks', image);
	print('world landmarks', world);

	it('gets each class right from each view it can be seen from', () => {
		const failures: string[] = [];
		for (const [key] of image) {
			const floor = HARD[key]?.floor ?? 0.85;
			if (acc(image, key) < floor) failures.push(`${key}: ${acc(image, key).toFixed(2)} < ${floor}`);
		}
		expect(failures).toEqual([]);
	});

	it('pooled over the views meant for it, every class is mostly right', () => {
		// The issue's classes (hands on knees, upright, fold and the stretches) at >= 0.85-0.9;
		// slouch from a single uncalibrated picture and the view-limited cells lower (see HARD).
		const floors: Partial<Record<PresetName, number>> = {
			hands_on_knees: 0.9,
			forward_fold: 0.85,
			standing_upright: 0.9,
			cobra: 0.9,
			sitting_upright: 0.8,
			sitting_slouched: 0.65,
			standing_slouched: 0.6,
			back_extension: 0.45,
			arms_overhead_standing: 0.55,
			squat: 0.7
		};
		for (const name of Object.keys(PRESETS) as PresetName[])
			expect(pooled(image, name), name).toBeGreaterThanOrEqual(floors[name] ?? 0.85);
		// World landmarks alone (a source without image landmarks): true 3-D with noisy depth.
		expect(pooled(world, 'hands_on_knees')).toBeGreaterThanOrEqual(0.75);
		expect(pooled(world, 'forward_fold')).toBeGreaterThanOrEqual(0.85);
		expect(pooled(world, 'cobra')).toBeGreaterThanOrEqual(0.8);
	});

	it('never says hands_on_knees for an upright or other pose, from any view', () => {
		for (const t of [image, world])
			for (const name of NEGATIVES)
				for (const view of viewsOf(name)) expect(t.get(`${name}/${view}`)!.labels.hands_on_knees ?? 0, `${name}/${view}`).toBe(0);
	});

	it('hands_on_knees is rarely said for the other flexed or stretch classes', () => {
		let said = 0;
		let n = 0;
		for (const name of ['forward_fold', 'sitting_slouched', 'standing_slouched', 'back_extension', 'cobra', 'sphinx', 'hanging'] as PresetName[])
			for (const view of viewsOf(name)) {
				const c = image.get(`${name}/${view}`)!;
				said += c.labels.hands_on_knees ?? 0;
				n += c.n;
			}
		expect(said / n).toBeLessThan(0.03);
	});
});

describe('classifyPosture edge cases', () => {
	const none = (): PersonPose => ({ landmarks: new Array(33).fill(null) });

	it('says unknown when too little is seen, and never throws on nulls', () => {
		expect(classifyPosture(none(), { aspect: 1 }).label).toBe('unknown');
		const faceOnly = none();
		(faceOnly.landmarks as Array<unknown>)[0] = { x: 0.5, y: 0.5 };
		expect(classifyPosture(faceOnly, { aspect: 1 }).label).toBe('unknown');
		expect(classifyPosture({ landmarks: [] }, { aspect: 1 }).label).toBe('unknown');
		const invisible = scene({ preset: 'standing_upright', view: 'front', seed: 3 }).person;
		const hidden = { landmarks: invisible.landmarks.map((l) => (l ? { ...l, visibility: 0.1 } : null)) };
		expect(classifyPosture(hidden, { aspect: 1 }).label).toBe('unknown');
	});

	it('at a desk webcam says upright or slouched (hardly ever anything else), never a whole-body label', () => {
		const r = rng(21);
		let odd = 0;
		for (let i = 0; i < 60; i++) {
			const s = scene({ preset: i % 2 ? 'sitting_upright' : 'sitting_slouched', view: 'desk', rng: r });
			const v = classifyPosture(s.person, { aspect: s.width / s.height });
			expect(['upright', 'slouched', 'unknown', 'other']).toContain(v.label);
			if (v.label === 'other' || v.label === 'unknown') odd++;
		}
		expect(odd).toBeLessThanOrEqual(3);
	});

	it('returns a meaningful confidence and a score per label', () => {
		const clean = scene({ preset: 'hands_on_knees', view: 'side', seed: 5, noise: false, drop: false });
		const v = classifyPosture(clean.person, { aspect: clean.width / clean.height });
		expect(v.label).toBe('hands_on_knees');
		expect(v.confidence).toBeGreaterThan(0.6);
		for (const l of POSTURE_LABELS) {
			const s = v.scores[l] ?? 0;
			expect(s).toBeGreaterThanOrEqual(0);
			expect(s).toBeLessThanOrEqual(1);
		}
		// Hiding the hands leaves the bend but not the brace: less sure.
		const noHands = {
			landmarks: clean.person.landmarks.map((l, i) => (l && [13, 14, 15, 16, 17, 18, 19, 20, 21, 22].includes(i) ? null : l))
		};
		const w = classifyPosture(noHands, { aspect: clean.width / clean.height });
		expect(w.label === 'hands_on_knees' ? w.confidence : 0).toBeLessThan(v.confidence);
	});

	it('treats a missing aspect (1) and missing visibility gracefully', () => {
		const s = scene({ preset: 'sitting_upright', view: 'side', seed: 8, noise: false, drop: false });
		const bare = { landmarks: s.person.landmarks.map((l) => (l ? { x: l.x, y: l.y } : null)) };
		expect(['upright', 'slouched', 'other']).toContain(classifyPosture(bare, { aspect: 1 }).label);
	});
});
