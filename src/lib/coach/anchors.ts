/**
 * The body parts each exercise keeps in place (see skeleton-jump.ts): knees, feet and hands on the floor
 * lying face down (the hands by the shoulders in a cobra, the forearms flat in a sphinx), the hands on
 * the bar hanging, the feet on the floor standing.
 */
import { LM } from '../pose/landmarks';
import type { ExerciseName } from './types';

export const ANCHORS: Readonly<Record<ExerciseName, readonly number[]>> = {
	cobra: [LM.leftKnee, LM.rightKnee, LM.leftAnkle, LM.rightAnkle, LM.leftWrist, LM.rightWrist],
	sphinx: [LM.leftKnee, LM.rightKnee, LM.leftAnkle, LM.rightAnkle, LM.leftWrist, LM.rightWrist],
	hang: [LM.leftWrist, LM.rightWrist],
	back_extension: [LM.leftAnkle, LM.rightAnkle, LM.leftKnee, LM.rightKnee]
};
