/**
 * Which browser and GPU speeds were measured on: measured choices are kept per device and measured again when
 * either changes (a browser update, another GPU or driver, a laptop switching to its discrete GPU). A short
 * FNV-1a hash of the user agent and the WebGL vendor and renderer strings; nothing leaves the device.
 */
export function fingerprintOf(userAgent: string, vendor: string, renderer: string): string {
	let h = 0x811c9dc5;
	for (const ch of `${userAgent}\n${vendor}\n${renderer}`) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, '0');
}
