/**
 * Camera placement before a set (users: "show 'get in frame' instead of silence"; "camera placement
 * help per exercise: side view and the whole body for prone poses"; domain: "Cobra and sphinx are
 * prone poses: the camera needs a side view with the whole body in frame").
 *
 * Per exercise: which parts of the body must be seen inside the frame, and which views work. The
 * check runs on whatever the person is doing (standing before lying down, or already down); one
 * side of the body seen is enough (from the side the far limbs are hidden).
 */
import type { PersonPose } from '../pose/types';
import { LM } from '../pose/landmarks';
import { prepareBody } from '../features/body';
import type { Body } from '../features/types';
import { PLACEMENT } from './copy';
import type { ExerciseName, PlacementCheck, PlacementReason } from './types';

type Part = 'head' | 'shoulders' | 'hands' | 'hips' | 'feet';

const PART_LANDMARKS: Record<Part, readonly number[]> = {
	head: [LM.nose, LM.leftEar, LM.rightEar],
	shoulders: [LM.leftShoulder, LM.rightShoulder],
	hands: [LM.leftWrist, LM.rightWrist],
	hips: [LM.leftHip, LM.rightHip],
	feet: [LM.leftAnkle, LM.rightAnkle]
};

export interface PlacementNeeds {
	parts: readonly Part[];
	/** The view must show front and back (side-on or up to ~45 degrees from it). */
	sideView: boolean;
}

/** What each exercise needs from the camera. */
export const PLACEMENT_NEEDS: Record<ExerciseName, PlacementNeeds> = {
	cobra: { parts: ['head', 'shoulders', 'hands', 'hips', 'feet'], sideView: true },
	sphinx: { parts: ['head', 'shoulders', 'hands', 'hips', 'feet'], sideView: true },
	back_extension: { parts: ['head', 'shoulders', 'hips', 'feet'], sideView: true },
	// Hanging: the hands on the bar and the body below; facing the camera shows the turns best.
	hang: { parts: ['head', 'shoulders', 'hands', 'hips'], sideView: false }
};

/** A landmark counts as in frame when seen at least this well, this far inside the edges. */
const MIN_VIS = 0.5;
const EDGE = 0.01;
/** Side-on enough: the forward direction at least this much in the picture (~45 degrees or more from facing the camera). */
const MIN_SIDEWAYS = 0.55;
/** A trunk shorter than this share of the frame height is too far to measure well. */
const MIN_TRUNK = 0.07;

const REASON_OF: Record<Part, PlacementReason> = {
	head: 'head_out_of_frame',
	shoulders: 'head_out_of_frame',
	hands: 'hands_out_of_frame',
	hips: 'hips_out_of_frame',
	feet: 'feet_out_of_frame'
};

function partInFrame(person: PersonPose, part: Part): boolean {
	return PART_LANDMARKS[part].some((i) => {
		const l = person.landmarks[i];
		if (!l || !Number.isFinite(l.x) || !Number.isFinite(l.y)) return false;
		if ((l.visibility ?? 1) < MIN_VIS) return false;
		return l.x >= EDGE && l.x <= 1 - EDGE && l.y >= EDGE && l.y <= 1 - EDGE;
	});
}

function sidewaysOf(body: Body): number | null {
	if (!body.heading) return null;
	return Math.abs(body.heading.x);
}

/** Checks the camera for an exercise on one frame's person (null: nobody found). */
export function checkPlacement(exercise: ExerciseName, person: PersonPose | null, aspect: number): PlacementCheck {
	if (!person || !person.landmarks.some((l) => l && (l.visibility ?? 1) >= MIN_VIS))
		return { ok: false, reasons: ['no_person'], message: PLACEMENT.no_person, sideways: null };
	const needs = PLACEMENT_NEEDS[exercise];
	const reasons: PlacementReason[] = [];
	for (const part of needs.parts) {
		const r = REASON_OF[part];
		if (!partInFrame(person, part) && !reasons.includes(r)) reasons.push(r);
	}
	const body = prepareBody(person, aspect);
	const sideways = sidewaysOf(body);
	if (needs.sideView && sideways !== null && sideways < MIN_SIDEWAYS) reasons.push('turn_side_on');
	if (body.scale !== null && body.scale < MIN_TRUNK && !reasons.length) reasons.push('too_far');
	return { ok: reasons.length === 0, reasons, message: reasons.length ? PLACEMENT[reasons[0]] : null, sideways };
}
