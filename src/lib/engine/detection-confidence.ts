import type { EngineOptions } from './types';

/** MediaPipe's person-detector confidence the live (VIDEO) mode uses, and stills unless told otherwise. */
export const DEFAULT_DETECTION_CONFIDENCE = 0.5;

/**
 * The minPoseDetectionConfidence for a landmarker in this running mode. Only still images (IMAGE mode) take
 * `imageMinDetectionConfidence`: the live camera keeps the default, where tracking carries a person between
 * detections and a lower bar would only add false people.
 */
export function detectionConfidence(mode: 'VIDEO' | 'IMAGE', options: Pick<EngineOptions, 'imageMinDetectionConfidence'>): number {
	const v = options.imageMinDetectionConfidence;
	if (mode !== 'IMAGE' || v === undefined || !Number.isFinite(v)) return DEFAULT_DETECTION_CONFIDENCE;
	return Math.min(1, Math.max(0, v));
}
