/** Going to a stretch from anywhere: the guided page opens on that exercise. */
import { goto } from '$app/navigation';
import { base } from '$app/paths';
import type { StretchName } from '$lib/nudge/types';

export function startStretch(exercise: StretchName): void {
	// The query string cannot go through resolve(); the path is the app's own /stretch route.
	// eslint-disable-next-line svelte/no-navigation-without-resolve
	void goto(`${base}/stretch?exercise=${exercise}`);
}
