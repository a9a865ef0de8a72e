import { describe, expect, it } from 'vitest';
import { deskSessions } from '../synth/desk-session';
import { personalExamples } from './personal-examples';
import { PERSONAL_INPUT_DIM, personalObservation } from './personal-slouch';

describe('personalExamples', () => {
	const sessions = deskSessions(4, 31, { frames: 6 });

	it('gives one input per measurable frame, in order, labelled by the frame', () => {
		const { X, y } = personalExamples(sessions);
		const measurable = sessions.flatMap((s) => s.frames.filter((f) => personalObservation(f.person, f.width / f.height) !== null));
		expect(X.length).toBeGreaterThan(12);
		expect(X).toHaveLength(measurable.length);
		expect(y).toEqual(measurable.map((f) => f.slouched));
		for (const x of X) expect(x).toHaveLength(PERSONAL_INPUT_DIM);
	});

	it('reads each frame against its own sitter: the same frame under another calibration reads differently', () => {
		const [a, b] = sessions;
		const own = personalExamples([a]).X[0];
		const other = personalExamples([{ calibration: b.calibration, frames: a.frames }]).X[0];
		expect(Array.from(other)).not.toEqual(Array.from(own));
	});

	it('leaves out a session whose calibration gives no upright reference (under 3 measurable frames)', () => {
		const [a] = sessions;
		expect(personalExamples([{ calibration: a.calibration.slice(0, 2), frames: a.frames }])).toEqual({ X: [], y: [] });
	});
});
