/**
 * Form components over a rep: each frame's component scores are accumulated while the rep is on;
 * a component flags its fault when its score stays low for a while (a one-frame glitch is not a
 * fault: users, "constant correction is demoralising"), and the rep's 0..100 score is the weighted
 * mean of the components.
 *
 * Glitches are ignored both ways: a low run is not ended by good readings shorter than `faultMinMs`
 * (arms hanging by the body read as "planted" for one frame in three would otherwise never make a
 * 500-ms run), as long as the run's mean stays low (a few low frames among good ones at 8 frames a
 * second are not a fault), and a component whose mean over the rep is low is that rep's fault whatever its runs,
 * so a rep's faults always agree with its component scores and with the set summary built on them.
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
	/** While a low run is on: since when the readings have been good again. */
	goodSince: number | null;
	/** The scores since the low run started. */
	runSum: number;
	runN: number;
	faulted: boolean;
	worst: FormComponent | null;
	last: FormComponent | null;
}

export interface FormAccumulator {
	/** Adds one frame of the rep. */
	add(t: number, components: readonly FormComponent[]): void;
	/** The rep's faults so far: a low run that lasted, or a low mean over the rep. */
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
		for (const s of specs) accs.set(s.id, { sum: 0, n: 0, badSince: null, goodSince: null, runSum: 0, runN: 0, faulted: false, worst: null, last: null });
	};
	fresh();
	const specOf = new Map(specs.map((s) => [s.id, s]));
	const isFault = (a: Acc) => a.faulted || (a.n > 0 && a.sum / a.n < BAD);
	/** A low run long enough, low on the whole, and not in a good spell now. */
	const runIsFault = (a: Acc, t: number) =>
		a.badSince !== null && a.goodSince === null && t - a.badSince >= faultMinMs && a.runSum / a.runN < BAD;
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
					if (c.score < BAD) {
						a.badSince = t;
						a.runSum = a.runN = 0;
					}
				} else if (c.score > GOOD) {
					a.goodSince ??= t;
					if (t - a.goodSince >= faultMinMs) a.badSince = a.goodSince = null;
				} else a.goodSince = null;
				if (a.badSince !== null) {
					a.runSum += c.score;
					a.runN++;
				}
				if (runIsFault(a, t)) a.faulted = true;
			}
		},
		faults() {
			return specs.filter((s) => isFault(accs.get(s.id)!)).map((s) => s.fault);
		},
		activeFaults(t) {
			return specs
				.filter((s) => runIsFault(accs.get(s.id)!, t))
				.map((s) => s.fault);
		},
		summary() {
			return specs.map((s) => {
				const a = accs.get(s.id)!;
				const faulted = isFault(a);
				const shown = faulted ? a.worst : a.last;
				return {
					id: s.id,
					score: a.n ? round2(a.sum / a.n) : 1,
					fault: faulted ? specOf.get(s.id)!.fault : null,
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
