import { LM } from '../pose/landmarks';
import type { Body } from './types';
import { ankleMid, at, horizontal, norm, sub } from './geometry';

/**
 * Horizontal distance of the wrists (mean of the seen ones) from the mid-ankles, in trunk lengths.
 * A toe touch / forward fold puts the hands by the feet (~0-0.5); down dog plants them a body
 * length away (~1.5-2.5). Null facing the camera in a picture (the distance lies in depth).
 */
export function wristAnkleDist(body: Body): number | null {
	const a = ankleMid(body);
	if (!a || !body.scale) return null;
	if (!body.hasDepth && (!body.heading || Math.abs(body.heading.z) > 0.75)) return null;
	let sum = 0;
	let n = 0;
	for (const wi of [LM.leftWrist, LM.rightWrist]) {
		const w = at(body, wi);
		if (!w) continue;
		sum += norm(horizontal(sub(w, a)));
		n++;
	}
	return n ? sum / n / body.scale : null;
}
