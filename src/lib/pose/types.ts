/**
 * Pose types shared by the worker, the domain logic and the CLI.
 * Pure data: nothing here touches the DOM, so domain code runs in Node too.
 */

/** One landmark, image-normalised: x and y in 0..1 of the frame (origin top-left), z relative depth. */
export interface Landmark {
	x: number;
	y: number;
	/** Depth relative to the hips, same scale as x; absent in some datasets. */
	z?: number;
	/** 0..1 likelihood the point is visible in the frame; absent in some datasets. */
	visibility?: number;
}

/** A world landmark in metres, origin between the hips, y pointing down (MediaPipe's convention). */
export interface WorldLandmark {
	x: number;
	y: number;
	z: number;
	visibility?: number;
}

/**
 * The 33 MediaPipe landmarks of one person in one frame.
 * A `null` is a landmark the source does not have (e.g. a dataset with face and shoulders only).
 */
export type PoseLandmarks = ReadonlyArray<Landmark | null>;
export type PoseWorldLandmarks = ReadonlyArray<WorldLandmark | null>;

/** One person seen in one frame. */
export interface PersonPose {
	landmarks: PoseLandmarks;
	worldLandmarks?: PoseWorldLandmarks;
}

/** Everything the engine knows about one frame. */
export interface PoseFrame {
	/** Milliseconds, strictly increasing within a stream. */
	t: number;
	/** People found, most prominent first; empty when nobody is in frame. */
	people: PersonPose[];
	/** Frame size in pixels, so that image-normalised x and y can be put on one scale. */
	width?: number;
	height?: number;
}

/** Where the time went for one frame in the worker. */
export interface FrameTiming {
	/** Milliseconds spent in detectForVideo / detect. */
	inferenceMs: number;
	/** Milliseconds from the frame's capture to the result leaving the worker. */
	latencyMs: number;
}

export type PoseModel = 'lite' | 'full' | 'heavy';
export type PoseDelegate = 'CPU' | 'GPU';
