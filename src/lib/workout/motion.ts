/**
 * Motion energy of one person between two frames: mean landmark speed in body scales per second.
 *
 * Speeds are split into articulation (limbs moving relative to the torso centre) and whole-body
 * motion (the centre moving). Vertical centre motion (jumping, squatting, skipping) counts fully;
 * horizontal centre motion counts only partly, so walking across the room is not a workout.
 * Dividing by body scale makes it independent of the distance to the camera.
 */
import type { PersonPose } from '../pose/types';
import { BODY_PARTS } from '../pose/landmarks';
import { bodyCentre, pt, type Point2 } from '../tracking/body';

export interface MotionSample {
	t: number;
	centre: Point2;
	points: Array<Point2 | null>;
}

/** The torso centre and every body part (BODY_PARTS: head, shoulders, elbows, wrists, hips, knees, ankles). */
export function motionSample(t: number, person: PersonPose, aspect: number): MotionSample | null {
	const centre = bodyCentre(person, aspect);
	if (!centre) return null;
	return { t, centre, points: BODY_PARTS.map((i) => pt(person, i, aspect)) };
}

export interface MotionEnergyOptions {
	/** Weight of horizontal whole-body motion (walking across the frame). */
	horizontalWeight: number;
	/** Fewer landmarks seen in both samples -> no measurement. */
	minLandmarks: number;
}

export const DEFAULT_MOTION_ENERGY: MotionEnergyOptions = { horizontalWeight: 0.3, minLandmarks: 4 };

/** Mean landmark speed between two samples in body scales per second, or null if not measurable. */
export function motionEnergy(
	a: MotionSample,
	b: MotionSample,
	scale: number,
	o: MotionEnergyOptions = DEFAULT_MOTION_ENERGY
): number | null {
	const dt = (b.t - a.t) / 1000;
	if (!(dt > 0) || !(scale > 0)) return null;
	const dcx = (b.centre.x - a.centre.x) * o.horizontalWeight;
	const dcy = b.centre.y - a.centre.y;
	let sum = 0;
	let n = 0;
	for (let i = 0; i < a.points.length; i++) {
		const pa = a.points[i];
		const pb = b.points[i];
		if (!pa || !pb) continue;
		// articulation (relative to the centre) + weighted centre motion
		const rx = pb.x - b.centre.x - (pa.x - a.centre.x) + dcx;
		const ry = pb.y - b.centre.y - (pa.y - a.centre.y) + dcy;
		sum += Math.hypot(rx, ry);
		n++;
	}
	if (n < o.minLandmarks) return null;
	return sum / n / scale / dt;
}
