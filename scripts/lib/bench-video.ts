/**
 * Speed of offline video analysis (issue 11): seconds of video analysed per second of wall time, the way
 * `npm run analyze` does it (openAnalysisBrowser with the CLI's engine settings, the video's own frame rate,
 * lite model), and where each frame's time goes.
 *
 * Reading a video is a chain, one frame at a time. The app's reader (src/lib/video) decodes MP4 and WebM in order
 * with WebCodecs (mediabunny's demuxers), or for what it cannot decode seeks a <video> and waits for `seeked`;
 * either way a frame larger than 960 px is scaled down (createImageBitmap), the picture goes to the pose worker,
 * which infers and sends the landmarks back, and only then is the next frame read. Probes put into the harness page
 * time each link where the browser does it, whatever the code that drives it: `createImageBitmap`, `seeked` after
 * each `currentTime` set, and every comlink call to the worker from postMessage to its answer (by message id).
 * Decoding a frame is the time from one answer of the worker to the next frame's postMessage, less the bitmaps made
 * meanwhile (demuxing and decoding, or the seek, and the page's own steps between). The worker reports its own
 * inference time per frame, so a call's round trip minus inference is the transfer (the picture moved to the
 * worker, the worker's queue and its own work outside MediaPipe, the landmarks cloned back).
 */
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { openAnalysisBrowser } from './analysis-browser';
import { benchVideo, type BenchClip } from './bench-media';
import { CLI_ENGINE } from './cli-engine';
import { playableVideo, probeFps } from './video-input';

interface ProbeData {
	seeks: number[];
	/** [start, ms] of each createImageBitmap. */
	bitmaps: Array<[number, number]>;
	/** [method, sent at, answered at] of each worker call answered (page clock, ms). */
	calls: Array<[string, number, number]>;
}

/** Installs the probes on the harness page (after it loaded: the worker exists by then, and is caught at its next call). */
function installProbes(page: Page): Promise<void> {
	return page.evaluate(() => {
		const w = window as unknown as { __videoProbe?: ProbeData & { sends: Map<unknown, [string, number]> } };
		if (w.__videoProbe) return;
		const probe: ProbeData & { sends: Map<unknown, [string, number]> } = { seeks: [], bitmaps: [], calls: [], sends: new Map() };
		w.__videoProbe = probe;
		const time = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'currentTime')!;
		Object.defineProperty(HTMLMediaElement.prototype, 'currentTime', {
			configurable: true,
			enumerable: time.enumerable,
			get: time.get,
			set(this: HTMLMediaElement, v: number) {
				const t0 = performance.now();
				// The event's own time stamp: listeners that ran before this one do not count.
				this.addEventListener('seeked', (e) => probe.seeks.push(e.timeStamp - t0), { once: true });
				time.set!.call(this, v);
			}
		});
		const createBitmap = window.createImageBitmap.bind(window) as (...a: unknown[]) => Promise<ImageBitmap>;
		(window as unknown as { createImageBitmap: unknown }).createImageBitmap = async (...args: unknown[]) => {
			const t0 = performance.now();
			try {
				return await createBitmap(...args);
			} finally {
				probe.bitmaps.push([t0, performance.now() - t0]);
			}
		};
		const post = Worker.prototype.postMessage;
		const watched = new WeakSet<Worker>();
		Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
			if (!watched.has(this)) {
				watched.add(this);
				this.addEventListener('message', (e) => {
					const sent = probe.sends.get((e.data as { id?: unknown } | null)?.id);
					if (!sent) return;
					probe.sends.delete((e.data as { id: unknown }).id);
					probe.calls.push([sent[0], sent[1], e.timeStamp]);
				});
			}
			const m = message as { id?: unknown; path?: string[] } | null;
			if (m && m.id !== undefined) probe.sends.set(m.id, [m.path?.join('.') ?? '?', performance.now()]);
			return (post as (...a: unknown[]) => void).call(this, message, ...rest);
		};
	});
}

function takeProbes(page: Page): Promise<ProbeData> {
	return page.evaluate(() => {
		const p = (window as unknown as { __videoProbe: ProbeData & { sends: Map<unknown, unknown> } }).__videoProbe;
		const out = { seeks: p.seeks.splice(0), bitmaps: p.bitmaps.splice(0), calls: p.calls.splice(0) };
		return out;
	});
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const median = (v: number[]) => {
	const s = v.filter(Number.isFinite).sort((a, b) => a - b);
	if (!s.length) return Number.NaN;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface ClipRun {
	clip: BenchClip;
	/** How the app read the frames: decoded in order (WebCodecs) or sought in a <video>. */
	reader: string;
	width: number | null;
	height: number | null;
	fps: number;
	frames: number;
	videoS: number;
	/** Wall time of the whole analysis of the clip (as `analyze` spends it once its browser is open), s. */
	wallS: number;
	/** The steady rate: video seconds per wall second from the first result to the last (opening the clip left out). */
	speed: number;
	/** Opening the clip and resetting tracking (a new VIDEO-mode graph), ms. */
	openMs: number;
	/** Per frame, ms: medians (total: the steady mean). `seek` is the part of `decode` spent seeking (seeked reader). */
	perFrameMs: { total: number; decode: number; seek: number; bitmap: number; inference: number; transfer: number };
	/** Share of the frames' wall time in each link. */
	share: Share;
	/** The link with the largest share. */
	limit: string;
}

type Share = { decode: number; bitmap: number; inference: number; transfer: number };

const LINKS: Record<keyof Share, string> = {
	decode: 'demuxing and decoding the frame (or seeking the <video>)',
	bitmap: 'scaling the frame down (createImageBitmap)',
	inference: 'inference',
	transfer: 'transfer to and from the worker'
};

export function limitWords(share: Share): string {
	const [key] = Object.entries(share).sort((a, b) => b[1] - a[1])[0];
	return LINKS[key as keyof Share];
}

async function analyseClip(ab: Awaited<ReturnType<typeof openAnalysisBrowser>>, clip: BenchClip, seconds: number, log: (l: string) => void, sampleFps?: number): Promise<ClipRun> {
	const path = benchVideo(clip, seconds);
	const video = await playableVideo(path);
	try {
		const fps = sampleFps ?? (await probeFps(video.path)) ?? 30;
		const arrivals: number[] = [];
		const inference: number[] = [];
		let size: { width: number | null; height: number | null } = { width: null, height: null };
		await takeProbes(ab.page);
		const t0 = performance.now();
		const outcome = await ab.video(video.path, fps, (r) => {
			arrivals.push(performance.now());
			inference.push(r.timing.inferenceMs);
			size = { width: r.frame.width ?? null, height: r.frame.height ?? null };
		});
		const wallMs = performance.now() - t0;
		if (!outcome.ok) throw new Error(`${clip}: ${outcome.failure.code} ${outcome.failure.detail}`);
		const probes = await takeProbes(ab.page);
		const frames = outcome.summary.frames;
		if (arrivals.length !== frames || frames < 3) throw new Error(`${clip}: ${arrivals.length} results for ${frames} frames`);
		// The steady chain: results came (frames - 1) frame times apart from the first to the last; the rest of the
		// wall time was opening the clip (loading it, a fresh VIDEO-mode graph) and the first frame's wait for it.
		const perFrame = (arrivals[frames - 1] - arrivals[0]) / (frames - 1);
		// Each frame after the first, on the page's clock: from the worker's answer for the one before to its own
		// answer = decode (less the bitmaps made meanwhile) + bitmaps + the call (inference + transfer).
		const detect = probes.calls.filter(([m]) => m === 'detectVideoFrame');
		const calls = detect.slice(-frames);
		const infer = inference.slice(-calls.length);
		const links = { decode: [] as number[], bitmap: [] as number[], inference: [] as number[], transfer: [] as number[] };
		for (let i = 1; i < calls.length; i++) {
			const [, sent, answered] = calls[i];
			const previous = calls[i - 1][2];
			const bitmap = sum(probes.bitmaps.filter(([at]) => at >= previous && at < sent).map(([, ms]) => ms));
			links.decode.push(Math.max(0, sent - previous - bitmap));
			links.bitmap.push(bitmap);
			links.inference.push(infer[i] ?? 0);
			links.transfer.push(Math.max(0, answered - sent - (infer[i] ?? 0)));
		}
		const chainMs = sum(links.decode) + sum(links.bitmap) + sum(links.inference) + sum(links.transfer);
		const share: Share = {
			decode: sum(links.decode) / chainMs,
			bitmap: sum(links.bitmap) / chainMs,
			inference: sum(links.inference) / chainMs,
			transfer: sum(links.transfer) / chainMs
		};
		const videoS = outcome.summary.durationS;
		const run: ClipRun = {
			clip,
			reader: outcome.summary.source,
			...size,
			fps,
			frames,
			videoS,
			wallS: wallMs / 1000,
			speed: 1000 / fps / perFrame,
			openMs: wallMs - perFrame * frames,
			perFrameMs: {
				total: perFrame,
				decode: median(links.decode),
				seek: median(probes.seeks.slice(-frames)),
				bitmap: median(links.bitmap),
				inference: median(links.inference),
				transfer: median(links.transfer)
			},
			share,
			limit: limitWords(share)
		};
		const f = run.perFrameMs;
		log(
			`  ${clip} (${run.reader}): ${frames} frames (${videoS.toFixed(1)} s at ${fps} fps) in ${run.wallS.toFixed(1)} s: ${run.speed.toFixed(2)} s of video per s; per frame ${f.total.toFixed(0)} ms ≈ decode ${f.decode.toFixed(0)} + bitmap ${f.bitmap.toFixed(0)} + inference ${f.inference.toFixed(0)} + transfer ${f.transfer.toFixed(1)} (medians); limit: ${run.limit}`
		);
		return run;
	} finally {
		video.cleanup();
	}
}

/** Samples per second the app takes from a recording ("check a recording": PoseSession.FILE_FPS). */
export const APP_SAMPLE_FPS = 15;

export interface VideoAnalysisFigures {
	video_analysis_speed: number;
	/** The same at the app's sampling rate (APP_SAMPLE_FPS), first clip. */
	video_analysis_speed_app_rate: number;
	detail: { appRate: ClipRun[]; clips: BenchClip[]; seconds: number; rounds: number; browserOpenMs: number; runs: ClipRun[]; limit: string; reader: string; share: Share; perFrameMs: ClipRun['perFrameMs']; fps: number; frames: number };
}

/**
 * `rounds` passes over the clips in one browser (opened as analyze opens it; its start is reported apart). The
 * figure is the median speed on the first clip (H.264 720p, what people record); the others are in the detail.
 */
export async function videoAnalysis(opts: { rounds: number; seconds: number; clips?: BenchClip[] }, log: (l: string) => void): Promise<VideoAnalysisFigures> {
	const clips = opts.clips ?? ['h264-720p', 'vp8-480p'];
	log(`video analysis: making the clips (${clips.join(', ')}, ${opts.seconds} s each)…`);
	for (const clip of clips) benchVideo(clip, opts.seconds);
	const t0 = performance.now();
	const ab = await openAnalysisBrowser({ model: 'lite', ...CLI_ENGINE });
	const browserOpenMs = performance.now() - t0;
	const runs: ClipRun[] = [];
	const appRate: ClipRun[] = [];
	try {
		await installProbes(ab.page);
		for (let i = 0; i < opts.rounds; i++) {
			for (const clip of i % 2 ? [...clips].reverse() : clips) {
				log(`video analysis round ${i + 1}/${opts.rounds}: ${clip}…`);
				runs.push(await analyseClip(ab, clip, opts.seconds, log));
			}
			log(`video analysis round ${i + 1}/${opts.rounds}: ${clips[0]} at ${APP_SAMPLE_FPS} samples/s…`);
			appRate.push(await analyseClip(ab, clips[0], opts.seconds, log, APP_SAMPLE_FPS));
		}
	} finally {
		await ab.close();
	}
	const main = runs.filter((r) => r.clip === clips[0]);
	const med = (k: string, of: 'share' | 'perFrameMs') => median(main.map((r) => (r[of] as Record<string, number>)[k]));
	const share: Share = { decode: med('decode', 'share'), bitmap: med('bitmap', 'share'), inference: med('inference', 'share'), transfer: med('transfer', 'share') };
	return {
		video_analysis_speed: median(main.map((r) => r.speed)),
		video_analysis_speed_app_rate: median(appRate.map((r) => r.speed)),
		detail: {
			appRate,
			clips,
			seconds: opts.seconds,
			rounds: opts.rounds,
			browserOpenMs,
			fps: main[0]?.fps ?? Number.NaN,
			frames: main[0]?.frames ?? 0,
			share,
			reader: main[0]?.reader ?? '',
			perFrameMs: {
				total: median(main.map((r) => r.perFrameMs.total)),
				decode: med('decode', 'perFrameMs'),
				seek: med('seek', 'perFrameMs'),
				bitmap: med('bitmap', 'perFrameMs'),
				inference: med('inference', 'perFrameMs'),
				transfer: med('transfer', 'perFrameMs')
			},
			limit: limitWords(share),
			runs
		}
	};
}
