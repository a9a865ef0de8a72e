/** Landmarks of still photos through the real engine in headless Chromium (used by the evaluation). */
import type { PersonPose } from '../../src/lib/pose/types';
import { openAnalysisBrowser, type AnalysisBrowserOptions } from './analysis-browser';

export interface ImageLandmarks {
	file: string;
	/** Everyone found, most prominent first (the posture pipeline picks whom to follow); empty when nobody. */
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
				out.push({ file, people: [], width: 0, height: 0, error: `${r.failure.code}: ${r.failure.detail}` });
				continue;
			}
			const { frame } = r.result;
			out.push({ file, people: frame.people, width: frame.width ?? 0, height: frame.height ?? 0 });
		}
		return out;
	} finally {
		await browser.close();
	}
}
