/**
 * What the coach says. Short, kind, one thing at a time; every line comes from the product's domain
 * note (../shared/notes/domain.md, quoted in the comments) or from what people asked of form
 * checkers (../shared/notes/what-users-ask.md: "intermittent, kind feedback beats constant
 * correction", "praise progress, not only faults").
 */
import type { CueCandidate, CueKind, ExerciseName, FaultId, PlacementReason, Progression } from './types';

/**
 * Safety (domain, "Safety (must be in the product)"): "Pain during an exercise means stop at once --
 * it is not a 'good burn'." Said once as a set starts.
 */
export const PAIN_STOP = 'Move gently. If anything hurts, stop: pain is not a good burn.';

/** Form faults, by exercise. */
const FAULTS: Record<'cobra' | 'back_extension', Partial<Record<FaultId, string>>> = {
	// Domain, cobra: "lie face down, hips stay glued to the floor, hands push the chest up".
	cobra: {
		hips_lifted: 'Let your hips rest heavy on the floor; your hands do the lifting.',
		arms_not_pushing: 'Bring your hands under your shoulders and let them press you up.',
		shoulders_shrugged: 'Let your shoulders slide down, away from your ears.',
		neck_cranked: 'Keep your neck long, eyes on the floor a little ahead.',
		knees_bent: 'Let your legs lie long on the floor.'
	},
	// Domain, standing back extension: "hands on the lower back, fingers pointing down, legs
	// straight; bend back slowly by pushing the hands into the back; hold a few seconds at the end
	// of the range; return".
	back_extension: {
		knees_bent: 'Keep your legs straight as you lean back.',
		hands_not_on_back: 'Hands on your lower back, fingers pointing down.',
		too_fast: 'Slowly does it: ease back gently.',
		no_hold: 'Pause for a few seconds at the end of the range.'
	}
};

export function faultCue(exercise: 'cobra' | 'back_extension', fault: FaultId): CueCandidate {
	return { id: `${exercise}.${fault}`, kind: 'fault', text: FAULTS[exercise][fault] ?? 'Ease off a little and reset your position.' };
}

/**
 * Progression (domain: cobra "each repetition a little higher than the last"; back extension
 * "repeat, a little further each time"). Higher is praise; the same or lower is a gentle nudge, never
 * a scolding ("progress gradually").
 */
export function progressionCue(exercise: 'cobra' | 'back_extension', p: Progression): CueCandidate {
	const further = exercise === 'cobra' ? 'higher' : 'further';
	if (p === 'higher') return { id: `${exercise}.higher`, kind: 'praise', text: `A little ${further} than last time. Lovely.` };
	if (p === 'same')
		return { id: `${exercise}.same`, kind: 'progression', text: `Same as last time. Next one, try a touch ${further}, only if it feels good.` };
	return { id: `${exercise}.lower`, kind: 'progression', text: `Not quite as ${exercise === 'cobra' ? 'high' : 'far'} as last time, and that's fine. Ease a touch ${further} next time if it feels good.` };
}

export function praiseCue(id: 'good_rep' | 'good_hold', exercise: ExerciseName): CueCandidate {
	const text = id === 'good_rep' ? 'Nice, smooth rep.' : 'Good hold. Keep breathing.';
	return { id: `${exercise}.${id}`, kind: 'praise', text };
}

/** Hanging (domain: "hang from a bar (or a towel looped over something sturdy if no bar). Optional: grip hard and slowly rotate the body to each side as far as comfortable"). */
export const HANG = {
	start: 'Hang and let your back lengthen. No bar? A towel looped over something sturdy works too.',
	rotate: 'If it feels good, grip firmly and slowly turn your hips to one side, then the other.',
	bothSides: 'Nice slow turns to both sides.',
	done: 'Come down gently whenever your grip has had enough.'
} as const;

/** Prone on the elbows (domain: "lie prone on the elbows ... for 10-15 minutes after a workout, e.g. reading"). */
export const SPHINX = {
	start: 'Settle onto your elbows and let your lower back relax. Read or breathe; the timer runs while you stay.',
	paused: 'Timer paused. Come back onto your elbows when you are ready.',
	halfway: 'Halfway there. Nice and easy.',
	goal: 'Goal reached. Well done. Come out of it slowly.'
} as const;

export function sphinxMinuteCue(minutes: number): CueCandidate {
	return { id: 'sphinx.minute', kind: 'praise', text: `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} on your elbows.` };
}

export function cue(id: string, kind: CueKind, text: string): CueCandidate {
	return { id, kind, text };
}

/** Camera placement (users: "show 'get in frame' instead of silence"; "side view and the whole body for prone poses"). */
export const PLACEMENT: Record<PlacementReason, string> = {
	no_person: 'Step into the frame so the camera can see you.',
	head_out_of_frame: 'Move so your head is in the frame.',
	hands_out_of_frame: 'Step back or tilt the camera: your hands are out of the frame.',
	hips_out_of_frame: 'Step back: your hips are out of the frame.',
	feet_out_of_frame: 'Step back: your feet are out of the frame.',
	turn_side_on: 'Turn side-on to the camera.',
	too_far: 'Come a little closer to the camera.'
};
