import { describe, expect, it } from 'vitest';
import type { Landmark, PersonPose } from '../pose/types';
import { LANDMARK_COUNT, LM } from '../pose/landmarks';
import { classifyPosture } from './classify';
import { featuresOf } from './features-of';

/**
 * A person facing a portrait camera (9:16), bowing with the back about level and the hands braced on
 * the knees, as the pose model reports such photos: the hips show above the shoulders, the head a
 * little below them, the knees and feet hidden behind hands and robes (low visibility, guessed
 * places). Hand-built, so each variant changes exactly one thing.
 */
const ASPECT = 9 / 16;
type Points = Partial<Record<keyof typeof LM, [number, number, number?]>>;

function person(points: Points): PersonPose {
	const landmarks: Landmark[] = Array.from({ length: LANDMARK_COUNT }, () => ({ x: 0.5, y: 0.5, z: 0, visibility: 0 }));
	for (const [name, [x, y, visibility = 0.95]] of Object.entries(points) as Array<[keyof typeof LM, [number, number, number?]]>)
		landmarks[LM[name]] = { x, y, z: 0, visibility };
	return { landmarks };
}

const frontBow: Points = {
	nose: [0.5, 0.57],
	leftEye: [0.52, 0.555],
	rightEye: [0.48, 0.555],
	leftEar: [0.555, 0.545],
	rightEar: [0.445, 0.545],
	mouthLeft: [0.515, 0.585],
	mouthRight: [0.485, 0.585],
	leftShoulder: [0.61, 0.52],
	rightShoulder: [0.39, 0.52],
	leftElbow: [0.7, 0.56, 0.85],
	rightElbow: [0.3, 0.56, 0.85],
	leftWrist: [0.68, 0.64, 0.8],
	rightWrist: [0.32, 0.64, 0.8],
	leftHip: [0.56, 0.44],
	rightHip: [0.44, 0.44],
	leftKnee: [0.56, 0.6, 0.15],
	rightKnee: [0.44, 0.6, 0.15],
	leftAnkle: [0.56, 0.68, 0.2],
	rightAnkle: [0.44, 0.68, 0.2]
};

const label = (p: Points) => classifyPosture(person(p), { aspect: ASPECT }).label;

/** The same points with the head (nose, eyes, ears, mouth) moved down by `dy` (up when negative). */
function headMoved(points: Points, dy: number): Points {
	const moved: Points = { ...points };
	for (const k of ['nose', 'leftEye', 'rightEye', 'leftEar', 'rightEar', 'mouthLeft', 'mouthRight'] as const) {
		const [x, y, v] = points[k]!;
		moved[k] = [x, y + dy, v];
	}
	return moved;
}

describe('a bow with hands on the knees seen from the front', () => {
	it('is hands_on_knees although the knees are hidden', () => {
		const f = featuresOf(person(frontBow), { aspect: ASPECT });
		// The premise: the bend reads past horizontal and no knee is seen.
		expect(f.trunkFlexionDeg!).toBeGreaterThan(110);
		expect(f.wristKneeDist).toBeNull();
		expect(label(frontBow)).toBe('hands_on_knees');
	});

	it('is not when the hands rest level with the head (prostration from the front)', () => {
		expect(label({ ...frontBow, leftWrist: [0.66, 0.57, 0.8], rightWrist: [0.34, 0.57, 0.8] })).not.toBe('hands_on_knees');
	});

	it('is not when the head is level with the hips (plank or all fours from the front)', () => {
		expect(label(headMoved(frontBow, -0.11))).not.toBe('hands_on_knees');
	});

	it('is not when the feet are seen and the hands are down by them (a fold)', () => {
		expect(
			label({
				...frontBow,
				leftWrist: [0.58, 0.8, 0.8],
				rightWrist: [0.42, 0.8, 0.8],
				leftAnkle: [0.56, 0.82],
				rightAnkle: [0.44, 0.82]
			})
		).not.toBe('hands_on_knees');
	});

});

/** The same bow with the hands on the knees hidden behind the head and shoulders, legs seen. */
const hiddenHandsBow: Points = {
	...frontBow,
	leftElbow: [0.66, 0.56, 0.2],
	rightElbow: [0.34, 0.56, 0.2],
	leftWrist: [0.6, 0.62, 0.1],
	rightWrist: [0.4, 0.62, 0.1],
	leftKnee: [0.55, 0.66, 0.8],
	rightKnee: [0.45, 0.66, 0.8],
	leftAnkle: [0.55, 0.85, 0.8],
	rightAnkle: [0.45, 0.85, 0.8]
};

describe('a bow towards the camera with the hands hidden behind the head', () => {
	it('is hands_on_knees from hips high over straight legs', () => {
		const f = featuresOf(person(hiddenHandsBow), { aspect: ASPECT });
		// The premise: no wrist is seen, the hips stand high over the ankles.
		expect(f.wristsAboveHead).toBeNull();
		expect(f.hipHeight!).toBeGreaterThan(1.4);
		expect(label(hiddenHandsBow)).toBe('hands_on_knees');
	});

	it('is not when kneeling (prostration: the hips low, the shins short as they point at the camera)', () => {
		const kneeling: Points = {
			...hiddenHandsBow,
			leftKnee: [0.55, 0.58, 0.8],
			rightKnee: [0.45, 0.58, 0.8],
			leftAnkle: [0.55, 0.61, 0.8],
			rightAnkle: [0.45, 0.61, 0.8]
		};
		expect(featuresOf(person(kneeling), { aspect: ASPECT }).hipHeight!).toBeLessThan(1.05);
		expect(label(kneeling)).not.toBe('hands_on_knees');
	});

	it('is not when the head hangs far below the hips (a fold)', () => {
		expect(label(headMoved(hiddenHandsBow, 0.2))).not.toBe('hands_on_knees');
	});

	it('is not when the legs are not seen', () => {
		const p: Points = { ...hiddenHandsBow };
		for (const k of ['leftKnee', 'rightKnee', 'leftAnkle', 'rightAnkle'] as const) p[k] = [p[k]![0], p[k]![1], 0.1];
		expect(label(p)).not.toBe('hands_on_knees');
	});
});
