/** Going to a stretch from anywhere: the guided page opens on that exercise. */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { StretchName } from '$lib/nudge/types';

export function startStretch(exercise: StretchName): void {
	void goto(resolve(`/stretch?exercise=${exercise}`));
}
