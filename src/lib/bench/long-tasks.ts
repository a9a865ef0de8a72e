/** Counts main-thread tasks longer than 50 ms (the Long Tasks API) while a measurement runs. */
export function watchLongTasks(): { stop(): { count: number; totalMs: number; maxMs: number } } {
	const entries: PerformanceEntry[] = [];
	const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
	observer.observe({ type: 'longtask', buffered: false });
	return {
		stop() {
			entries.push(...observer.takeRecords());
			observer.disconnect();
			return {
				count: entries.length,
				totalMs: entries.reduce((s, e) => s + e.duration, 0),
				maxMs: entries.reduce((m, e) => Math.max(m, e.duration), 0)
			};
		}
	};
}

export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}
