/**
 * Still posture classifier: what the back is doing in one frame, from interpretable features and
 * transparent soft rules (thresholds in ./thresholds.ts). No memory of earlier frames: smoothing,
 * hysteresis and dwell belong to the temporal layer.
 *
 * Each label gets a support score 0..1 that is a fuzzy AND (product) of logistic memberships; a
 * feature that cannot be measured in this frame contributes a neutral factor, or zero when the
 * label cannot be claimed without it. 'other' is what is left when no label fits; 'unknown' is
 * "not enough of the body is seen to say".
 */
import type { PersonPose } from '../pose/types';
import type { PostureFeatures } from '../features/types';
import type { PostureLabel, PostureVerdict } from './types';
import { fall, rise } from '../features/geometry';
import { featuresOf } from './features-of';
import { THRESHOLDS as T, type Soft } from './thresholds';

export interface ClassifyContext {
	/** Frame width / height; 1 when unknown. */
	aspect: number;
}

const up = (x: number | null, s: Soft, ifNull: number): number => (x === null ? ifNull : rise(x, s.c, s.w));
const down = (x: number | null, s: Soft, ifNull: number): number =>
	x === null ? ifNull : fall(x, s.c, s.w);
/** Noisy-OR: support from any of several independent cues. */
const anyOf = (...xs: number[]): number => 1 - xs.reduce((p, x) => p * (1 - x), 1);

/** Label support scores from features (exported for explanation and tests). */
export function postureScores(f: PostureFeatures): Partial<Record<PostureLabel, number>> {
	const cov = f.coverage;
	// Not enough to say: no shoulders, or shoulders with neither a face nor hips.
	if (!cov.shoulders || (!cov.face && !cov.hips)) return { unknown: 1 };

	const trunk = f.trunkFlexionDeg;
	const haveTrunk = trunk !== null;

	// ---- Context memberships.
	let standing: number;
	if (f.legAngleDeg !== null && f.hipHeight !== null)
		standing = down(f.legAngleDeg, T.standingLegAngle, 0.5) * up(f.hipHeight, T.standingHipHeight, 0.5);
	else if (f.thighAngleDeg !== null) standing = down(f.thighAngleDeg, T.standingThighAngle, 0.5);
	else standing = 0.5;
	// Hips seen but no knees (a desk hides the legs): most likely sitting or standing normally.
	const legsUnseen = f.thighAngleDeg === null && f.legAngleDeg === null;
	const seated =
		f.thighAngleDeg === null
			? 0.5
			: up(f.thighAngleDeg, T.seatedThighLow, 0.5) *
				down(f.thighAngleDeg, T.seatedThighHigh, 0.5) *
				down(f.hipHeight, T.seatedHipHeight, 0.7) *
				down(f.kneeAngleMinDeg, T.seatedKnee, 1);
	const lying =
		f.legAngleDeg === null
			? 0
			: up(f.legAngleDeg, T.lyingLegAngle, 0) * down(f.hipHeight, T.lyingHipHeight, 0.3);
	const kneesStraightish = up(f.kneeAngleDeg, T.straightishKnee, T.kneesUnseen);
	// A squat keeps the weight over the feet with the knees bent; a chair carries the hips behind the
	// feet. Legs opened wide sideways (goddess, warrior II) are exercise too.
	// Facing the camera the balance is not seen; shins tilted out of the picture (knees over the toes)
	// stand in.
	const kneesBent =
		f.kneeAngleMinDeg !== null ? down(f.kneeAngleMinDeg, T.squatKnee, 0) : up(f.thighAngleDeg, T.seatedThighLow, 0);
	const squat =
		kneesBent *
		(f.comOverFeet !== null ? down(Math.abs(f.comOverFeet), T.squatBalance, 0) : up(f.shankAngleDeg, T.squatShank, 0));
	const wideLegs = up(f.kneeSpread, T.wideKnees, 0);
	// An ordinary stance, where "upright" and "slouched" mean something: both feet down and both knees
	// nearly straight when standing (not a lunge, a squat or a one-legged balance), or seated.
	const bothFeetDown = down(f.footLevelDiff, T.footLevel, 0.95);
	const stance = standing * up(f.kneeAngleMinDeg, T.standingKnees, 0.9) * bothFeetDown * (1 - wideLegs);
	const sitting = seated * (1 - squat) * (1 - wideLegs);
	// Arms raised overhead are a stretch or an exercise, never a slump.
	const armsUp = up(f.wristsAboveHead, T.armsOverhead, 0);

	const s: Partial<Record<PostureLabel, number>> = {};

	// ---- hands_on_knees: bent at the hips, hands braced on the knees, on (nearly) straight legs.
	// The brace is seen as wrists close to the knees and not below them. Photos of the bow often
	// hide the knees (cropped, or another person in front): then the hands hanging well below the
	// head, arms pointing down, with the head near hip height stand in (not so when kneeling in
	// prostration, where the hands are on the floor beside the head).
	if (haveTrunk) {
		const legs =
			f.hipHeight !== null
				? up(f.hipHeight, T.standingHipHeight, 0.5)
				: f.thighAngleDeg !== null
					? down(f.thighAngleDeg, T.standingThighAngle, 0.5)
					: T.hokLegsUnseen;
		const bent = up(trunk, T.hokTrunkMin, 0) * down(trunk, T.hokTrunkMax, 0);
		// Seen from the side or at 45 degrees (the sign of the in-picture facing is known and large).
		const sideways = f.sideKnown && f.heading !== null && Math.abs(f.heading.x) >= T.hokNoKneesSideways;
		let hands: number;
		if (f.handsHiddenBehind === 1) hands = 0;
		else if (f.wristKneeDist !== null) {
			// Close to a knee, or level with the knees and not far off (a hand on the outside of the
			// knee, seen at an angle).
			const near = down(f.wristKneeDist, T.hokWristKnee, 0);
			const level =
				f.wristKneeHeight === null
					? 0
					: up(f.wristKneeHeight, T.hokWristNotBelowKnee, 0) *
						down(f.wristKneeHeight, T.hokWristNotAboveKnee, 0) *
						down(f.wristKneeDist, T.hokWristKneeLevelDist, 0);
			// Hands on the floor (down dog, plank or prostration seen from the front, where the wrists
			// can fall next to the knees in the picture) are not on the knees.
			hands = Math.max(near * up(f.wristKneeHeight, T.hokWristNotBelowKnee, 1), level) * up(f.wristHeight, T.hokHandsOffFloor, 1);
		} else if (sideways)
			hands =
				T.hokNoKneesWeight *
				down(f.wristsAboveHead, T.hokWristsBelowHead, 0) *
				up(f.armElevationDeg, T.hokArmsDown, 0) *
				up(f.headHeight, T.hokHeadNotLow, 0.5) *
				up(trunk, T.hokNoKneesTrunk, 0);
		else hands = 0;
		// A deep bow with the hands hanging well below a head held near hip height is standing even
		// when the leg landmarks say otherwise (long robes and loose trousers hide the knees).
		const bow =
			up(trunk, T.hokBowTrunk, 0) *
			down(f.wristsAboveHead, T.hokWristsBelowHead, 0) *
			up(f.headHeight, T.hokHeadNotLow, 0) *
			down(f.legAngleDeg, T.hokBowLegs, 1) *
			down(f.thighAngleDeg, T.hokBowThighs, 1) *
			up(f.hipHeight, T.hokBowHips, 1) *
			up(f.kneeAngleMinDeg, T.straightishKnee, 1);
		// Not prostration: there the head drops far below the hips and the hands rest beside it.
		const notProstrate = down(f.wristsAboveHead, T.hokWristsNotAtHead, 1) * up(f.headHeight, T.hokHeadNotLow, 1);
		// Facing the camera the bend runs along the line of sight and the knees hide behind the hands:
		// the hips show above the shoulders (the trunk reads past ~105 degrees), the head hangs a little
		// below the hips and the wrists clearly below the head. A plank or all-fours seen from the front
		// keeps the head level with the hips and the hands on the floor; prostration keeps the hands
		// level with the head; a fold hangs the head far lower. With the feet unseen too, a fold from the
		// front can still pass (generated people: 8 of 40 folds, legs hidden); both are flexion the app flags.
		// Bent towards the camera: the trunk reads ~105-150 degrees and the head hangs below the hips.
		const bentTowardsCamera =
			up(trunk, T.hokFrontTrunkMin, 0) * down(trunk, T.hokFrontTrunkMax, 0) * down(f.headHeight, T.hokFrontHeadBelowHips, 0);
		const frontBow = !sideways
			? bentTowardsCamera *
				down(f.wristsAboveHead, T.hokFrontWristsBelowHead, 0) *
				up(f.armElevationDeg, T.hokArmsDown, 0) *
				up(f.headHeight, T.hokFrontHeadNotLow, 0) *
				up(f.wristHeight, T.hokHandsOffFloor, 1) *
				up(f.hipHeight, T.standingHipHeight, T.hokLegsUnseen) *
				kneesStraightish
			: 0;
		// Bowing towards the camera the hands on the knees hide behind the head and shoulders: no wrist is
		// seen at all. Then the legs carry it: hips high over straight, near-vertical legs (kneeling
		// prostration keeps the hips under ~1.05 trunk lengths) with the head hanging a little below them.
		const hiddenHandsBow =
			f.wristsAboveHead === null && f.handsHiddenBehind !== 1
				? T.hokHiddenHandsWeight *
					bentTowardsCamera *
					up(f.headHeight, T.hokHiddenHandsHeadNotLow, 0) *
					up(f.hipHeight, T.hokHiddenHandsHips, 0) *
					down(f.legAngleDeg, T.hokHiddenHandsLegs, 0) *
					kneesStraightish
				: 0;
		s.hands_on_knees = Math.max(bent * hands * Math.max(legs * kneesStraightish, bow) * notProstrate, frontBow, hiddenHandsBow);
	} else s.hands_on_knees = 0;

	// ---- forward_fold: trunk pointing down, head below the hips, hands down by the shins or feet,
	// standing legs; not down dog (hands planted a body length away).
	if (haveTrunk) {
		const handsLow =
			f.wristKneeHeight !== null
				? down(f.wristKneeHeight, T.foldWristBelowKnee, 0.5)
				: f.wristHeight !== null
					? down(f.wristHeight, T.foldWristHeight, 0.6)
					: T.foldHandsUnseen;
		s.forward_fold =
			up(trunk, T.foldTrunk, 0) *
			down(f.headHeight, T.foldHeadHeight, 0.5) *
			up(f.hipHeight, T.standingHipHeight, 0.5) *
			down(f.wristAnkleDist, T.foldWristAnkle, 0.8) *
			handsLow *
			kneesStraightish;
	} else s.forward_fold = 0;

	// ---- Prone stretches: legs along the floor, hips down, chest lifted, face down.
	const notSupine = f.orientation === 'supine' ? 0.15 : 1;
	if (haveTrunk && lying > 0.01) {
		const base = lying * notSupine * kneesStraightish;
		s.cobra =
			base *
			up(trunk, T.cobraTrunkMin, 0) *
			down(trunk, T.cobraTrunkMax, 0) *
			(f.forearmAngleDeg === null ? down(trunk, T.proneArmsUnseenSplit, 0) : up(f.forearmAngleDeg, T.cobraForearm, 0)) *
			down(f.hipAngleDeg, T.cobraHipAngle, 0.85);
		s.sphinx =
			base *
			up(trunk, T.sphinxTrunkMin, 0) *
			down(trunk, T.sphinxTrunkMax, 0) *
			(f.forearmAngleDeg === null
				? up(trunk, T.proneArmsUnseenSplit, 0)
				: up(f.forearmAngleDeg, T.sphinxForearmLow, 0) * down(f.forearmAngleDeg, T.sphinxForearmHigh, 0)) *
			up(f.elbowAngleMinDeg, T.sphinxElbowLow, 0.85) *
			down(f.elbowAngleMinDeg, T.sphinxElbowHigh, 0.85);
	} else {
		s.cobra = 0;
		s.sphinx = 0;
	}

	// ---- back_extension: standing, hands on the lower back, trunk bent back (or about to). From the
	// front the hands are hidden behind the body: elbows at the waist with both wrists unseen.
	if (haveTrunk && (f.handsLowerBackDist !== null || f.handsHiddenBehind)) {
		const pitchBack = f.trunkPitchDeg === null ? 0.6 : 0.4 + 0.6 * down(f.trunkPitchDeg, T.backExtPitch, 0.5);
		const hands =
			f.handsLowerBackDist !== null
				? down(f.handsLowerBackDist, T.backExtHands, 0)
				: T.backExtHiddenHands * (f.handsHiddenBehind ?? 0);
		s.back_extension =
			stance *
			hands *
			pitchBack *
			down(f.trunkPitchDeg ?? trunk, T.backExtNotForward, 0.5);
	} else s.back_extension = 0;

	// ---- hanging: both arms straight overhead, wrists above the head, body vertical.
	{
		const grip = up(f.gripWidthRatio, T.hangGrip, 1);
		s.hanging =
			down(f.armElevationDeg, T.hangArm, 0) *
			up(f.wristsAboveHead, T.hangWristsAbove, 0.3) *
			up(f.elbowAngleMinDeg, T.hangElbow, 0.6) *
			down(trunk, T.hangTrunk, 0.7) *
			grip;
	}

	// ---- slouched vs upright (sitting or standing; from the front, the side or with only the
	// upper body). Evidence of a slump from any of several cues (users: "combine several cues").
	const neckCue = up(f.neckFlexionDeg, T.slouchNeck, 0);
	// The neck bent forward from the trunk counts when the head also juts forward of vertical: leaning
	// back on a backrest with the head held upright bends the neck from the trunk too.
	const roundCue = up(f.shoulderRoundingDeg, T.slouchRounding, 0) * up(f.neckFlexionDeg, T.roundingNeckMin, 0);
	const frontal = f.neckHeightRatio !== null && f.neckHeightRatio < T.frontalNeckHeightMax;
	// Raising the arms lifts the shoulders towards the ears: the front cue means nothing then.
	const frontCue = frontal
		? down(f.neckHeightRatio! - T.slouchNoseWeight * (f.noseDropRatio ?? 0), T.slouchFrontIndex, 0) *
			(1 - up(f.wristShoulderHeight, T.armsRaised, 0))
		: 0;
	const hunchCue = haveTrunk ? sitting * up(trunk, T.slouchHunch, 0) : 0;
	// Head and shoulders only: the desk slouch network (trained on generated people) speaks for the front
	// view instead of the hand-set head-height rule, which fitted the people it was tuned on only.
	const slump =
		f.deskSlouch !== null && !haveTrunk
			? anyOf(0.9 * neckCue, f.deskSlouch)
			: anyOf(0.9 * neckCue, 0.7 * roundCue, 0.95 * frontCue, 0.85 * hunchCue);
	const postureCtx = haveTrunk
		? legsUnseen
			? T.legsUnseenStance
			: Math.max(stance, sitting) * (1 - lying)
		: cov.upperBodyOnly
			? 1
			: 0.6;
	// Seated people hunch far over a desk; standing, a trunk past ~40 degrees is a bend, not a slouch.
	// With the legs hidden (under a desk) sitting is the likely stance.
	const sitW = legsUnseen ? T.legsUnseenStance : sitting;
	const notBowing = haveTrunk
		? sitW * down(trunk, T.slouchTrunkMax, 0) + (1 - sitW) * down(trunk, T.slouchStandingTrunkMax, 0)
		: 1;
	const busy = Math.max(s.hands_on_knees, s.back_extension, s.hanging);
	s.slouched = slump * postureCtx * notBowing * (1 - busy) * (1 - armsUp);
	const uprightTrunk = haveTrunk ? down(trunk, T.uprightTrunk, 0) : 0.9;
	s.upright = (1 - slump) * uprightTrunk * postureCtx * (1 - busy);

	// 'other' is the support no label has; in an ordinary stance with a plausible trunk the back is
	// upright or slouched (a borderline case is a close call between those two, not 'other').
	const best = Math.max(...Object.values(s).map((v) => v ?? 0));
	s.other = Math.max(0.02, T.otherWeight * (1 - Math.max(best, s.upright + s.slouched)));
	s.unknown = 0;
	return s;
}

/** The verdict for pre-computed features. */
export function classifyFeatures(f: PostureFeatures): PostureVerdict {
	const scores = postureScores(f);
	let label: PostureLabel = 'other';
	let best = -1;
	let second = 0;
	for (const [k, v] of Object.entries(scores) as Array<[PostureLabel, number]>) {
		if (v > best) {
			second = Math.max(second, best);
			best = v;
			label = k;
		} else if (v > second) second = v;
	}
	const b = label === 'other' ? (scores.other ?? 0) : best;
	// Sure when the winner is strong and clearly ahead of the runner-up.
	const confidence = Math.max(0, Math.min(1, b * (b / (b + second + 1e-9))));
	for (const k of Object.keys(scores) as PostureLabel[]) scores[k] = round3(scores[k] ?? 0);
	return { label, confidence: round3(confidence), scores };
}

/**
 * What the person's back is doing in this frame. `ctx.aspect` is the frame's width / height (1 when
 * unknown), so image landmarks can be put on one scale.
 */
export function classifyPosture(person: PersonPose, ctx: ClassifyContext): PostureVerdict {
	return classifyFeatures(featuresOf(person, { aspect: ctx.aspect }));
}

function round3(v: number): number {
	return Math.round(v * 1000) / 1000;
}
