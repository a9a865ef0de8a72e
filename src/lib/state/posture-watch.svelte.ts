/**
 * Watching posture on a live pose session: every result goes through the posture pipeline (tracking,
 * classifier, calibration, smoothing, dwell, workout context) and the nudge policy. Runes state for the pages.
 */
import { parseCalibration, serializeCalibration, type Calibration } from '$lib/calibration/calibrate';
import { learntKeyOf } from '$lib/calibration/auto';
import { deliverNudge } from '$lib/nudge/deliver';
import { localHour, startOfTomorrow } from '$lib/nudge/time';
import { createNudger, type Nudger } from '$lib/nudge/nudger';
import type { Nudge, NudgeOutcome, NudgePolicy } from '$lib/nudge/types';
import { createPosturePipeline, type PosturePipeline, type PostureState } from '$lib/posture/pipeline';
import type { PostureLabel } from '$lib/posture/types';
import { sensitivityScale, type Settings } from '$lib/settings/settings';
import { settings } from '$lib/settings/settings.svelte';
import type { EngineResult } from '$lib/engine/types';
import { deskSampling } from '$lib/engine/desk-sampling';
import type { SamplingOptions } from '$lib/engine/frame-gate';
import type { PoseSession } from './pose-session.svelte';

export interface WatchEvents {
	onNudge?: (n: Nudge) => void;
	onOutcome?: (id: string, outcome: NudgeOutcome) => void;
	/** Called about once a second with the current state, for history totals. */
	onTick?: (s: PostureState, dtMs: number) => void;
}

export class PostureWatch {
	state = $state.raw<PostureState | null>(null);
	nudge = $state.raw<Nudge | null>(null);
	paused = $state(false);
	snoozeUntil = $state<number | null>(null);
	afterExercise = $state(false);
	/** Milliseconds spent in each state since the watch started. */
	totals = $state<Partial<Record<PostureLabel | 'away', number>>>({});
	calibrated = $state(false);
	/**
	 * Learning the person's usual upright by itself (no explicit calibration for this camera setup):
	 * 'learning' with progress 0..1 towards a first calibration, then 'done' (kept for this setup); null
	 * with an explicit calibration.
	 */
	learning = $state<{ status: 'learning' | 'done'; progress: number } | null>(null);
	#setupKey = '';

	readonly session: PoseSession;
	#pipeline: PosturePipeline;
	#policy: NudgePolicy;
	#nudger: Nudger;
	#nudgerKey = '';
	#events: WatchEvents;
	#lastTick = 0;
	#lastT: number | null = null;

	constructor(session: PoseSession, policy: NudgePolicy, events: WatchEvents = {}) {
		this.session = session;
		this.#events = events;
		this.#policy = policy;
		settings.load();
		this.#nudger = this.#nudgerFor(settings.value);
		// Until a camera setup is known (a replay, a video file) the upright is learnt for this session only.
		this.#pipeline = createPosturePipeline({ calibration: null, autoCalibrate: true });
		this.learning = { status: 'learning', progress: 0 };
		session.onResult = (r) => this.#onResult(r);
	}

	/** The nudge policy scaled by the person's sensitivity and capped by their hourly limit. */
	#nudgerFor(s: Settings): Nudger {
		const scale = sensitivityScale(s.sensitivity);
		this.#nudgerKey = `${s.sensitivity}/${s.maxNudgesPerHour}`;
		return createNudger({
			...this.#policy,
			slouchNudgeAfterMs: this.#policy.slouchNudgeAfterMs * scale,
			flexionNudgeAfterMs: this.#policy.flexionNudgeAfterMs * scale,
			maxPerHour: Math.min(this.#policy.maxPerHour, s.maxNudgesPerHour)
		});
	}

	/**
	 * How a low-cost watch (the desk) should sample the camera for what it sees now: rarely when nobody is there,
	 * faster while a slouch builds up; the model only on frames that changed. The same object while the
	 * situation stays the same, so an effect sending it to the worker runs only on a real change.
	 */
	get sampling(): Readonly<SamplingOptions> {
		return deskSampling(this.state);
	}

	/** Uses the calibration saved for this camera setup, if any. */
	useCalibrationFor(setupKey: string): boolean {
		const parse = (stored: string | undefined): Calibration | null => {
			if (!stored) return null;
			try {
				return parseCalibration(stored);
			} catch {
				return null;
			}
		};
		this.#setupKey = setupKey;
		const calibration = parse(settings.value.calibrations[setupKey]);
		// Without an explicit calibration: the upright learnt earlier for this setup, or learn it now.
		const learnt = calibration ? null : parse(settings.value.calibrations[learntKeyOf(setupKey)]);
		this.#pipeline = createPosturePipeline({ calibration: calibration ?? learnt, setupKey, autoCalibrate: !calibration && !learnt });
		this.calibrated = calibration !== null;
		this.learning = calibration ? null : learnt ? { status: 'done', progress: 1 } : { status: 'learning', progress: 0 };
		return this.calibrated;
	}

	/** Follows the pipeline's learning; keeps the learnt upright for this camera setup once done. */
	#followLearning(state: PostureState): void {
		const l = state.learning;
		if (!l || !this.learning || this.learning.status === 'done') return;
		if (l.status === 'done') {
			const cal = this.#pipeline.learntCalibration();
			if (cal && this.#setupKey)
				settings.update({ calibrations: { ...settings.value.calibrations, [learntKeyOf(this.#setupKey)]: serializeCalibration(cal) } });
			this.learning = { status: 'done', progress: 1 };
		} else if (Math.abs(l.progress - this.learning.progress) >= 0.01) this.learning = { status: 'learning', progress: l.progress };
	}

	snooze(ms: number): void {
		this.snoozeUntil = Date.now() + ms;
		this.#dismiss('snoozed');
	}

	snoozeUntilTomorrow(): void {
		this.snoozeUntil = startOfTomorrow(Date.now());
		this.#dismiss('snoozed');
	}

	resume(): void {
		this.snoozeUntil = null;
		this.paused = false;
	}

	dismissNudge(): void {
		this.nudge = null;
	}

	#dismiss(outcome: 'snoozed'): void {
		const r = this.#nudger.snoozed();
		if (r) this.#events.onOutcome?.(r.id, outcome);
		this.nudge = null;
	}

	#onResult(r: EngineResult): void {
		// A new source (camera to a file, a restarted stream) restarts its clock: so do smoothing and dwell.
		if (this.#lastT !== null && r.frame.t < this.#lastT) {
			this.#pipeline.reset();
			this.#lastT = null;
		}
		const state = this.#pipeline.update(r.frame);
		this.state = state;
		this.#followLearning(state);
		const now = Date.now();
		// Sensitivity or the hourly cap changed: they apply from now on.
		if (`${settings.value.sensitivity}/${settings.value.maxNudgesPerHour}` !== this.#nudgerKey) this.#nudger = this.#nudgerFor(settings.value);
		const dt = this.#lastT === null ? 0 : Math.min(2000, Math.max(0, r.frame.t - this.#lastT));
		this.#lastT = r.frame.t;
		this.totals[state.label] = (this.totals[state.label] ?? 0) + dt;
		const step = this.#nudger.update(
			{ t: now, label: state.label, sinceMs: state.sinceMs, exercise: state.exercise, hour: localHour(now) },
			{ paused: this.paused, snoozeUntil: this.snoozeUntil, afterExercise: this.afterExercise }
		);
		if (step.resolved) {
			this.#events.onOutcome?.(step.resolved.id, step.resolved.outcome);
			if (this.nudge?.id === step.resolved.id) this.nudge = null;
		}
		if (step.nudge) {
			this.nudge = step.nudge;
			deliverNudge(step.nudge, settings.value.nudgeStyles);
			this.#events.onNudge?.(step.nudge);
		}
		if (now - this.#lastTick >= 1000) {
			this.#events.onTick?.(state, this.#lastTick === 0 ? 0 : now - this.#lastTick);
			this.#lastTick = now;
		}
	}
}
