/**
 * Computes the posture feature vector of one person once, for the still classifier and for anyone
 * who wants to explain or score a pose (form scoring, calibration).
 */
import type { PersonPose } from '../pose/types';
import type { Body, PostureFeatures } from '../features/types';
import { MIN_VISIBILITY } from '../features/geometry';
import { prepareBody } from '../features/body';
import { trunkFlexionDeg, trunkPitchDeg } from '../features/trunk-flexion';
import { hipAngleDeg } from '../features/hip-angle';
import { kneeAngleDeg, kneeAngleMinDeg } from '../features/knee-angle';
import { wristKneeDist } from '../features/wrist-knee';
import { neckFlexionDeg } from '../features/neck-flexion';
import { neckHeightRatio } from '../features/neck-height';
import { noseDropRatio } from '../features/nose-drop';
import { shoulderRoundingDeg } from '../features/shoulder-rounding';
import { lateralLeanDeg } from '../features/lateral-lean';
import { bodyOrientation } from '../features/body-orientation';
import { coverage } from '../features/visibility';
import { elbowAngles } from '../features/elbow-angle';
import { armElevationDeg } from '../features/arm-elevation';
import { wristsAboveHead } from '../features/wrists-above-head';
import { gripWidthRatio } from '../features/grip-width';
import { handsLowerBackDist } from '../features/hands-lower-back';
import { legAngleDeg } from '../features/leg-angle';
import { thighAngleDeg } from '../features/thigh-angle';
import { headHeight } from '../features/head-height';
import { hipHeight } from '../features/hip-height';
import { wristAnkleDist } from '../features/wrist-ankle';
import { wristHeight } from '../features/wrist-height';
import { wristShoulderHeight } from '../features/wrist-shoulder-height';
import { forearmAngleDeg } from '../features/forearm-angle';
import { shankAngleDeg } from '../features/shank-angle';
import { footLevelDiff } from '../features/foot-level';
import { comOverFeet } from '../features/com-over-feet';
import { kneeSpread } from '../features/knee-spread';
import { wristKneeHeight } from '../features/wrist-knee-height';
import { handsHiddenBehind } from '../features/hands-hidden';
import { UPPER_BODY_DIM, upperBodyEmbedding } from '../features/upper-body';
import { slouchProbability } from './slouch-net';
import { SLOUCH_MODEL } from './slouch-model';
import { LM } from '../pose/landmarks';

export interface FeatureContext {
	/** Frame width / height; 1 when unknown. */
	aspect: number;
	/** Visibility gate (default 0.5). */
	minVisibility?: number;
}

const embScratch = new Float64Array(UPPER_BODY_DIM);

/** The desk slouch network's verdict when only the head and shoulders are seen. */
function deskSlouch(body: Body): number | null {
	if (body.p[LM.leftHip] || body.p[LM.rightHip]) return null;
	const e = upperBodyEmbedding(body, embScratch);
	return e ? slouchProbability(SLOUCH_MODEL, e) : null;
}

/** All posture features of a prepared body. */
export function featuresOfBody(body: Body): PostureFeatures {
	const elbows = elbowAngles(body);
	return {
		coverage: coverage(body),
		source: body.source,
		hasDepth: body.hasDepth,
		scale: body.scale,
		heading: body.heading,
		sideKnown: body.sideKnown,
		trunkFlexionDeg: trunkFlexionDeg(body),
		trunkPitchDeg: trunkPitchDeg(body),
		hipAngleDeg: hipAngleDeg(body),
		kneeAngleDeg: kneeAngleDeg(body),
		kneeAngleMinDeg: kneeAngleMinDeg(body),
		wristKneeDist: wristKneeDist(body),
		neckFlexionDeg: neckFlexionDeg(body),
		shoulderRoundingDeg: shoulderRoundingDeg(body),
		neckHeightRatio: neckHeightRatio(body),
		noseDropRatio: noseDropRatio(body),
		lateralLeanDeg: lateralLeanDeg(body),
		orientation: bodyOrientation(body),
		elbowAngleMinDeg: elbows.min,
		elbowAngleMaxDeg: elbows.max,
		armElevationDeg: armElevationDeg(body),
		wristsAboveHead: wristsAboveHead(body),
		gripWidthRatio: gripWidthRatio(body),
		handsLowerBackDist: handsLowerBackDist(body),
		legAngleDeg: legAngleDeg(body),
		thighAngleDeg: thighAngleDeg(body),
		headHeight: headHeight(body),
		hipHeight: hipHeight(body),
		wristAnkleDist: wristAnkleDist(body),
		wristHeight: wristHeight(body),
		wristShoulderHeight: wristShoulderHeight(body),
		forearmAngleDeg: forearmAngleDeg(body),
		shankAngleDeg: shankAngleDeg(body),
		footLevelDiff: footLevelDiff(body),
		comOverFeet: comOverFeet(body),
		kneeSpread: kneeSpread(body),
		wristKneeHeight: wristKneeHeight(body),
		handsHiddenBehind: handsHiddenBehind(body),
		deskSlouch: deskSlouch(body)
	};
}

/** All posture features of one person in one frame. Pure; a few microseconds. */
export function featuresOf(person: PersonPose, ctx: FeatureContext): PostureFeatures {
	return featuresOfBody(prepareBody(person, ctx.aspect, ctx.minVisibility ?? MIN_VISIBILITY));
}
