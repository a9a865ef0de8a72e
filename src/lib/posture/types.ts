/** What the person's back is doing in one frame. Exact strings: the CLI and the history store them. */
export const POSTURE_LABELS = [
	'hands_on_knees',
	'slouched',
	'forward_fold',
	'upright',
	'cobra',
	'sphinx',
	'back_extension',
	'hanging',
	'other',
	'unknown'
] as const;

export type PostureLabel = (typeof POSTURE_LABELS)[number];

/** The verdict on one frame taken on its own (no memory of earlier frames). */
export interface PostureVerdict {
	label: PostureLabel;
	/** 0..1: how sure the classifier is of `label`. */
	confidence: number;
	/** Per-label support 0..1 (not necessarily summing to 1), for smoothing and explanation. */
	scores: Partial<Record<PostureLabel, number>>;
}
