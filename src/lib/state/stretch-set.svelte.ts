/**
 * One coached stretch set on a pose session: the coach session (placement, countdown, tracker, cues) fed by every
 * result, cues spoken when voice is on, and the set written to history after every rep or hold so a crash loses
 * nothing. Live from the camera, or from a recording (a video file the person filmed): then there is no placement
 * wait or countdown (the recording is coached from its first frame, as `analyze --exercise` does), the set ends
 * with the file, and it is dated when it was filmed. Runes state for the stretch page.
 */
import { createCoachSession, type CoachSession } from '$lib/coach/session';
import type { CoachEvent, ExerciseName, SessionState, SetSummary } from '$lib/coach/types';
import { historyState } from '$lib/history/history.svelte';
import { stretchSetFromSummary } from '$lib/history/from-coach';
import { speak } from '$lib/nudge/deliver';
import { summarizeSet } from '$lib/coach/summary';
import type { EngineResult } from '$lib/engine/types';
import type { PoseSession } from './pose-session.svelte';

export const SPHINX_GOAL_S = 10 * 60;

/** A file dated before this was not dated by the camera that filmed it (history refuses times before 2020). */
const FIRST_PLAUSIBLE = Date.UTC(2020, 0, 1);

/** The recorded video a set is coached from. */
export interface Recording {
	name: string;
	/** The file's last-modified time (ms): a phone writes it when the recording stops. */
	lastModified: number;
}

export class StretchSet {
	state = $state.raw<SessionState | null>(null);
	/** The last cue let through, kept on screen until the next one. */
	cue = $state<string | null>(null);
	lastEvent = $state.raw<CoachEvent | null>(null);
	summary = $state.raw<SetSummary | null>(null);
	stoppedForPain = $state(false);
	voice = $state(false);

	readonly exercise: ExerciseName;
	#coach: CoachSession;
	#setId = `set-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
	#start = Date.now();
	#sessionId: Promise<string> | null = null;
	#lastT: number | null = null;

	constructor(
		readonly session: PoseSession,
		exercise: ExerciseName,
		voice: boolean,
		readonly recording: Recording | null = null
	) {
		this.exercise = exercise;
		this.voice = voice;
		this.#coach = createCoachSession({
			exercise,
			countdownS: recording ? 0 : 3,
			placementOkMs: recording ? 0 : undefined,
			trackers: exercise === 'sphinx' ? { sphinx: { goalS: SPHINX_GOAL_S } } : undefined
		});
		session.onResult = (r) => this.#onResult(r);
		if (recording) session.onFileEnd = () => void this.finish();
	}

	#onResult(r: EngineResult): void {
		if (this.summary) return;
		// Another source started (camera to a file, a restarted stream): its clock starts again, so does the set's.
		if (this.#lastT !== null && r.frame.t < this.#lastT) this.#coach.reset();
		this.#lastT = r.frame.t;
		let s: SessionState;
		try {
			s = this.#coach.update(r.frame, r.frame.people.length ? 0 : null);
		} catch (e) {
			// One bad frame must not end the set; the next frame is coached as usual.
			console.warn('coach: frame skipped', e);
			return;
		}
		this.state = s;
		if (s.cue) {
			this.cue = s.cue.text;
			// A recording played faster than real time would pile the spoken cues up behind the picture.
			if (this.voice && s.cue.speakable && (!this.recording || this.session.speed === 1)) speak(s.cue.text);
		}
		const events = s.tracker?.events ?? [];
		if (events.length) {
			this.lastEvent = events[events.length - 1];
			if (events.some((e) => e.event === 'rep' || e.event === 'hold')) void this.#save(summarizeSet(this.exercise, this.#coach.events, this.exercise === 'sphinx' ? SPHINX_GOAL_S : undefined));
		}
	}

	/** Ends the set (finished, or stopped because it hurt): the summary, written to history. */
	finish(pain = false): SetSummary {
		if (this.summary) return this.summary;
		this.stoppedForPain = pain;
		if (pain && typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
		this.summary = this.#coach.finish();
		void this.#save(this.summary, true);
		return this.summary;
	}

	/**
	 * When the set happened: live, from its start to now; a recording, when it was filmed (its length before the
	 * file's last-modified time), unless that time is not plausible (missing, or in the future).
	 */
	#span(final: boolean): { start: number; end: number | undefined } {
		const durationMs = (this.session.progress?.durationS ?? 0) * 1000;
		const filmed = this.recording?.lastModified ?? 0;
		if (this.recording && filmed - durationMs >= FIRST_PLAUSIBLE && filmed <= Date.now()) return { start: Math.round(filmed - durationMs), end: filmed };
		return { start: this.#start, end: final ? Date.now() : undefined };
	}

	async #save(summary: SetSummary, final = false): Promise<void> {
		if (summary.reps === 0 && summary.totalHoldS === 0) return;
		try {
			const store = await historyState.open();
			const { start, end } = this.#span(final);
			this.#sessionId ??= store.startSession('stretch', { start }).then((s) => s.id);
			const sessionId = await this.#sessionId;
			await store.addStretchSet(stretchSetFromSummary(summary, { sessionId, start, end, id: this.#setId, source: this.recording ? 'recording' : undefined }));
			if (final) await store.endSession(sessionId, { end: end ?? Date.now() });
		} catch {
			/* the history banner says when storage is not working; the set itself goes on */
		}
	}
}
