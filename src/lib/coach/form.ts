/**
 * Form components over a rep: each frame's component scores are accumulated while the rep is on;
 * a component flags its fault when its score stays low for a while (a one-frame glitch is not a
 * fault: users, "constant correction is demoralising"), and the rep's 0..100 score is the weighted
 * mean of the components.
 */
import type { ComponentId, ComponentSummary, FaultId, FormComponent } from './types';

export interface ComponentSpec {
	id: ComponentId;
	fault: FaultId;
	/** Weight in the rep's 0..100 score. */
	weight: number;
}

/** A component turns bad below `BAD` and good again above `GOOD` (hysteresis against jitter). */
export const BAD = 0.45;
export const GOOD = 0.55;

interface Acc {
	sum: number;
	n: number;
	badSince: number | null;
	faulted: boolean;
	worst: FormComponent | null;
	last: FormComponent | null;
}

export interface FormAccumulator {
	/** Adds one frame of the rep. */
	add(t: number, components: readonly FormComponent[]): void;
	/** Faults flagged so far in this rep. */
	faults(): FaultId[];
	/** Faults whose low score is going on now (for a live cue). */
	activeFaults(t: number): FaultId[];
	summary(): ComponentSummary[];
	/** 0..100 from the components' means (1 for a component never measured). */
	score(): number;
	reset(): void;
}

export function createFormAccumulator(specs: readonly ComponentSpec[], faultMinMs: number): FormAccumulator {
	const accs = new Map<ComponentId, Acc>();
	const fresh = () => {
		for (const s of specs) accs.set(s.id, { sum: 0, n: 0, badSince: null, faulted: false, worst: null, last: null });
	};
	fresh();
	const specOf = new Map(specs.map((s) => [s.id, s]));
	return {
		add(t, components) {
			for (const c of components) {
				const a = accs.get(c.id);
				if (!a || c.value === null) continue;
				a.sum += c.score;
				a.n++;
				a.last = c;
				if (!a.worst || c.score < a.worst.score) a.worst = c;
				if (a.badSince === null) {
					if (c.score < BAD) a.badSince = t;
				} else if (c.score > GOOD) a.badSince = null;
				if (a.badSince !== null && t - a.badSince >= faultMinMs) a.faulted = true;
			}
		},
		faults() {
			return specs.filter((s) => accs.get(s.id)!.faulted).map((s) => s.fault);
		},
		activeFaults(t) {
			return specs
				.filter((s) => {
					const a = accs.get(s.id)!;
					return a.badSince !== null && t - a.badSince >= faultMinMs;
				})
				.map((s) => s.fault);
		},
		summary() {
			return specs.map((s) => {
				const a = accs.get(s.id)!;
				const shown = a.faulted ? a.worst : a.last;
				return {
					id: s.id,
					score: a.n ? round2(a.sum / a.n) : 1,
					fault: a.faulted ? specOf.get(s.id)!.fault : null,
					why: shown?.why ?? 'not seen in this rep'
				};
			});
		},
		score() {
			let w = 0;
			let sum = 0;
			for (const s of specs) {
				const a = accs.get(s.id)!;
				sum += s.weight * (a.n ? a.sum / a.n : 1);
				w += s.weight;
			}
			return w ? Math.round((100 * sum) / w) : 100;
		},
		reset: fresh
	};
}

function round2(v: number): number {
	return Math.round(v * 100) / 100;
}

/** Logistic membership rising with x: 0.5 at `c`, from ~0.12 to ~0.88 over `w`. */
export const rise = (x: number, c: number, w: number): number => 1 / (1 + Math.exp(-(x - c) * (4 / w)));
/** Logistic membership falling with x. */
export const fall = (x: number, c: number, w: number): number => 1 - rise(x, c, w);
