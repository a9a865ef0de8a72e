/** This browser and its GPU as WebGL reports them (browser only): what measured speeds depend on. */
import { fingerprintOf } from './device-fingerprint';

export interface DeviceInfo {
	fingerprint: string;
	/** The GPU as WebGL names it (e.g. "ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 ...)"), or why there is none. */
	renderer: string;
	webgl2: boolean;
}

let cached: DeviceInfo | null = null;

export function describeDevice(): DeviceInfo {
	if (cached) return cached;
	let vendor = '';
	let renderer = 'no WebGL';
	let webgl2 = false;
	try {
		const canvas = document.createElement('canvas');
		const gl2 = canvas.getContext('webgl2');
		webgl2 = gl2 !== null;
		const gl = gl2 ?? canvas.getContext('webgl');
		if (gl) {
			const info = gl.getExtension('WEBGL_debug_renderer_info');
			vendor = String(gl.getParameter(info ? info.UNMASKED_VENDOR_WEBGL : gl.VENDOR));
			renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
			// Give the context back now rather than when the canvas is collected.
			gl.getExtension('WEBGL_lose_context')?.loseContext();
		}
	} catch {
		// No canvas (not a browser): an empty description, one fingerprint for all such cases.
	}
	cached = { fingerprint: fingerprintOf(navigator.userAgent, vendor, renderer), renderer, webgl2 };
	return cached;
}
