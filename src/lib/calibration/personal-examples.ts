/**
 * The personal slouch model's examples from generated desk sessions: every frame read against its own
 * sitter's upright (the reference from the session's calibration frames), labelled 1 when slouched. What the
 * model is fitted on (npm run train) and checked on (its tests), so both read a session the same way.
 * A session whose calibration gives no reference, and a frame with nothing measurable, add nothing. Pure.
 */
import type { DeskSample } from '../synth/desk';
import { personalInput, personalObservation, uprightReference, type PersonalObservation } from './personal-slouch';

type Frame = Pick<DeskSample, 'person' | 'width' | 'height' | 'slouched'>;

export function personalExamples(sessions: Iterable<{ calibration: readonly Frame[]; frames: readonly Frame[] }>): { X: Float64Array[]; y: number[] } {
	const X: Float64Array[] = [];
	const y: number[] = [];
	for (const s of sessions) {
		const ref = uprightReference(
			s.calibration.map((f) => personalObservation(f.person, f.width / f.height)).filter((o): o is PersonalObservation => o !== null)
		);
		if (!ref) continue;
		for (const f of s.frames) {
			const o = personalObservation(f.person, f.width / f.height);
			if (!o) continue;
			X.push(personalInput(ref, o.pose, o.net));
			y.push(f.slouched);
		}
	}
	return { X, y };
}
