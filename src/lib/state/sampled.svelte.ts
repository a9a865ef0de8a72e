/**
 * A number for people to read, refreshed at most every `ms` from a value that changes with every frame.
 *
 * Frame rate, inference time and confidence change with each pose result (10-30 a second). Shown as they come,
 * they flicker too fast to read, and each change costs the page a layout, a paint and a raster of what changed:
 * on the workout page that was most of its own work per result. Sampled twice a second they are readable and
 * nearly free. Call during a component's initialisation (it owns an effect).
 */
export function sampled<T>(read: () => T, ms = 500): { readonly value: T } {
	let value = $state(read());
	$effect(() => {
		const timer = setInterval(() => (value = read()), ms);
		return () => clearInterval(timer);
	});
	return {
		get value() {
			return value;
		}
	};
}
