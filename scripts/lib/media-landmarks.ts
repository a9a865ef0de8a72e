/** Landmarks of still photos through the real engine in headless Chromium (used by the evaluation). */
import type { PersonPose, PoseLandmarks, PoseWorldLandmarks } from '../../src/lib/pose/types';
import { openAnalysisBrowser, type AnalysisBrowserOptions } from './analysis-browser';

export interface ImageLandmarks {
	file: string;
	/** The most prominent person, or null when nobody was found. */
	landmarks: PoseLandmarks | null;
	worldLandmarks: PoseWorldLandmarks | null;
	/** Everyone found, most prominent first (the posture pipeline picks whom to follow). */
	people: PersonPose[];
	width: number;
	height: number;
	/** Set when the image could not be read. */
	error?: string;
}

export async function landmarksForImages(paths: readonly string[], opts: AnalysisBrowserOptions = {}): Promise<ImageLandmarks[]> {
	const browser = await openAnalysisBrowser(opts);
	try {
		const out: ImageLandmarks[] = [];
		for (const file of paths) {
			const r = await browser.image(file);
			if (!r.ok) {
				out.push({ file, landmarks: null, worldLandmarks: null, people: [], width: 0, height: 0, error: `${r.failure.code}: ${r.failure.detail}` });
				continue;
			}
			const { frame } = r.result;
			const person = frame.people[0];
			out.push({
				file,
				landmarks: person?.landmarks ?? null,
				worldLandmarks: person?.worldLandmarks ?? null,
				people: frame.people,
				width: frame.width ?? 0,
				height: frame.height ?? 0
			});
		}
		return out;
	} finally {
		await browser.close();
	}
}
