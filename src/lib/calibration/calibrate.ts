/**
 * Personal calibration: the person records a few seconds of their own upright posture (and
 * optionally a deliberate slouch); `calibrate` fits a per-person model (model.ts) on the upper-body
 * embedding (embedding.ts), and `applyCalibration` adapts the still classifier's verdict to them.
 *
 * A calibration is plain JSON (serializeCalibration / parseCalibration), kept per camera setup:
 * `setupKey` (device + resolution, see setupKeyOf) plus the framing it was recorded with, so that
 * `createSetupMonitor` can warn when the live framing no longer looks like the calibration's.
 */
import type { PersonPose, PoseFrame } from '../pose/types';
import type { PostureLabel, PostureVerdict } from '../posture/types';
import { classifyPosture } from '../posture/classify';
import { bodyCentre, bodyScale, frameAspect, limbSignature } from '../tracking/body';
import { createPersonTracker, type TrackSeed } from '../tracking/tracker';
import {
	DEPTH_FEATURES,
	EMBEDDING_DIM,
	EMBEDDING_FEATURES,
	PRIOR_SD,
	SLOUCH_DIRECTION,
	embed,
	framingOf,
	hipsSeen,
	type Framing
} from './embedding';
import {
	DEFAULT_FIT,
	DEFAULT_LOGISTIC,
	directionalDistance,
	fitGaussian,
	fitLogistic,
	logisticInputs,
	predictLogistic,
	sigmoid,
	type LogisticFit
} from './model';
import {
	personalInput,
	personalObservation,
	personalProbability,
	uprightReference,
	type PersonalObservation,
	type UprightReference
} from './personal-slouch';
import { PERSONAL_MODEL } from './personal-model';

export const CALIBRATION_VERSION = 1;

export interface Calibration {
	version: typeof CALIBRATION_VERSION;
	/** Camera setup this calibration belongs to (see setupKeyOf). */
	setupKey: string;
	/** Frame width / height the calibration was recorded at (1 when unknown). */
	aspect: number;
	/** Recorded with the hips off-screen (desk webcam). */
	upperBodyOnly: boolean;
	/** Upright frames used (after outlier rejection) and slouch frames used. */
	frames: number;
	slouchFrames: number;
	features: string[];
	direction: number[];
	mean: number[];
	cov: number[][];
	precision: number[][];
	active: boolean[];
	/** Present when slouch frames were recorded. */
	logistic: LogisticFit | null;
	/**
	 * The still classifier's median `slouched` score on this person's upright frames: its bias for
	 * this person and camera, discounted in applyCalibration.
	 */
	classifierSlouchBias: number;
	/** Slouch probability = sigmoid((distance - distanceAtHalf) / distanceSlope). */
	distanceAtHalf: number;
	distanceSlope: number;
	/** Mean framing during calibration (shoulder midpoint and width, aspect-corrected units). */
	framing: Framing;
	/** For the tracker: follow the calibrated person. */
	seed: TrackSeed;
	/** Timestamp (ms) of the last calibration frame, from the frames themselves. */
	recordedAt: number;
	/**
	 * Learnt by watching (calibration/auto.ts) from many minutes of frames rather than recorded on request
	 * (a few seconds): its upright spread is well known, so its distance is trusted more (absent = false).
	 */
	learnt?: boolean;
	/**
	 * The person's upright for the personal slouch model (personal-slouch.ts): medians of the upper-body
	 * pose and of the desk network's logit over the calibration frames (absent in older calibrations).
	 */
	upright?: UprightReference;
}

export interface CalibrateOptions {
	/** Frames of a deliberate slouch (optional): adds a per-person logistic regression. */
	slouchFrames?: PoseFrame[];
	/** Camera setup key (see setupKeyOf); defaults to 'default@<width>x<height>'. */
	setupKey?: string;
	/** Directional distance at which the slouch probability is 0.5 (default 2.5). */
	distanceAtHalf?: number;
	/** Softness of that step (default 0.5). */
	distanceSlope?: number;
	/** Learnt by watching rather than recorded on request (see Calibration.learnt). */
	learnt?: boolean;
	/** The still classifier whose bias on the upright frames is measured (default classifyPosture). */
	classify?: (person: PersonPose, ctx: { aspect: number }) => PostureVerdict;
}

/** Key of a camera setup: device id and resolution. */
export function setupKeyOf(s: { deviceId?: string | null; width?: number; height?: number }): string {
	const res = s.width && s.height ? `${Math.round(s.width)}x${Math.round(s.height)}` : 'unknown';
	return `${s.deviceId || 'default'}@${res}`;
}

/** The followed person in each frame (first-seen / nearest), via the tracker. */
function followedPeople(frames: PoseFrame[]): Array<{ person: PersonPose; aspect: number }> {
	const tracker = createPersonTracker();
	const out: Array<{ person: PersonPose; aspect: number }> = [];
	for (const f of frames) {
		const r = tracker.update(f);
		if (r.person) out.push({ person: r.person, aspect: frameAspect(f) });
	}
	return out;
}

/**
 * Fit a calibration on frames of the person sitting or standing upright (a few seconds: 20+ frames
 * is plenty). Throws when fewer than 3 frames show nose, ears (or eyes) and shoulders.
 */
export function calibrate(frames: PoseFrame[], opts: CalibrateOptions = {}): Calibration {
	const people = followedPeople(frames);
	const emb: Float64Array[] = [];
	const kept: Array<{ person: PersonPose; aspect: number }> = [];
	for (const p of people) {
		const e = embed(p.person, p.aspect);
		if (e) {
			emb.push(e);
			kept.push(p);
		}
	}
	if (emb.length < 3)
		throw new Error(
			`calibration: only ${emb.length} frames show nose, ears and shoulders (need at least 3; ~20 is good)`
		);
	const upperBodyOnly = kept.filter((p) => !hipsSeen(p.person)).length > kept.length / 2;
	if (upperBodyOnly) {
		// MediaPipe's landmark z is relative to the hips' midpoint: with the hips off-screen it is
		// extrapolated and drifts by more than a slouch moves it, so depth features sit out.
		for (const e of emb) for (const k of DEPTH_FEATURES) e[k] = NaN;
	}
	const g = fitGaussian(emb, { priorSd: PRIOR_SD, ...DEFAULT_FIT });
	const aspect = kept[0].aspect;

	let logistic: LogisticFit | null = null;
	let slouchCount = 0;
	if (opts.slouchFrames && opts.slouchFrames.length > 0) {
		const bad = followedPeople(opts.slouchFrames)
			.map((p) => embed(p.person, p.aspect))
			.filter((e): e is Float64Array => e !== null);
		if (bad.length >= 3) {
			const F = [...emb, ...bad].map((x) => logisticInputs(g, SLOUCH_DIRECTION, x));
			const y = [...emb.map(() => 0), ...bad.map(() => 1)];
			logistic = fitLogistic(F, y, DEFAULT_LOGISTIC);
			slouchCount = bad.length;
		}
	}

	const classify = opts.classify ?? classifyPosture;
	const biases = kept
		.map((p) => classify(p.person, { aspect: p.aspect }).scores.slouched ?? 0)
		.sort((a, b) => a - b);
	const classifierSlouchBias = biases[biases.length >> 1];

	const upright = uprightReference(
		kept.map((p) => personalObservation(p.person, p.aspect)).filter((o): o is PersonalObservation => o !== null)
	);

	const framings = kept.map((p) => framingOf(p.person, p.aspect)!).filter(Boolean);
	const framing: Framing = {
		centreX: avg(framings.map((f) => f.centreX)),
		centreY: avg(framings.map((f) => f.centreY)),
		shoulderWidth: avg(framings.map((f) => f.shoulderWidth))
	};
	const centres = kept.map((p) => bodyCentre(p.person, p.aspect)!);
	const scales = kept.map((p) => bodyScale(p.person, p.aspect)!);
	const last = frames[frames.length - 1];
	return {
		version: CALIBRATION_VERSION,
		setupKey: opts.setupKey ?? setupKeyOf({ width: last?.width, height: last?.height }),
		aspect,
		upperBodyOnly,
		frames: g.used,
		slouchFrames: slouchCount,
		features: [...EMBEDDING_FEATURES],
		direction: [...SLOUCH_DIRECTION],
		mean: g.mean,
		cov: g.cov,
		precision: g.precision,
		active: g.active,
		logistic,
		classifierSlouchBias,
		distanceAtHalf: opts.distanceAtHalf ?? 2.5,
		distanceSlope: opts.distanceSlope ?? 0.5,
		framing,
		seed: {
			centre: { x: avg(centres.map((c) => c.x)), y: avg(centres.map((c) => c.y)) },
			scale: avg(scales),
			signature: limbSignature(kept[kept.length >> 1].person, aspect)
		},
		recordedAt: last?.t ?? 0,
		...(opts.learnt ? { learnt: true } : {}),
		...(upright ? { upright } : {})
	};
}

function avg(xs: number[]): number {
	return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

export interface CalibratedScore {
	/** 0..1 probability the person is slouched, by their own calibration. */
	slouch: number;
	/** Directional Mahalanobis distance from their upright. */
	distance: number;
	/** Logistic model's probability, when the calibration has one. */
	logistic: number | null;
	/** The live framing is compatible with the calibration's (same setup, same kind of view). */
	applicable: boolean;
}

const scratch = new Float64Array(EMBEDDING_DIM);
const embScratch = new Float64Array(EMBEDDING_DIM);

/**
 * Whether the calibration can speak for this person now: same aspect; hips seen only if they were
 * during calibration; not much smaller (farther: stepped back, standing for a workout) and not much
 * higher in the frame (stood up) than when calibrated. Nearer and lower are what slouching and
 * leaning in look like, so they stay in the calibration's remit.
 */
export function calibrationApplies(cal: Calibration, person: PersonPose, aspect: number): boolean {
	if (Math.abs(aspect / cal.aspect - 1) > 0.02) return false;
	if (cal.upperBodyOnly && hipsSeen(person)) return false;
	const f = framingOf(person, aspect);
	if (!f) return false;
	return (
		Math.log(f.shoulderWidth / cal.framing.shoulderWidth) >= -0.5 &&
		f.centreY - cal.framing.centreY >= -0.25
	);
}

/** The person's slouch probability under their calibration, or null when the embedding is not measurable. */
export function calibratedScore(cal: Calibration, person: PersonPose, aspect: number): CalibratedScore | null {
	const x = embed(person, aspect, embScratch);
	if (!x) return null;
	const distance = directionalDistance(cal, cal.direction, x, scratch);
	const oneClass = sigmoid((distance - cal.distanceAtHalf) / cal.distanceSlope);
	const logistic = cal.logistic ? predictLogistic(cal.logistic, logisticInputs(cal, cal.direction, x)) : null;
	const slouch = logistic === null ? oneClass : (oneClass + logistic) / 2;
	return { slouch, distance, logistic, applicable: calibrationApplies(cal, person, aspect) };
}

/**
 * Labels the calibration speaks to (unknown / other only on a head-and-shoulders view); specific
 * postures (hands on knees, stretches...) pass through.
 */
const ADAPTED: ReadonlySet<PostureLabel> = new Set<PostureLabel>(['upright', 'slouched', 'unknown', 'other']);

/** Weight of the calibrated score against the still classifier's, when applicable. */
export const CALIBRATION_WEIGHT = 0.85;

/**
 * Head-and-shoulders frames, calibration recorded on request (20 frames or so, a few seconds: the upright's
 * spread over a session is barely seen): weight of the calibrated distance against the person-shifted
 * desk network. A learnt calibration keeps CALIBRATION_WEIGHT. Chosen leave-one-source-out on the desk sources' development parts among 0, 0.3, 0.5 and 0.85: with
 * each of noahli-laptop, vuhamthieu-usb and dontslouch held out, the other two picked 0.3 (by their worst
 * fold, calibrated on 20 frames and learnt after 3 minutes); see README, "How the classifier was chosen".
 */
export const DESK_CALIBRATION_WEIGHT = 0.3;

/** The desk network's median slouch score on generated upright people (synth/desk.ts, deskSamples). */
export const DESK_UPRIGHT_SCORE = 0.17;

const logit = (p: number) => {
	const q = Math.max(1e-4, Math.min(1 - 1e-4, p));
	return Math.log(q / (1 - q));
};

/**
 * Adapt the still classifier's verdict to the calibrated person: for upright / slouched (and for
 * unknown / other on a view the calibration covers) the decision becomes mostly the calibrated
 * slouch probability, plus the classifier's slouch score net of its bias on this person's upright
 * frames. Specific postures, incompatible framings and unmeasurable frames pass through unchanged
 * (the very same object). `ctx.aspect` is the live frame's width / height (default: the calibration's).
 */
export function applyCalibration(
	cal: Calibration,
	person: PersonPose,
	verdict: PostureVerdict,
	ctx: { aspect: number } = { aspect: cal.aspect }
): PostureVerdict {
	if (!ADAPTED.has(verdict.label)) return verdict;
	const own = verdict.label === 'unknown' || verdict.label === 'other';
	// With the whole body in view, 'other' is a real answer (a squat, a lunge...): not ours to decide.
	if (own && hipsSeen(person)) return verdict;
	const c = calibratedScore(cal, person, ctx.aspect);
	if (!c || !c.applicable) return verdict;
	const vs = verdict.scores.slouched ?? (verdict.label === 'slouched' ? verdict.confidence : 0);
	const bias = Math.min(0.95, Math.max(0, cal.classifierSlouchBias));
	let w = own ? 1 : CALIBRATION_WEIGHT;
	let personal = Math.min(1, Math.max(0, (vs - bias) / (1 - bias)));
	if (cal.upperBodyOnly && !own && !cal.learnt) {
		// Head and shoulders: the still verdict is the desk slouch network's, which has learnt what a
		// slouch looks like across people, cameras and head movements. The calibration moves it by this
		// person's own offset (their upright put where a generated upright person sits) and weighs in
		// with their upright's spread.
		personal = sigmoid(logit(vs) - logit(Math.max(bias, 1e-3)) + logit(DESK_UPRIGHT_SCORE));
		w = DESK_CALIBRATION_WEIGHT;
	}
	let slouched = w * c.slouch + (1 - w) * personal;
	if (cal.upperBodyOnly && !own && !cal.learnt && cal.upright) {
		// A few seconds recorded on request: the personal model (how far this frame has moved from the
		// person's own upright, learnt on generated sessions) has an equal say. Chosen on the desk folds'
		// development parts against the blend above alone: mean F1 0.86 -> 0.90, worst 0.70 -> 0.72.
		const o = personalObservation(person, ctx.aspect);
		if (o) slouched = (slouched + personalProbability(PERSONAL_MODEL, personalInput(cal.upright, o.pose, o.net))) / 2;
	}
	const upright = 1 - slouched;
	const label: PostureLabel = slouched >= upright ? 'slouched' : 'upright';
	return {
		label,
		confidence: Math.max(slouched, upright),
		scores: { ...verdict.scores, slouched, upright }
	};
}

export function serializeCalibration(cal: Calibration): string {
	return JSON.stringify(cal);
}

/** Parse and check a stored calibration; throws on anything malformed. */
export function parseCalibration(json: string | unknown): Calibration {
	const c = (typeof json === 'string' ? JSON.parse(json) : json) as Calibration;
	const d = EMBEDDING_DIM;
	const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
	const vec = (v: unknown, n: number) => Array.isArray(v) && v.length === n && v.every(isNum);
	const mat = (v: unknown) => Array.isArray(v) && v.length === d && v.every((r) => vec(r, d));
	const ok =
		c &&
		c.version === CALIBRATION_VERSION &&
		typeof c.setupKey === 'string' &&
		isNum(c.aspect) &&
		vec(c.mean, d) &&
		vec(c.direction, d) &&
		mat(c.cov) &&
		mat(c.precision) &&
		Array.isArray(c.active) &&
		c.active.length === d &&
		isNum(c.distanceAtHalf) &&
		isNum(c.classifierSlouchBias) &&
		isNum(c.distanceSlope) &&
		c.framing &&
		isNum(c.framing.shoulderWidth) &&
		isNum(c.framing.centreX) &&
		isNum(c.framing.centreY) &&
		c.seed &&
		isNum(c.seed.scale) &&
		(c.logistic === null || (c.logistic && isNum(c.logistic.bias) && Array.isArray(c.logistic.weights))) &&
		(c.upright === undefined ||
			(Array.isArray(c.upright.pose) && c.upright.pose.every((v) => v === null || isNum(v)) && isNum(c.upright.netLogit)));
	if (!ok) throw new Error('parseCalibration: not a valid calibration (version ' + CALIBRATION_VERSION + ')');
	// JSON has no NaN: unseen signature segments and upright features come back as null
	if (c.upright) c.upright = { ...c.upright, pose: c.upright.pose.map((v) => (typeof v === 'number' ? v : NaN)) };
	if (Array.isArray(c.seed.signature))
		c.seed = { ...c.seed, signature: c.seed.signature.map((v) => (typeof v === 'number' ? v : NaN)) };
	return c;
}

/**
 * How far a framing is from the calibration's, in units where 1 is "probably a different setup":
 * 35 % size change (log), a quarter of the frame width sideways, a fifth of its height up or down.
 */
export function framingDeviation(cal: Calibration, f: Framing): number {
	return Math.max(
		Math.abs(Math.log(f.shoulderWidth / cal.framing.shoulderWidth)) / 0.35,
		Math.abs(f.centreX - cal.framing.centreX) / (0.25 * cal.aspect),
		Math.abs(f.centreY - cal.framing.centreY) / 0.2
	);
}

/** Among stored calibrations for this setup key, the one whose framing best fits the person (or the latest). */
export function findCalibration(
	cals: readonly Calibration[],
	setupKey: string,
	person?: PersonPose | null,
	aspect = 1
): Calibration | null {
	const same = cals.filter((c) => c.setupKey === setupKey);
	if (same.length === 0) return null;
	const f = person ? framingOf(person, aspect) : null;
	if (!f) return same.reduce((a, b) => (b.recordedAt > a.recordedAt ? b : a));
	return same.reduce((a, b) => (framingDeviation(b, f) < framingDeviation(a, f) ? b : a));
}

export interface SetupCheck {
	/** The setup seems to have changed since calibration: suggest recalibrating. */
	changed: boolean;
	reason: 'setup-key' | 'resolution' | 'framing' | null;
	/** Smoothed framing deviation (1 = threshold). */
	deviation: number;
}

export interface SetupMonitorOptions {
	/** Key of the live setup; a different key than the calibration's is a change. */
	setupKey?: string;
	/** Time constant of the framing EMA. */
	tauMs: number;
	/** The smoothed deviation must stay above 1 this long. */
	sustainMs: number;
}

/** Warn when the live pose no longer resembles the calibration's framing (sustained, not a lean). */
export function createSetupMonitor(
	cal: Calibration,
	opts: Partial<SetupMonitorOptions> = {}
): { update(t: number, person: PersonPose | null, aspect: number): SetupCheck; reset(): void } {
	const o: SetupMonitorOptions = { tauMs: 5000, sustainMs: 20000, ...opts };
	let dev: number | null = null;
	let lastT: number | null = null;
	let above: number | null = null;
	let changed = false;
	return {
		update(t, person, aspect) {
			if (o.setupKey !== undefined && o.setupKey !== cal.setupKey)
				return { changed: true, reason: 'setup-key', deviation: dev ?? 0 };
			if (Math.abs(aspect / cal.aspect - 1) > 0.02) return { changed: true, reason: 'resolution', deviation: dev ?? 0 };
			const f = person ? framingOf(person, aspect) : null;
			if (f) {
				const now = framingDeviation(cal, f);
				const a = dev === null || lastT === null ? 1 : 1 - Math.exp(-Math.max(0, t - lastT) / o.tauMs);
				dev = dev === null ? now : dev + a * (now - dev);
				lastT = t;
				if (dev > 1) {
					if (above === null) above = t;
					if (t - above >= o.sustainMs) changed = true;
				} else {
					above = null;
					if (dev < 0.8) changed = false;
				}
			}
			return { changed, reason: changed ? 'framing' : null, deviation: dev ?? 0 };
		},
		reset() {
			dev = null;
			lastT = null;
			above = null;
			changed = false;
		}
	};
}
