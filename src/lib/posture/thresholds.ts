/**
 * Every tunable number of the still posture classifier, in one place.
 *
 * Each entry is a soft threshold: `c` is where the membership is 0.5 and `w` the width over which
 * it goes from ~0.12 to ~0.88 (logistic). Angles in degrees, distances and heights in body scales
 * (trunk lengths, see `bodyScale`). The comments say why a value is where it is; "domain" is
 * ../shared/notes/domain.md, "users" is ../shared/notes/what-users-ask.md.
 */

export interface Soft {
	c: number;
	w: number;
}

export const THRESHOLDS = {
	// ---- Context: is the body standing, sitting or lying? ----------------------------------------
	/** Standing legs run within ~30 degrees of vertical from hips to ankles. */
	standingLegAngle: { c: 32, w: 20 },
	/**
	 * Standing hips are ~1.1-1.5 trunk lengths above the ankles (measured with this body scale on
	 * standing and bowing people); on a chair ~0.4-0.9.
	 */
	standingHipHeight: { c: 1.0, w: 0.3 },
	/** Without ankles: thighs within ~40 degrees of vertical mean standing. */
	standingThighAngle: { c: 40, w: 20 },
	/** Seated thighs are roughly level (~60-120 degrees from straight down). */
	seatedThighLow: { c: 45, w: 20 },
	seatedThighHigh: { c: 140, w: 20 },
	/** Seated hips are below ~1.35 trunk lengths over the ankles. */
	seatedHipHeight: { c: 1.35, w: 0.3 },
	/** ... and the knees bent (< ~145 degrees): straight legs with level thighs are a plank. */
	seatedKnee: { c: 145, w: 20 },
	/** Lying: legs along the floor (hips to ankles > ~60 degrees from down) ... */
	lyingLegAngle: { c: 58, w: 20 },
	/** ... and hips near the floor (domain, cobra: "hips stay glued to the floor"). */
	lyingHipHeight: { c: 0.38, w: 0.22 },
	/** An ordinary standing stance has both knees nearly straight (a lunge or squat bends one). */
	standingKnees: { c: 145, w: 20 },
	/** ... and both feet down: ankles within ~0.3 trunk lengths in height (not on one leg). */
	footLevel: { c: 0.3, w: 0.15 },
	/** Wrists higher than ~0.1 trunk lengths below the nose: arms raised overhead. */
	armsOverhead: { c: -0.1, w: 0.2 },
	/** Wrists above the shoulders: arms raised (the shoulders rise with them). */
	armsRaised: { c: 0.15, w: 0.2 },
	/** With hips seen but no knees (legs under a desk), how likely an ordinary sitting/standing stance is. */
	legsUnseenStance: 0.85,
	/** Knees not seen: how likely they are straight enough. */
	kneesUnseen: 0.85,
	/** Knees straight enough for a standing bend or a prone stretch (not kneeling, not squatting). */
	straightishKnee: { c: 122, w: 25 },

	// ---- hands_on_knees (domain: "bending forward with hands on the knees", the post-sprint rest)
	/** Bent at the hips at least ~30 degrees: the flexed posture the app exists to catch. */
	hokTrunkMin: { c: 30, w: 14 },
	/**
	 * Bowing with the back level reads ~90-130 degrees in the pose model's landmarks (the shoulder
	 * points sink towards the armpits); past ~135 it is a fold. The hands decide between the two.
	 */
	hokTrunkMax: { c: 135, w: 14 },
	/**
	 * Wrists on the knee or the lower thigh: within ~0.55 trunk lengths of a knee point (the palm
	 * covers the knee, so the wrist sits up the thigh; shorter arms brace higher up) ...
	 */
	hokWristKnee: { c: 0.55, w: 0.2 },
	/**
	 * ... and not down the shins: hands gripping the kneecaps put the wrist points level with or a little
	 * below the knee points in the picture (real bowing photos: down to ~-0.35); reaching the shins or
	 * feet is -0.5 and lower.
	 */
	hokWristNotBelowKnee: { c: -0.33, w: 0.12 },
	/** Hands off the floor: braced on the knees they are a shin's length (~0.8 trunk lengths) above the ankles. */
	hokHandsOffFloor: { c: 0.35, w: 0.2 },
	/** Or level with the knees (up to ~0.45 above) while within ~0.9 trunk lengths of one. */
	hokWristNotAboveKnee: { c: 0.45, w: 0.15 },
	hokWristKneeLevelDist: { c: 0.9, w: 0.2 },
	/** Knees not seen: the standing-legs factor is unknown. */
	hokLegsUnseen: 0.9,
	/** Knees not seen: the stand-in cues count this much (less sure than seeing the hands on the knees). */
	hokNoKneesWeight: 0.9,
	/** ... wrists more than ~0.3 trunk lengths below the head (prostration: hands beside the head) ... */
	hokWristsBelowHead: { c: -0.28, w: 0.15 },
	/** ... arms pointing down (> ~135 degrees from straight up) ... */
	hokArmsDown: { c: 132, w: 15 },
	/**
	 * Whatever the knees: the hands hang below the head (in prostration they rest beside it, within
	 * ~0.1 trunk lengths of its height) ...
	 */
	hokWristsNotAtHead: { c: -0.2, w: 0.1 },
	/** ... head not far below the hips (prostration and folds drop it ~0.7-1.4 trunk lengths) ... */
	hokHeadNotLow: { c: -0.72, w: 0.25 },
	/** ... and clearly bowing (a desk hunch with the legs hidden stays under ~50 degrees) ... */
	hokNoKneesTrunk: { c: 58, w: 10 },
	/**
	 * ... seen from the side or at 45 degrees: facing the camera a forward fold with the knees
	 * hidden behind the head looks the same (PosePilot sun salutations).
	 */
	hokNoKneesSideways: 0.55,
	/**
	 * Facing the camera (image landmarks): a bow with the back about level shows the hips above the
	 * shoulders, the trunk reading ~105-145 degrees (a plank or all-fours from the front stays ~95-100) ...
	 */
	hokFrontTrunkMin: { c: 104, w: 8 },
	hokFrontTrunkMax: { c: 150, w: 10 },
	/**
	 * ... the wrists hang clearly below the head (bowing photos: 0.25-1.1 trunk lengths; prostration
	 * seen from the front keeps them level with it, -0.2..+0.2) ...
	 */
	hokFrontWristsBelowHead: { c: -0.21, w: 0.08 },
	/**
	 * ... and the head hangs a little below the hips: ~0.4-0.85 trunk lengths (a fold hangs it lower;
	 * a plank from the front keeps it level, ~-0.2).
	 */
	hokFrontHeadNotLow: { c: -0.9, w: 0.15 },
	hokFrontHeadBelowHips: { c: -0.33, w: 0.1 },
	/**
	 * No wrist seen at all (hands on the knees behind the head, facing the camera): the hips stand
	 * high over the ankles (bowing photos 1.4-1.6 trunk lengths; kneeling prostration <= ~1.05) ...
	 */
	hokHiddenHandsHips: { c: 1.3, w: 0.1 },
	/** ... on legs near vertical (kneeling puts the shins along the floor: 24-65 degrees) ... */
	hokHiddenHandsLegs: { c: 22, w: 6 },
	/** ... with the head down to ~1.1 trunk lengths below the hips (a fold hangs it lower) ... */
	hokHiddenHandsHeadNotLow: { c: -1.2, w: 0.1 },
	/** ... and counting a little less than a bow where the hands are seen. */
	hokHiddenHandsWeight: 0.85,
	/** A bow this deep (with hands low and head up) counts as standing whatever the legs seem. */
	hokBowTrunk: { c: 72, w: 12 },
	/** ... but not with the legs along the floor or the hips on it (kneeling, lying, plank). */
	hokBowLegs: { c: 50, w: 15 },
	/** ... nor with the thighs pointing forward (sitting or kneel-sitting). */
	hokBowThighs: { c: 52, w: 12 },
	hokBowHips: { c: 0.35, w: 0.2 },

	// ---- forward_fold (domain: "touching the toes / standing forward fold") ----------------------
	/** The trunk points down past horizontal. */
	foldTrunk: { c: 100, w: 20 },
	/** The head hangs below the hips. */
	foldHeadHeight: { c: -0.15, w: 0.4 },
	/** Hands by the feet or shins (down dog plants them ~2-3 trunk lengths away). */
	foldWristAnkle: { c: 1.2, w: 0.5 },
	/** Hands below the knees (reaching down the shins or to the floor). */
	foldWristBelowKnee: { c: -0.15, w: 0.2 },
	/** Knees unseen: hands within ~0.5 trunk lengths of the ankles' height (knee height is ~0.8). */
	foldWristHeight: { c: 0.5, w: 0.25 },
	/**
	 * Neither hands nor knees placed: a deep bow (bowing photos) and a fold look alike; lean away
	 * from naming the fold.
	 */
	foldHandsUnseen: 0.35,

	// ---- upright and slouched ---------------------------------------------------------------------
	/** An upright trunk stays within ~20 degrees of vertical (sitting tall or leaning on a backrest). */
	uprightTrunk: { c: 24, w: 12 },
	/**
	 * Forward head: the shoulder-ear line from vertical (postureCV's angle, distance-invariant),
	 * seen from the side or at 45 degrees. Upright people sit and stand at ~0-25 degrees (skeleton
	 * model: median 11); a slump or "text neck" pushes it to 30-60 (median 42).
	 */
	slouchNeck: { c: 30, w: 12 },
	/** Neck line bent forward from the trunk line by > ~24 degrees: round upper back + forward head. */
	slouchRounding: { c: 24, w: 10 },
	/** ... and only with the head itself ahead of vertical (> ~15 degrees). */
	roundingNeckMin: { c: 15, w: 10 },
	/**
	 * Front webcam: ears' height over the shoulders per shoulder width. Upright ~0.55-0.7, slumped ~0.45-0.6: the head sinks
	 * towards the shoulders and the upper body comes closer (wider shoulders). The centre is midway
	 * between the skeleton model's upright and slumped medians at a desk webcam (0.62, 0.53).
	 * Individual necks vary, which is what calibration is for.
	 */
	slouchFrontIndex: { c: 0.57, w: 0.07 },
	/**
	 * Weight of "nose below the ears" (looking down) subtracted from that ratio. 0: a glance at the
	 * keyboard does the same (Dorso #11, #47), and on the desk-webcam recording it only blurred the
	 * ratio (AUC 0.89 alone, 0.86 with weight 0.8).
	 */
	slouchNoseWeight: 0,
	/** Above this ratio the view is not frontal (shoulders narrowed by turning): cue not used. */
	frontalNeckHeightMax: 0.9,
	/** Sitting hunched forward over a desk: trunk leaning > ~30 degrees while seated. */
	slouchHunch: { c: 28, w: 12 },
	/** Past ~60 degrees of bend the person is bowing or folding, not slouching. */
	slouchTrunkMax: { c: 62, w: 14 },
	/** Standing, a slouch rounds the upper back but the trunk stays within ~35 degrees of vertical. */
	slouchStandingTrunkMax: { c: 42, w: 10 },
	/**
	 * A squat (knees < ~115 degrees with the weight over the feet: hip-shoulder midpoint within
	 * ~0.3 trunk lengths of the ankles) is exercise, not a slump; on a chair the hips sit ~0.4-0.9
	 * behind the feet.
	 */
	squatKnee: { c: 115, w: 20 },
	squatBalance: { c: 0.32, w: 0.15 },
	/** Facing the camera: shins tilted > ~25 degrees (knees forward over the toes). */
	squatShank: { c: 25, w: 10 },
	/** Knees more than ~2.6 hip widths apart: a wide squat or side lunge, not sitting or standing. */
	wideKnees: { c: 2.6, w: 0.6 },

	// ---- Stretches the coach scores (domain: "what to prompt instead") ----------------------------
	/** Cobra: chest lifted, trunk between ~15 and ~80 degrees from vertical. */
	cobraTrunkMin: { c: 12, w: 10 },
	cobraTrunkMax: { c: 80, w: 12 },
	/** Cobra: propped on the hands, forearms pointing down (> ~125 degrees from up). */
	cobraForearm: { c: 122, w: 25 },
	/** Cobra: back bent relative to the legs (shoulder-hip-knee < ~165); a plank stays straight. */
	cobraHipAngle: { c: 166, w: 10 },
	/** Sphinx ("prone on the elbows"): gentle lift, trunk ~45-85 degrees from vertical ... */
	sphinxTrunkMin: { c: 40, w: 15 },
	sphinxTrunkMax: { c: 86, w: 8 },
	/** ... forearms flat on the floor (~50-125 degrees from up) ... */
	sphinxForearmLow: { c: 50, w: 20 },
	sphinxForearmHigh: { c: 125, w: 20 },
	/** ... elbows bent (~60-120). */
	sphinxElbowLow: { c: 45, w: 20 },
	sphinxElbowHigh: { c: 135, w: 20 },
	/** Arms not seen: a chest lifted past ~30 degrees (trunk < 60 from vertical) is cobra, lower sphinx. */
	proneArmsUnseenSplit: { c: 60, w: 10 },
	/** Back extension: wrists within ~0.2 trunk lengths of the lower back (see handsLowerBackDist). */
	backExtHands: { c: 0.2, w: 0.1 },
	/** Seen from the front: hands hidden behind the back with elbows at the waist count this much. */
	backExtHiddenHands: 0.85,
	/** Not bent forward (unsigned flexion when the view hides the direction). */
	backExtNotForward: { c: 25, w: 12 },
	/** Back extension: trunk bent back a few degrees or more ("bend back slowly"). */
	backExtPitch: { c: -6, w: 10 },
	/** Hanging: both arms within ~28 degrees of vertical overhead ... */
	hangArm: { c: 30, w: 14 },
	/** ... both wrists above the head ... */
	hangWristsAbove: { c: 0.22, w: 0.25 },
	/** ... elbows nearly straight ... */
	hangElbow: { c: 140, w: 25 },
	/** ... body vertical ... */
	hangTrunk: { c: 30, w: 15 },
	/** ... and hands apart as on a bar (front view only: joined hands overhead are not a bar grip). */
	hangGrip: { c: 0.7, w: 0.35 },

	// ---- Decision ---------------------------------------------------------------------------------
	/**
	 * 'other' scores this share of the support no label has. 1: a label must be better than even
	 * (0.85 let a few slouching sitters into hands_on_knees on the sitting stills).
	 */
	otherWeight: 1
} as const satisfies Record<string, Soft | number>;
