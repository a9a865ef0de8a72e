/**
 * Headless Chromium running the built app's /harness page: images and videos go through the very worker code
 * the live page uses. Shared by the CLI, the evaluation and the benchmarks.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import type { EngineFailure, EngineInfo, EngineResult } from '../../src/lib/engine/types';
import type { PoseModel } from '../../src/lib/pose/types';
import type { RecordingProgress, RecordingSummary } from '../../src/lib/video/analyse-recording';

/** How a video's frames are read: decoded in order (the default where possible) or sought in a <video> element. */
export type RecordingReader = RecordingSummary['source'];
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { ensureBuild } from './ensure-build';
import { startStaticServer, type StaticServer } from './static-server';

export type Outcome<T> = ({ ok: true } & T) | { ok: false; failure: EngineFailure };

interface HarnessWindow {
	backcheckHarness: {
		init(o: { model?: PoseModel; numPoses?: number; modelUrl?: string; imageMinDetectionConfidence?: number }): Promise<Outcome<{ info: EngineInfo }>>;
		image(url: string): Promise<Outcome<{ result: EngineResult }>>;
		video(url: string, fps: number, onFrame: (r: EngineResult, p: RecordingProgress) => void, reader?: RecordingReader): Promise<Outcome<{ summary: RecordingSummary }>>;
	};
	__backcheckFrame(r: EngineResult, p: RecordingProgress): void;
}

export interface AnalysisBrowser {
	info: EngineInfo;
	page: Page;
	server: StaticServer;
	image(path: string): Promise<Outcome<{ result: EngineResult }>>;
	/** Every sampled frame of a video, in order, each with the progress made (frames done of how many, media time). */
	video(path: string, fps: number, onFrame: (r: EngineResult, p: RecordingProgress) => void, opts?: { reader?: RecordingReader }): Promise<Outcome<{ summary: RecordingSummary }>>;
	close(): Promise<void>;
}

export interface AnalysisBrowserOptions {
	model?: PoseModel;
	numPoses?: number;
	/** A model file to use instead of the built one (served like an input). */
	modelPath?: string;
	/** Person-detector confidence for still images (default 0.5). */
	imageMinDetectionConfidence?: number;
}

export async function openAnalysisBrowser(opts: AnalysisBrowserOptions = {}): Promise<AnalysisBrowser> {
	assertChromium();
	const server = await startStaticServer(ensureBuild());
	let browser: Browser | null = null;
	try {
		browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
		const page = await browser.newPage();
		let onFrame: ((r: EngineResult, p: RecordingProgress) => void) | null = null;
		await page.exposeFunction('__backcheckFrame', (r: EngineResult, p: RecordingProgress) => onFrame?.(r, p));
		await page.goto(`${server.origin}/harness`);
		await page.waitForSelector('[data-testid="harness"][data-ready="true"]');
		const modelUrl = opts.modelPath ? server.addInput(opts.modelPath) : undefined;
		const init = await page.evaluate(
			(o) => (window as unknown as HarnessWindow).backcheckHarness.init(o),
			{
				model: opts.model ?? 'lite',
				numPoses: opts.numPoses ?? 1,
				modelUrl,
				...(opts.imageMinDetectionConfidence !== undefined ? { imageMinDetectionConfidence: opts.imageMinDetectionConfidence } : {})
			}
		);
		if (!init.ok) throw new Error(`${init.failure.code}: ${init.failure.detail}`);
		const b = browser;
		return {
			info: init.info,
			page,
			server,
			image: (path) => page.evaluate((url) => (window as unknown as HarnessWindow).backcheckHarness.image(url), server.addInput(path)),
			async video(path, fps, callback, opts = {}) {
				let received = 0;
				onFrame = (r, p) => {
					received++;
					callback(r, p);
				};
				const url = server.addInput(path);
				const outcome = await page.evaluate(
					([u, f, reader]) => {
						const w = window as unknown as HarnessWindow;
						return w.backcheckHarness.video(u as string, f as number, (r, p) => w.__backcheckFrame(r, p), (reader ?? undefined) as RecordingReader | undefined);
					},
					[url, fps, opts.reader ?? null] as const
				);
				// Binding calls are delivered in order but asynchronously: wait for the last ones to land.
				if (outcome.ok) while (received < outcome.summary.frames) await new Promise((r) => setTimeout(r, 5));
				onFrame = null;
				return outcome;
			},
			async close() {
				await b.close();
				await server.close();
			}
		};
	} catch (e) {
		await browser?.close();
		await server.close();
		throw e;
	}
}
