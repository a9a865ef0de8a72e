import type { PersonPose } from '../pose/types';
import type { Body } from './types';
import { MIN_VISIBILITY, toBodyPoints } from './geometry';
import { bodyScale } from './body-scale';
import { bodyHeading } from './heading';

/** Gated points, body scale and facing of one person, computed once for all features. */
export function prepareBody(person: PersonPose, aspect = 1, minVisibility = MIN_VISIBILITY): Body {
	const bp = toBodyPoints(person, aspect, minVisibility);
	const s = bodyScale(bp);
	const h = bodyHeading(bp, s);
	return { ...bp, scale: s, heading: h.heading, sideKnown: h.sideKnown };
}
