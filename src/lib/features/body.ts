import type { PersonPose } from '../pose/types';
import type { Body } from './types';
import { MIN_VISIBILITY, computeMids, toBodyPoints } from './geometry';
import { bodyScale } from './body-scale';
import { bodyHeading } from './heading';

/** Gated points, body scale and facing of one person, computed once for all features. */
export function prepareBody(person: PersonPose, aspect = 1, minVisibility = MIN_VISIBILITY): Body {
	const body = toBodyPoints(person, aspect, minVisibility) as Body;
	body.mids = computeMids(body);
	body.scale = bodyScale(body);
	const h = bodyHeading(body, body.scale);
	body.heading = h.heading;
	body.sideKnown = h.sideKnown;
	return body;
}
