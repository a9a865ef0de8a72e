/**
 * Nothing leaves the device: wraps a scope's fetch so that any request to another origin fails at once,
 * without touching the network. MediaPipe Tasks posts usage logs to a Google endpoint from inside the
 * worker; with this guard the first attempt fails locally and Tasks turns its logger off.
 */
export function guardFetch(scope: { fetch: typeof fetch; location: { href: string; origin: string } }): void {
	const original = scope.fetch.bind(scope);
	const origin = scope.location.origin;
	scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
		const url = new URL(input instanceof Request ? input.url : String(input), scope.location.href);
		if (url.origin !== origin && url.protocol !== 'blob:' && url.protocol !== 'data:') {
			return Promise.reject(new TypeError(`blocked a request to ${url.origin}: Backcheck never sends data off this device`));
		}
		return original(input, init);
	};
}
