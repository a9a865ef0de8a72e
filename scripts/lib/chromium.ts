/**
 * Debian's Chromium, driven by Playwright. Never a browser downloaded by a tool: the machine's own package.
 * The flags keep a headless Chromium quiet on a closed network and give it software WebGL, which MediaPipe
 * Tasks needs even on its CPU delegate.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Quiet on a closed network: no background fetches, no update checks, no QUIC probes. */
const QUIET_ARGS = [
	'--no-sandbox',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--disable-default-apps',
	'--disable-domain-reliability',
	'--metrics-recording-only'
];

/** Software WebGL (SwiftShader) on a machine without a GPU. */
const SOFTWARE_WEBGL_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

/** No WebGL at all, in pages and in workers (for the test of the "WebGL unavailable" message). */
export const NO_WEBGL_ARGS = ['--disable-gpu', '--disable-software-rasterizer'];

export const CHROMIUM_ARGS = [...QUIET_ARGS, ...SOFTWARE_WEBGL_ARGS];

/** Flags that feed Chromium a file as its camera and grant camera permission without a prompt. */
export function fakeCameraArgs(y4mPath?: string): string[] {
	const args = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
	if (y4mPath) args.push(`--use-file-for-fake-video-capture=${y4mPath}`);
	return args;
}

export function assertChromium(): void {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "npm run test:setup" (installs Debian's chromium) or set CHROMIUM_PATH`);
	}
}

/** Launch options for Playwright: Debian's Chromium with our flags plus any extra ones. */
export function chromiumLaunch(extraArgs: string[] = [], { webgl = true } = {}): { executablePath: string; args: string[] } {
	return { executablePath: CHROMIUM_PATH, args: [...QUIET_ARGS, ...(webgl ? SOFTWARE_WEBGL_ARGS : NO_WEBGL_ARGS), ...extraArgs] };
}
