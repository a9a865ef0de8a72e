/**
 * Kalatz/exercise_recognition's layout (exercise-states): 33 x (x, y, z) as image coordinates x 100,
 * centred on the pelvis (y spans about one frame height). x and y are shifted back into a frame,
 * (0.5, 0.5) at the pelvis, at 1/250 per unit so that whole bodies fit; z is the pose model's image
 * depth, which the straight standing legs of this set show to be unusable, so it is dropped.
 * No visibility is recorded: every point counts as seen.
 */
import type { Landmark } from '../../pose/types';

export const PELVIS_CENTRED_UNITS_PER_FRAME = 250;

export function pelvisCentredToLandmarks(points: ReadonlyArray<{ x: number; y: number } | null>): Array<Landmark | null> {
	return points.map((l) =>
		l && Number.isFinite(l.x) && Number.isFinite(l.y)
			? { x: 0.5 + l.x / PELVIS_CENTRED_UNITS_PER_FRAME, y: 0.5 + l.y / PELVIS_CENTRED_UNITS_PER_FRAME }
			: null
	);
}
