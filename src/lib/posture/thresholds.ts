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
	/** Standing hips are ~1.6-1.9 trunk lengths above the ankles; a chair puts them at ~0.8-1.1. */
	standingHipHeight: { c: 1.2, w: 0.3 },
	/** Without ankles: thighs within ~40 degrees of vertical mean standing. */
	standingThighAngle: { c: 40, w: 20 },
	/** Seated thighs are roughly level (~60-120 degrees from straight down). */
	seatedThighLow: { c: 45, w: 20 },
	seatedThighHigh: { c: 140, w: 20 },
	/** Seated hips are below ~1.35 trunk lengths over the ankles. */
	seatedHipHeight: { c: 1.35, w: 0.3 },
	/** Lying: legs along the floor (hips to ankles > ~60 degrees from down) ... */
	lyingLegAngle: { c: 58, w: 20 },
	/** ... and hips near the floor (domain, cobra: "hips stay glued to the floor"). */
	lyingHipHeight: { c: 0.38, w: 0.22 },
	/** Knees straight enough for a standing bend or a prone stretch (not kneeling, not squatting). */
	straightishKnee: { c: 122, w: 25 },

	// ---- hands_on_knees (domain: "bending forward with hands on the knees", the post-sprint rest)
	/** Bent at the hips at least ~30 degrees: the flexed posture the app exists to catch. */
	hokTrunkMin: { c: 30, w: 14 },
	/** Past ~120 degrees the head hangs below the hips: that is a forward fold, not a brace. */
	hokTrunkMax: { c: 120, w: 16 },
	/**
	 * Wrists on the knee or the lower thigh: within ~0.55 trunk lengths of a knee point (the palm
	 * covers the knee, so the wrist sits up the thigh; shorter arms brace higher up).
	 */
	hokWristKnee: { c: 0.55, w: 0.2 },

	// ---- forward_fold (domain: "touching the toes / standing forward fold") ----------------------
	/** The trunk points down past horizontal. */
	foldTrunk: { c: 100, w: 20 },
	/** The head hangs below the hips. */
	foldHeadHeight: { c: -0.15, w: 0.4 },
	/** Hands by the feet or shins (down dog plants them ~2-3 trunk lengths away). */
	foldWristAnkle: { c: 1.2, w: 0.5 },

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
	/**
	 * Front webcam: ears' height over the shoulders per shoulder width, minus 0.8 x how far the nose
	 * sits below the ears (looking down). Upright ~0.55-0.7 (desk-webcam recording and skeleton
	 * model: medians ~0.6), slumped ~0.45-0.55: the head sinks towards the shoulders and the upper
	 * body comes closer (wider shoulders). Individual necks vary, which is what calibration is for.
	 */
	slouchFrontIndex: { c: 0.545, w: 0.07 },
	/** Weight of the nose-below-ears part of the index (weak alone: Dorso #11, #47). */
	slouchNoseWeight: 0.8,
	/** Above this ratio the view is not frontal (shoulders narrowed by turning): cue not used. */
	frontalNeckHeightMax: 0.9,
	/** Sitting hunched forward over a desk: trunk leaning > ~30 degrees while seated. */
	slouchHunch: { c: 28, w: 12 },
	/** Past ~60 degrees of bend the person is bowing or folding, not slouching. */
	slouchTrunkMax: { c: 62, w: 14 },
	/** Standing, a slouch rounds the upper back but the trunk stays within ~35 degrees of vertical. */
	slouchStandingTrunkMax: { c: 42, w: 10 },
	/** A squat (knees < ~115 degrees with the shins tilted > ~20) is exercise, not a slump. */
	squatKnee: { c: 115, w: 20 },
	squatShank: { c: 20, w: 10 },

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
	/** Back extension: wrists within ~0.2 trunk lengths of the lower back (see handsLowerBackDist). */
	backExtHands: { c: 0.2, w: 0.1 },
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
	/** Below this best score nothing fits well: 'other'. */
	minScore: 0.5
} as const satisfies Record<string, Soft | number>;
