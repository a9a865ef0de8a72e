/**
 * Experiment: how long the workout page's canvas drawing takes on the main thread, per kind of picture, as Chromium
 * draws for a person on this machine (software) or with the test suite's SwiftShader flags (`forced`).
 * `npx tsx scripts/experiments/draw-time.ts [person|forced] [seconds]`
 */
import { chromium } from '@playwright/test';
import { benchFeed } from '../lib/bench-media';
import { chromiumLaunch, fakeCameraArgs } from '../lib/chromium';
import { ensureBuild } from '../lib/ensure-build';
import { startStaticServer } from '../lib/static-server';

const mode = process.argv[2] ?? 'person';
const seconds = Number(process.argv[3] ?? 15);
const FORCING = ['--use-angle=swiftshader', '--ignore-gpu-blocklist'];
const launch = chromiumLaunch(fakeCameraArgs(benchFeed('person')));
const server = await startStaticServer(process.env.BUILD ?? ensureBuild());
const browser = await chromium.launch({ ...launch, args: mode === 'person' ? launch.args.filter((a) => !FORCING.includes(a)) : launch.args });
try {
	const page = await browser.newPage();
	// A string, not a function: tsx would add its __name helper, which the page does not have.
	await page.addInitScript({
		content: `(() => {
			const times = {};
			window.__times = times;
			for (const name of ['drawImage', 'stroke', 'fill', 'clearRect']) {
				const f = CanvasRenderingContext2D.prototype[name];
				CanvasRenderingContext2D.prototype[name] = function (...a) {
					const t0 = performance.now();
					try { return f.apply(this, a); } finally {
						const label = name === 'drawImage' ? 'drawImage(' + a[0].constructor.name + ')' : name;
						(times[label] ??= []).push(performance.now() - t0);
					}
				};
			}
		})();`
	});
	await page.goto(`${server.origin}/`);
	await page.getByRole('button', { name: 'Start camera' }).click();
	await page.getByTestId('people').filter({ hasText: '1' }).waitFor({ timeout: 120_000 });
	await page.evaluate(() => Object.keys((window as unknown as { __times: Record<string, number[]> }).__times).forEach((k) => ((window as unknown as { __times: Record<string, number[]> }).__times[k] = [])));
	await page.waitForTimeout(seconds * 1000);
	const times = await page.evaluate(() => (window as unknown as { __times: Record<string, number[]> }).__times);
	console.log(mode, "picture canvases", await page.getByTestId("picture").count(), "videos", await page.getByTestId("camera-video").count(), "fps", await page.getByTestId("fps").textContent());
	for (const [k, v] of Object.entries(times)) {
		const s = [...v].sort((a, b) => a - b);
		console.log(`${mode} ${k}: n ${v.length}, median ${s[Math.floor(s.length / 2)]?.toFixed(2)} ms, mean ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(2)} ms`);
	}
} finally {
	await browser.close();
	await server.close();
}
