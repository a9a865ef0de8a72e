/**
 * Learning the person's own upright by itself, from the first minutes of watching (no calibration
 * asked of them): pure logic fed one followed person per frame.
 *
 * Guard against a session that starts slumped: a frame becomes a candidate only when the generic
 * classifier (the desk slouch network on a head-and-shoulders view) does not call it slouched, and
 * the calibration is fitted on the candidates whose head stands highest against the shoulders (the top
 * `keepShare` of the pool): the person's own upright is the best of how they sit, not the average.
 * If the generic model calls nearly every frame slouched for `fallbackMs` (a person it misreads, not a slump
 * that lasts minutes), the highest-headed quarter of every frame stands in.
 * Until `minCandidates` are pooled over at least `minLearnMs` of watching, it is still learning and the
 * pipeline stays uncalibrated. It keeps learning until `learnMs` (a better picture of "upright" as the
 * pool grows; refits at most every `refitMs`), then it is done and stays fixed. An explicit calibration
 * always wins (the pipeline never starts one then).
 */
import type { PersonPose, PoseFrame } from '../pose/types';
import type { PostureVerdict } from '../posture/types';
import { calibrate, type Calibration } from './calibrate';
import { embed, hipsSeen } from './embedding';

export interface AutoCalibrationOptions {
	/** Candidate frames needed before a first calibration. */
	minCandidates: number;
	/** Watching needed before a first calibration (ms of frames with the person in view). */
	minLearnMs: number;
	/** Learning stops (the calibration is kept as it is) after this much watching. */
	learnMs: number;
	/** Refit at most this often while learning. */
	refitMs: number;
	/** Share of the pool, highest heads first, that stands for the upright. */
	keepShare: number;
	/** Pool size cap (oldest candidates make way). */
	maxPool: number;
	/**
	 * When the generic model has called nearly everything slouched for this long (a person it misreads),
	 * the upright is taken from the highest-headed `fallbackShare` of every frame seen instead.
	 */
	fallbackMs: number;
	fallbackShare: number;
	/** Camera setup key the learnt calibration belongs to. */
	setupKey?: string;
}

export const DEFAULT_AUTO_CALIBRATION: AutoCalibrationOptions = {
	minCandidates: 40,
	minLearnMs: 45_000,
	learnMs: 10 * 60_000,
	refitMs: 30_000,
	keepShare: 0.5,
	maxPool: 1200,
	fallbackMs: 60_000,
	fallbackShare: 0.25
};

export type AutoCalibrationStatus = 'learning' | 'done';

export interface AutoCalibrationState {
	status: AutoCalibrationStatus;
	/** 0..1 towards the first calibration (then 1). */
	progress: number;
	/** The calibration learnt so far, or null. */
	calibration: Calibration | null;
	/** Watching so far, ms. */
	watchedMs: number;
}

export interface AutoCalibrator {
	/** One frame: the followed person (or null) and the generic classifier's verdict on them. */
	update(frame: PoseFrame, person: PersonPose | null, verdict: PostureVerdict | null, aspect: number): AutoCalibrationState;
	state(): AutoCalibrationState;
	reset(): void;
}

interface Candidate {
	frame: PoseFrame;
	headHeight: number;
}

/** How high the head stands over the shoulders in a head-and-shoulders frame, or null. */
function headHeightOf(person: PersonPose, aspect: number): number | null {
	// the desk case: head and shoulders; a body in full view is exercising or standing, not sitting at the desk
	if (hipsSeen(person)) return null;
	const e = embed(person, aspect);
	if (!e || !Number.isFinite(e[0])) return null;
	// ears above the shoulders; with the nose below the ears' line (head bowed) counted as lower
	return e[0] - Math.max(0, e[1]);
}

/** Can this frame stand for the person's upright? Not when the generic model calls it slouched (or anything specific). */
function uprightish(verdict: PostureVerdict | null): boolean {
	return verdict !== null && (verdict.label === 'upright' || verdict.label === 'other' || verdict.label === 'unknown');
}

export function createAutoCalibrator(opts: Partial<AutoCalibrationOptions> = {}): AutoCalibrator {
	const o = { ...DEFAULT_AUTO_CALIBRATION, ...opts };
	let pool: Candidate[] = [];
	/** Every head-and-shoulders frame, for the fallback. */
	let all: Candidate[] = [];
	let watchedMs = 0;
	let lastT: number | null = null;
	let lastFit = -Infinity;
	let cal: Calibration | null = null;
	let done = false;

	const state = (): AutoCalibrationState => ({
		status: done ? 'done' : 'learning',
		progress: cal ? 1 : Math.min(1, Math.min(pool.length / o.minCandidates, watchedMs / o.minLearnMs)),
		calibration: cal,
		watchedMs
	});

	const fit = () => {
		// the generic model misreads this person (nearly nothing it calls upright): the best of how they sit
		const fallback = pool.length < o.minCandidates && watchedMs >= o.fallbackMs && all.length >= o.minCandidates;
		const from = fallback ? all : pool;
		const ranked = from.slice().sort((a, b) => b.headHeight - a.headHeight);
		const kept = ranked.slice(0, Math.max(3, Math.round(ranked.length * (fallback ? o.fallbackShare : o.keepShare))));
		// in time order, as a recording would be
		kept.sort((a, b) => a.frame.t - b.frame.t);
		try {
			cal = calibrate(
				kept.map((c) => c.frame),
				{ learnt: true, ...(o.setupKey ? { setupKey: o.setupKey } : {}) }
			);
		} catch {
			// too few usable frames after all: keep learning
		}
	};

	return {
		update(frame, person, verdict, aspect) {
			if (done) return state();
			if (person) {
				const dt = lastT === null ? 0 : Math.max(0, Math.min(2000, frame.t - lastT));
				watchedMs += dt;
				const h = headHeightOf(person, aspect);
				if (h !== null) {
					// only the followed person, as the frame the calibration will read
					const c = { frame: { t: frame.t, people: [person], width: frame.width, height: frame.height }, headHeight: h };
					all.push(c);
					if (all.length > o.maxPool) all = all.slice(all.length - o.maxPool);
					if (uprightish(verdict)) {
						pool.push(c);
						if (pool.length > o.maxPool) pool = pool.slice(pool.length - o.maxPool);
					}
				}
			}
			lastT = frame.t;
			const enough = pool.length >= o.minCandidates || (watchedMs >= o.fallbackMs && all.length >= o.minCandidates);
			if (enough && watchedMs >= o.minLearnMs && (cal === null || frame.t - lastFit >= o.refitMs)) {
				fit();
				lastFit = frame.t;
			}
			if (watchedMs >= o.learnMs && enough) {
				fit();
				done = cal !== null;
				pool = [];
				all = [];
			}
			return state();
		},
		state,
		reset() {
			pool = [];
			all = [];
			watchedMs = 0;
			lastT = null;
			lastFit = -Infinity;
			cal = null;
			done = false;
		}
	};
}

/** A calibration learnt from a sequence offline: the first `ms` of watching (the CLI and the eval). */
export function learnUpright(
	frames: ReadonlyArray<{ frame: PoseFrame; person: PersonPose | null; verdict: PostureVerdict | null; aspect: number }>,
	opts: Partial<AutoCalibrationOptions> = {}
): Calibration | null {
	const a = createAutoCalibrator(opts);
	for (const f of frames) a.update(f.frame, f.person, f.verdict, f.aspect);
	return a.state().calibration;
}

/** Where a learnt calibration is kept beside the explicit ones (one per camera setup). */
export function learntKeyOf(setupKey: string): string {
	return `learnt@${setupKey}`;
}
