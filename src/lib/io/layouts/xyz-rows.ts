/**
 * A bare numeric row of 33 x (x, y, z) in MediaPipe order with no visibility (NoahLi0620/EE250_Project),
 * optionally followed by a label. Without visibility every point counts as seen by the features'
 * gate, except where the frame itself says otherwise: MediaPipe's extrapolated points below a desk
 * webcam's frame (y > 1: hips, knees) are off-frame and gated out there, so hips under the desk are
 * not taken as seen. Coordinates are kept exactly; nothing is invented.
 */
import type { Landmark } from '../../pose/types';
import { LANDMARK_COUNT } from '../../pose/landmarks';

export function xyzRowToLandmarks(values: readonly number[]): Array<Landmark | null> {
	if (values.length < LANDMARK_COUNT * 3) throw new Error(`xyz row: ${values.length} numbers, need ${LANDMARK_COUNT * 3}`);
	const out: Array<Landmark | null> = [];
	for (let i = 0; i < LANDMARK_COUNT; i++) {
		const [x, y, z] = [values[3 * i], values[3 * i + 1], values[3 * i + 2]];
		out.push(Number.isFinite(x) && Number.isFinite(y) ? (Number.isFinite(z) ? { x, y, z } : { x, y }) : null);
	}
	return out;
}
