/**
 * Writes a watched session to history as it happens: minutes per posture (flushed every 15 s and when the page
 * hides, so a crash or reload loses almost nothing), exercise bouts, and every nudge with what followed it.
 * Storage failures never reach the page: the store runs in memory and HistoryStatus says so.
 */
import { historyState } from '$lib/history/history.svelte';
import { SessionRecorder } from '$lib/history/recorder';
import type { SessionKind } from '$lib/history/types';
import type { Nudge, NudgeOutcome, NudgeStyle } from '$lib/nudge/types';
import type { PostureState } from '$lib/posture/pipeline';
import type { WatchEvents } from './posture-watch.svelte';

export class WatchHistory {
	#recorder: SessionRecorder | null = null;
	#starting: Promise<void> | null = null;
	#boutStart: number | null = null;
	#peak = 0;
	#sum = 0;
	#n = 0;
	#bouts: { start: number; end: number; meanIntensity: number; peakIntensity: number }[] = [];

	constructor(
		readonly kind: SessionKind,
		readonly styles: () => readonly NudgeStyle[]
	) {}

	begin(): Promise<void> {
		this.#starting ??= historyState.open().then(async (store) => {
			this.#recorder = new SessionRecorder(store, this.kind);
			await this.#recorder.start();
		});
		return this.#starting;
	}

	async end(): Promise<void> {
		const starting = this.#starting;
		this.#starting = null;
		await starting?.catch(() => undefined);
		const recorder = this.#recorder;
		this.#recorder = null;
		await recorder?.end().catch(() => undefined);
	}

	/** The handlers to give a PostureWatch. */
	readonly events: WatchEvents = {
		onTick: (s: PostureState) => this.#tick(s),
		onNudge: (n: Nudge) => void this.#nudge(n),
		onOutcome: (id: string, outcome: NudgeOutcome) => void this.#outcome(id, outcome)
	};

	#tick(s: PostureState): void {
		const r = this.#recorder;
		if (!r) return;
		if (s.label === 'away') r.gap();
		else r.observe(s.label);
		const now = Date.now();
		if (s.exercise.active) {
			this.#boutStart ??= now;
			this.#peak = Math.max(this.#peak, s.exercise.intensity);
			this.#sum += s.exercise.intensity;
			this.#n++;
		} else if (this.#boutStart !== null) {
			this.#bouts.push({ start: this.#boutStart, end: now, meanIntensity: this.#n ? this.#sum / this.#n : 0, peakIntensity: this.#peak });
			this.#boutStart = null;
			this.#peak = this.#sum = this.#n = 0;
			r.setBouts(this.#bouts);
		}
	}

	async #nudge(n: Nudge): Promise<void> {
		const r = this.#recorder;
		if (!r?.session) return;
		await r.store
			.addNudge({ id: n.id, sessionId: r.session.id, t: n.t, detected: n.detected === 'exercise' ? 'other' : n.detected, style: this.styles()[0] ?? 'banner' })
			.catch(() => undefined);
	}

	async #outcome(id: string, outcome: NudgeOutcome): Promise<void> {
		await this.#recorder?.store.resolveNudge(id, outcome).catch(() => undefined);
	}
}
