/** Local-time helpers for snoozes and the morning caution (plain numbers in, so that they are testable). */

/** Milliseconds timestamp of the next local midnight after `now`. */
export function startOfTomorrow(now: number): number {
	const d = new Date(now);
	d.setHours(24, 0, 0, 0);
	return d.getTime();
}

export function localHour(now: number): number {
	return new Date(now).getHours();
}

/** "14:30", or "tomorrow 08:00" when `at` is not today. */
export function describeUntil(at: number, now: number): string {
	const time = new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
	return at >= startOfTomorrow(now) ? `tomorrow ${time}` : time;
}
