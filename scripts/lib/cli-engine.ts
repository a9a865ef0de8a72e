/**
 * How `npm run analyze` runs the pose engine on images and videos, and so how `npm run eval` runs it on photos:
 * the evaluation reports what the CLI says.
 *
 * numPoses 2, as in the app: the posture pipeline picks the person to follow. The person-detector confidence
 * applies to still images only (IMAGE mode; video keeps MediaPipe's 0.5, where tracking carries a person between
 * frames): a still has no tracking to fall back on, and bowing bodies in long clothes are hard for the detector.
 * At its default 0.5 it found nobody in a third of the bowing photos (lite 70/104, full 68/104, heavy 69/104);
 * at 0.2 lite finds 89/104. Lower (0.05) finds a few more but puts their skeletons on the wrong places.
 */
export const CLI_ENGINE = { numPoses: 2, imageMinDetectionConfidence: 0.2 } as const;
