/** Types of the posture features: interpretable numbers computed once per person per frame. */

export interface Vec3 {
	x: number;
	y: number;
	z: number;
}

/**
 * One person's landmarks, gated and put on one scale (see `toBodyPoints`): `p[i]` is null when
 * landmark i is missing, not finite, off-frame or below the visibility gate.
 * Axes: x right, y DOWN (gravity), z away from the camera (0 for image landmarks).
 */
export interface BodyPoints {
	p: ReadonlyArray<Vec3 | null>;
	/** Raw visibility 0..1 per landmark (1 when the source has none, ~0 when off-frame or missing). */
	vis: Float64Array;
	/** 'world': metric 3-D world landmarks; 'image': aspect-corrected image landmarks (x, y only). */
	source: 'world' | 'image';
	/** True for world landmarks: depth is known and every vector is 3-D. */
	hasDepth: boolean;
}

/**
 * A body prepared for feature extraction: gated points plus the two things nearly every feature
 * needs, computed once (see `prepareBody`).
 */
export interface Body extends BodyPoints {
	/** Shoulder, hip, ear, knee and ankle midpoints and the trunk axis, computed once. */
	mids: {
		sm: Vec3 | null;
		hm: Vec3 | null;
		em: Vec3 | null;
		km: Vec3 | null;
		am: Vec3 | null;
		trunk: Vec3 | null;
	} | null;
	/** Trunk length of this person in the points' units, estimated from every seen segment. */
	scale: number | null;
	/**
	 * Horizontal unit vector the person faces. For image landmarks its x part is how much of the
	 * body's forward direction lies in the picture (1 side-on, 0 facing the camera), signed; its z
	 * part is the rest (towards the camera is -z). Null when it cannot be told.
	 */
	heading: Vec3 | null;
	/** True when the sign of the in-picture forward direction is known (heading.x is usable). */
	sideKnown: boolean;
}

/**
 * How the trunk lies against gravity: upright (within 50 degrees of vertical), inverted (head end
 * more than 130 degrees from up), or lying with the front down (prone) / up (supine); 'lying' when
 * horizontal but which side faces down cannot be told.
 */
export type BodyOrientation = 'upright' | 'prone' | 'supine' | 'lying' | 'inverted';

/** Which parts of the body are seen well enough to measure. */
export interface Coverage {
	face: boolean;
	shoulders: boolean;
	hips: boolean;
	knees: boolean;
	ankles: boolean;
	wrists: boolean;
	elbows: boolean;
	/** Head and shoulders seen but hips not (desk webcam). */
	upperBodyOnly: boolean;
}

/**
 * Everything the still classifier looks at. Angles in degrees, distances in body scales (trunk
 * length, see `bodyScale`), heights against gravity (positive = higher). Null = cannot be measured
 * in this frame (not seen, or not observable from this view).
 */
export interface PostureFeatures {
	coverage: Coverage;
	/** 'world' or 'image' (see BodyPoints.source) and whether depth was known. */
	source: 'world' | 'image';
	hasDepth: boolean;
	/** Body scale used for normalisation (trunk length, in the points' units). */
	scale: number | null;
	/** Facing (see Body.heading) and whether its in-picture sign is known. */
	heading: Vec3 | null;
	sideKnown: boolean;
	/** Trunk axis from vertical, unsigned: 0 upright, 90 horizontal, 180 upside down. */
	trunkFlexionDeg: number | null;
	/** Trunk pitch in the body's sagittal plane: + bent forward, - bent back. Null when facing is unknown. */
	trunkPitchDeg: number | null;
	/** Shoulder-hip-knee inner angle, better-seen side (180 = straight, ~90 = sitting). */
	hipAngleDeg: number | null;
	/** Hip-knee-ankle inner angle, better-seen side (180 = straight). */
	kneeAngleDeg: number | null;
	/** Smallest knee angle of the seen knees (deep squats, kneeling). */
	kneeAngleMinDeg: number | null;
	/** Mean over seen wrists of the distance to the nearest knee, in body scales. */
	wristKneeDist: number | null;
	/** Ear-over-shoulder line from vertical (postureCV's cue), + head forward. */
	neckFlexionDeg: number | null;
	/** Bend between the trunk axis and the shoulder-ear line (round upper back + forward head). */
	shoulderRoundingDeg: number | null;
	/** Height of the ears above the shoulders over shoulder width (front-view forward-head cue). */
	neckHeightRatio: number | null;
	/** How far the nose is below the ears, over shoulder width (+ = looking down). */
	noseDropRatio: number | null;
	/** Trunk (or shoulder line) tilt to the side, degrees, unsigned. */
	lateralLeanDeg: number | null;
	orientation: BodyOrientation | null;
	/** Inner elbow angles (180 = straight), better-seen side first: [min, max] over seen elbows. */
	elbowAngleMinDeg: number | null;
	elbowAngleMaxDeg: number | null;
	/** Shoulder-to-wrist direction from straight up, the LOWER of the two arms (both must be up). */
	armElevationDeg: number | null;
	/** Height of the lower wrist above the nose, in body scales (both wrists overhead when > 0). */
	wristsAboveHead: number | null;
	/** Distance between the wrists over the usual shoulder width (a bar grip ~1-2, joined hands ~0). */
	gripWidthRatio: number | null;
	/** Mean distance of the seen wrists from the lower back (behind the lumbar spine), body scales. */
	handsLowerBackDist: number | null;
	/** Mid-hip to mid-ankle from straight down: 0 standing legs, ~90 legs along the floor. */
	legAngleDeg: number | null;
	/** Mid-hip to mid-knee from straight down. */
	thighAngleDeg: number | null;
	/** Head (nose or ears) above the hips, body scales; negative when the head hangs below. */
	headHeight: number | null;
	/** Hips above the ankles, body scales: ~1.7 standing, ~0.9 on a chair, ~0 lying. */
	hipHeight: number | null;
	/** Horizontal distance of the wrists from the ankles, body scales (fold ~0.3, down dog ~1.5). */
	wristAnkleDist: number | null;
	/** Height of the lower wrist above the lower ankle, body scales (~0 = hands at floor level). */
	wristHeight: number | null;
	/** Mean wrist height relative to the shoulders, body scales (+ above). */
	wristShoulderHeight: number | null;
	/** Elbow-to-wrist direction from straight up, mean of the seen arms (~90 forearms flat). */
	forearmAngleDeg: number | null;
	/** Shin from vertical, better-seen side (~0-15 standing or on a chair, 20-45 squatting). */
	shankAngleDeg: number | null;
	/** Height difference of the ankles, trunk lengths (~0 both feet down, 0.5+ on one leg). */
	footLevelDiff: number | null;
	/** Weight over the feet: forward offset of the hip-shoulder midpoint from the ankles (~0 standing or squatting, < -0.4 on a chair). */
	comOverFeet: number | null;
	/** Knees apart over hips apart (~1-2 normally, 3+ in a wide squat or side lunge). */
	kneeSpread: number | null;
	/** Wrists above the knees, trunk lengths (~0..0.3 braced on the knees, < -0.2 down the shins). */
	wristKneeHeight: number | null;
	/** 1 when both wrists are hidden and both elbows sit at waist height (hands behind the back). */
	handsHiddenBehind: number | null;
	/**
	 * Head and shoulders only (hips unseen): the desk slouch network's probability of a slouch from the
	 * upper-body embedding (posture/slouch-net.ts); null with hips in view or too little seen.
	 */
	deskSlouch: number | null;
}
