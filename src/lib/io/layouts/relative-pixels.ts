/**
 * Face-and-shoulder points given in PIXELS RELATIVE TO THE RIGHT SHOULDER (image size unknown), as
 * some webcam recorders save them: each point's (x, y) is its pixel offset from the right shoulder,
 * y down; z, when given, is MediaPipe's z times the image height.
 *
 * Pixels are square, so the geometry is exact once every point shares one scale: the points are put
 * in a virtual square frame of `frame` pixels (aspect 1) with the right shoulder at (0.35, 0.75) of
 * it, where a laptop webcam shows a person's right shoulder (left of the picture, low). Only where
 * the person sits in the frame is invented; every distance and angle between points is the data's.
 */
import type { Landmark } from '../../pose/types';
import { LANDMARK_COUNT, LM } from '../../pose/landmarks';

export interface RelativePoint {
	/** MediaPipe landmark index. */
	index: number;
	x: number;
	y: number;
	/** MediaPipe z times the image height, when recorded. */
	z?: number;
}

/** Side of the virtual square frame, pixels: large enough that a desk webcam's points stay inside. */
export const VIRTUAL_FRAME_PX = 1600;
const ORIGIN = { x: 0.35, y: 0.75 };

export function relativePixelsToLandmarks(points: readonly RelativePoint[], frame = VIRTUAL_FRAME_PX): Array<Landmark | null> {
	const out: Array<Landmark | null> = new Array(LANDMARK_COUNT).fill(null);
	out[LM.rightShoulder] = { x: ORIGIN.x, y: ORIGIN.y };
	for (const p of points) {
		if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
		const l: Landmark = { x: ORIGIN.x + p.x / frame, y: ORIGIN.y + p.y / frame };
		// z was multiplied by the (unknown) image height; on the virtual frame's width scale it is z/height
		// times height/frame: the height cancels only if the frame is the image, so it is kept as given / frame.
		if (p.z !== undefined && Number.isFinite(p.z)) l.z = p.z / frame;
		out[p.index] = l;
	}
	return out;
}

/** The columns of RahulVadhyar/dontSlouch's CSVs and the landmark each is. */
export const DONT_SLOUCH_COLUMNS: ReadonlyArray<[string, number]> = [
	['Nose', LM.nose],
	['Left Shoulder', LM.leftShoulder],
	['Left Eye', LM.leftEye],
	['Right Eye', LM.rightEye],
	['Left Lip', LM.mouthLeft],
	['Right Lip', LM.mouthRight]
];

/** One row of such a CSV (cells by header name) as landmarks in the virtual frame. */
export function dontSlouchRowToLandmarks(row: Readonly<Record<string, string>>): Array<Landmark | null> {
	const pts: RelativePoint[] = [];
	for (const [name, index] of DONT_SLOUCH_COLUMNS) {
		const x = Number(row[`${name} X`]);
		const y = Number(row[`${name} Y`]);
		const zc = row[`${name} Z`];
		const z = zc === undefined || zc === '' ? undefined : Number(zc);
		if (row[`${name} X`] === undefined || row[`${name} Y`] === undefined) continue;
		pts.push({ index, x, y, ...(z !== undefined ? { z } : {}) });
	}
	const out = relativePixelsToLandmarks(pts);
	const rz = row['Right Shoulder Z'];
	if (out[LM.rightShoulder] && rz !== undefined && rz !== '' && Number.isFinite(Number(rz))) out[LM.rightShoulder]!.z = Number(rz) / VIRTUAL_FRAME_PX;
	return out;
}
