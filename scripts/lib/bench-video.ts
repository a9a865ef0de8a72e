/**
 * Speed of offline video analysis (issue 11): seconds of video analysed per second of wall time, the way
 * `npm run analyze` does it (openAnalysisBrowser with the CLI's engine settings, the video's own frame rate,
 * lite model), and where each frame's time goes.
 *
 * Stepping a video is a chain, one frame at a time: seek the <video> to the frame's time and wait for it
 * (`seeked`: demuxing and decoding up to that frame), copy the picture into an ImageBitmap, send it to the pose
 * worker, infer, and get the landmarks back. Probes put into the harness page time each link where the browser
 * does it, whatever the code that drives it: the `currentTime` setter to its `seeked` event, `createImageBitmap`,
 * and every comlink call to the worker from postMessage to its answer (by message id). The worker reports its own
 * inference time per frame, so a call's round trip minus inference is the transfer (structured clone both ways,
 * the worker's queue and its own work outside MediaPipe).
 */
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { openAnalysisBrowser } from './analysis-browser';
import { benchVideo, type BenchClip } from './bench-media';
import { CLI_ENGINE } from './cli-engine';
import { playableVideo, probeFps } from './video-input';

interface ProbeData {
	seeks: number[];
	bitmaps: number[];
	/** [method, ms] of each worker call answered. */
	calls: Array<[string, number]>;
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
				probe.bitmaps.push(performance.now() - t0);
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
					probe.calls.push([sent[0], e.timeStamp - sent[1]]);
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
	/** Per frame, ms: medians. */
	perFrameMs: { total: number; seek: number; bitmap: number; inference: number; transfer: number; other: number };
	/** Share of the frames' wall time in each link. */
	share: { seek: number; bitmap: number; inference: number; transfer: number; other: number };
	/** The link with the largest share. */
	limit: string;
}

const LINKS = { seek: 'seeking and decoding', bitmap: 'copying the frame (createImageBitmap)', inference: 'inference', transfer: 'transfer to and from the worker', other: 'the page between the links' } as const;

export function limitWords(share: ClipRun['share']): string {
	const [key] = Object.entries(share).sort((a, b) => b[1] - a[1])[0];
	return LINKS[key as keyof typeof LINKS];
}

async function analyseClip(ab: Awaited<ReturnType<typeof openAnalysisBrowser>>, clip: BenchClip, seconds: number, log: (l: string) => void): Promise<ClipRun> {
	const path = benchVideo(clip, seconds);
	const video = await playableVideo(path);
	try {
		const fps = (await probeFps(video.path)) ?? 30;
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
		if (arrivals.length !== frames || frames < 2) throw new Error(`${clip}: ${arrivals.length} results for ${frames} frames`);
		// The steady chain: results came (frames - 1) frame times apart from the first to the last; the rest of the
		// wall time was opening the clip (loading it, a fresh VIDEO-mode graph) and the first frame's wait for it.
		const perFrame = (arrivals[frames - 1] - arrivals[0]) / (frames - 1);
		const framesMs = perFrame * frames;
		const detect = probes.calls.filter(([m]) => m === 'detectVideoFrame').map(([, ms]) => ms);
		// One seek and one bitmap per frame; any more belong to opening the clip (e.g. finding its duration).
		const seeks = probes.seeks.slice(-frames);
		const bitmaps = probes.bitmaps.slice(-frames);
		const transfer = detect.map((ms, i) => Math.max(0, ms - (inference[i] ?? 0)));
		const totals = { seek: sum(seeks), bitmap: sum(bitmaps), inference: sum(inference), transfer: sum(transfer) };
		const other = Math.max(0, framesMs - totals.seek - totals.bitmap - totals.inference - totals.transfer);
		const share = {
			seek: totals.seek / framesMs,
			bitmap: totals.bitmap / framesMs,
			inference: totals.inference / framesMs,
			transfer: totals.transfer / framesMs,
			other: other / framesMs
		};
		const videoS = outcome.summary.durationS;
		const run: ClipRun = {
			clip,
			...size,
			fps,
			frames,
			videoS,
			wallS: wallMs / 1000,
			speed: 1000 / fps / perFrame,
			openMs: wallMs - framesMs,
			perFrameMs: { total: perFrame, seek: median(seeks), bitmap: median(bitmaps), inference: median(inference), transfer: median(transfer), other: other / frames },
			share,
			limit: limitWords(share)
		};
		log(`  ${clip}: ${frames} frames (${videoS.toFixed(1)} s at ${fps} fps) in ${run.wallS.toFixed(1)} s: ${run.speed.toFixed(2)} s of video per s; per frame ${run.perFrameMs.total.toFixed(0)} ms = seek ${run.perFrameMs.seek.toFixed(0)} + bitmap ${run.perFrameMs.bitmap.toFixed(0)} + inference ${run.perFrameMs.inference.toFixed(0)} + transfer ${run.perFrameMs.transfer.toFixed(1)} (medians); limit: ${run.limit}`);
		return run;
	} finally {
		video.cleanup();
	}
}

export interface VideoAnalysisFigures {
	video_analysis_speed: number;
	detail: { clips: BenchClip[]; seconds: number; rounds: number; browserOpenMs: number; runs: ClipRun[]; limit: string; share: ClipRun['share']; perFrameMs: ClipRun['perFrameMs']; fps: number; frames: number };
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
	try {
		await installProbes(ab.page);
		for (let i = 0; i < opts.rounds; i++) {
			for (const clip of i % 2 ? [...clips].reverse() : clips) {
				log(`video analysis round ${i + 1}/${opts.rounds}: ${clip}…`);
				runs.push(await analyseClip(ab, clip, opts.seconds, log));
			}
		}
	} finally {
		await ab.close();
	}
	const main = runs.filter((r) => r.clip === clips[0]);
	const med = <K extends keyof ClipRun['share']>(k: K, of: 'share' | 'perFrameMs') => median(main.map((r) => r[of][k]));
	const share = { seek: med('seek', 'share'), bitmap: med('bitmap', 'share'), inference: med('inference', 'share'), transfer: med('transfer', 'share'), other: med('other', 'share') };
	return {
		video_analysis_speed: median(main.map((r) => r.speed)),
		detail: {
			clips,
			seconds: opts.seconds,
			rounds: opts.rounds,
			browserOpenMs,
			fps: main[0]?.fps ?? Number.NaN,
			frames: main[0]?.frames ?? 0,
			share,
			perFrameMs: { total: median(main.map((r) => r.perFrameMs.total)), seek: med('seek', 'perFrameMs'), bitmap: med('bitmap', 'perFrameMs'), inference: med('inference', 'perFrameMs'), transfer: med('transfer', 'perFrameMs'), other: med('other', 'perFrameMs') },
			limit: limitWords(share),
			runs
		}
	};
}
