/**
 * Slouch on the desk sources, per fold (a source, or a person of it): uncalibrated, calibrated on 20 of
 * the person's upright frames (`analyze --calibrate`), and calibrated by itself from 1, 3 and 10 minutes
 * of unlabelled frames (auto-calibration, as the desk page and `analyze` on a sequence do).
 *
 * Every verdict comes from the stills pipeline, the code path of `analyze --stills`. Which part is scored
 * (development or the frozen final-check part) is the caller's choice.
 *
 * Minutes of watching: the recording in its own order at its (assumed) frame rate, sampled at the desk
 * page's 2 checks a second; a recording shorter than the minutes asked gives all it has (said in the
 * table). The learnt calibration then judges the scored frames (unlabelled frames it may have seen: that
 * is how the app works).
 */
import { createPosturePipeline } from '../../src/lib/posture/pipeline';
import { calibrate, type Calibration } from '../../src/lib/calibration/calibrate';
import { createAutoCalibrator } from '../../src/lib/calibration/auto';
import { classifyPosture } from '../../src/lib/posture/classify';
import { createPersonTracker } from '../../src/lib/tracking/tracker';
import { frameAspect } from '../../src/lib/tracking/body';
import type { DeskItem, DeskSource } from './eval-desk';

export interface Prf1 {
	f1: number;
	p: number;
	r: number;
	n: number;
	positives: number;
}

export function prf1(pairs: ReadonlyArray<[boolean, boolean]>): Prf1 {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (const [t, p] of pairs) {
		if (t && p) tp++;
		else if (p) fp++;
		else if (t) fn++;
	}
	const p = tp + fp ? tp / (tp + fp) : 0;
	const r = tp + fn ? tp / (tp + fn) : 0;
	return { f1: p + r ? (2 * p * r) / (p + r) : 0, p, r, n: pairs.length, positives: tp + fn };
}

export const AUTO_MINUTES = [1, 3, 10] as const;
export const CHECKS_PER_SECOND = 2;

export interface FoldResult {
	fold: string;
	source: string;
	scored: number;
	uncalibrated: Prf1;
	/** null when the fold has under 3 usable upright frames or the calibration refused. */
	calibrated: Prf1 | null;
	calibrationNote: string;
	auto: Array<{ minutes: number; watchedMin: number; f1: Prf1 | null; note: string }>;
	/** Raw class -> verdict counts (uncalibrated). */
	confusion: Map<string, Map<string, number>>;
}

function judge(items: readonly DeskItem[], cal: Calibration | null): boolean[] {
	const pipe = createPosturePipeline({ stills: true, calibration: cal });
	return items.map((it) => pipe.update(it.frame).label === 'slouched');
}

/** A calibration learnt from the first `minutes` of the recording(s), or why not. */
function learnt(ordered: readonly DeskItem[], fps: number, minutes: number): { cal: Calibration | null; watchedMin: number; note: string } {
	const step = Math.max(1, Math.round(fps / CHECKS_PER_SECOND));
	const rows = Math.min(ordered.length, Math.round(minutes * 60 * fps));
	const auto = createAutoCalibrator({ learnMs: minutes * 60_000 });
	const tracker = createPersonTracker();
	let lastState = auto.state();
	for (let i = 0; i < rows; i += step) {
		const it = ordered[i];
		const frame = { ...it.frame, t: (i * 1000) / fps };
		const tr = tracker.update(frame);
		const aspect = frameAspect(frame);
		const v = tr.person ? classifyPosture(tr.person, { aspect }) : null;
		lastState = auto.update(frame, tr.person, v, aspect);
	}
	const watchedMin = rows / fps / 60;
	const cal = lastState.calibration;
	return { cal, watchedMin, note: cal ? '' : `still learning after ${watchedMin.toFixed(1)} min (${Math.round(lastState.progress * 100)}%)` };
}

export function evalFold(source: DeskSource, fold: string, items: readonly DeskItem[], scoredPart: 'dev' | 'frozen'): FoldResult | null {
	const inFold = items.filter((i) => i.fold === fold);
	const scoredAll = inFold.filter((i) => i.truth !== null && (scoredPart === 'frozen' ? i.frozen : !i.frozen));
	if (!scoredAll.length) return null;
	const truth = scoredAll.map((i) => i.truth === 'slouched');

	const un = judge(scoredAll, null);
	const confusion = new Map<string, Map<string, number>>();
	{
		const pipe = createPosturePipeline({ stills: true });
		for (const it of inFold.filter((i) => (scoredPart === 'frozen' ? i.frozen : !i.frozen))) {
			const l = pipe.update(it.frame).label;
			let row = confusion.get(it.raw);
			if (!row) confusion.set(it.raw, (row = new Map()));
			row.set(l, (row.get(l) ?? 0) + 1);
		}
	}

	// --calibrate on 20 upright frames: the first 20 labelled upright of the development part, in order
	// (never scored).
	const calIdx = inFold.filter((i) => i.truth === 'upright' && !i.frozen).slice(0, 20);
	let calibrated: Prf1 | null = null;
	let calibrationNote = '';
	try {
		const cal = calibrate(calIdx.map((i) => i.frame));
		const used = new Set(calIdx);
		const rest = scoredAll.filter((i) => !used.has(i));
		const pred = judge(rest, cal);
		calibrated = prf1(rest.map((it, k) => [it.truth === 'slouched', pred[k]]));
	} catch (e) {
		calibrationNote = (e as Error).message;
	}

	const auto: FoldResult['auto'] = [];
	if (source.fps) {
		// the recording(s) of this fold in recorded order
		const ordered = inFold.slice().sort((a, b) => (a.recording === b.recording ? a.order - b.order : a.recording < b.recording ? -1 : 1));
		for (const m of AUTO_MINUTES) {
			const l = learnt(ordered, source.fps, m);
			const pred = l.cal ? judge(scoredAll, l.cal) : null;
			auto.push({ minutes: m, watchedMin: l.watchedMin, f1: pred ? prf1(truth.map((t, k) => [t, pred[k]])) : null, note: l.note });
		}
	}
	return {
		fold,
		source: source.name,
		scored: scoredAll.length,
		uncalibrated: prf1(truth.map((t, k) => [t, un[k]])),
		calibrated,
		calibrationNote,
		auto,
		confusion
	};
}
