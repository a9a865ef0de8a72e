import type { Landmark, PersonPose, PoseFrame, WorldLandmark } from '$lib/pose/types';

interface RawLandmark {
	x: number;
	y: number;
	z: number;
	visibility?: number;
}

/** Rounds to 5 decimals: plenty for pixels (1e-5 of a 4K frame is 0.04 px) and keeps messages small. */
const round = (v: number) => Math.round(v * 1e5) / 1e5;

function copyLandmark(l: RawLandmark): Landmark {
	const out: Landmark = { x: round(l.x), y: round(l.y), z: round(l.z) };
	if (l.visibility !== undefined) out.visibility = round(l.visibility);
	return out;
}

/** Plain-data copy of a MediaPipe result (its arrays belong to the wasm side and must not be kept). */
export function toPoseFrame(
	result: { landmarks: RawLandmark[][]; worldLandmarks: RawLandmark[][] },
	t: number,
	width: number,
	height: number
): PoseFrame {
	const people: PersonPose[] = result.landmarks.map((person, i) => ({
		landmarks: person.map(copyLandmark),
		worldLandmarks: (result.worldLandmarks[i] ?? []).map((l) => copyLandmark(l) as WorldLandmark)
	}));
	return { t, people, width, height };
}

/** Timestamps handed to MediaPipe's VIDEO mode must strictly increase, whatever the source says. */
export function nextTimestamp(last: number, proposed: number): number {
	return Number.isFinite(proposed) && proposed > last ? proposed : last + 1;
}
