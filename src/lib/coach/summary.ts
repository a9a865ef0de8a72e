/**
 * The end-of-set summary: reps, best peak, hold times, score per rep, and what improved since the
 * first rep, in a few kind words (users: "praise progress, not only faults"; domain: "progress
 * gradually; consistency beats novelty").
 */
import type { CoachEvent, ExerciseName, FaultId, HoldEvent, RepEvent, RotationCounts, SetSummary } from './types';

/** What getting rid of a fault sounds like, for "what improved". */
const FIXED: Record<FaultId, string> = {
	hips_lifted: 'your hips stayed on the floor',
	arms_not_pushing: 'your hands did the pushing',
	shoulders_shrugged: 'your shoulders stayed away from your ears',
	neck_cranked: 'your neck stayed long',
	knees_bent: 'your legs stayed straight',
	hands_not_on_back: 'your hands stayed on your lower back',
	too_fast: 'you moved slowly',
	no_hold: 'you held the end of the range'
};

/** Peaks must differ by this much to count as progress, degrees. */
const PEAK_STEP_DEG = 3;
/** Scores must differ by this much to count as progress. */
const SCORE_STEP = 10;

export function summarizeSet(exercise: ExerciseName, events: readonly CoachEvent[], goalS?: number): SetSummary {
	const reps = events.filter((e): e is RepEvent => e.event === 'rep');
	const holds = events.filter((e): e is HoldEvent => e.event === 'hold');
	const faults: Partial<Record<FaultId, number>> = {};
	for (const r of reps) for (const f of r.faults) faults[f] = (faults[f] ?? 0) + 1;
	const improved: string[] = [];
	if (reps.length >= 2) {
		const first = reps[0];
		const last = reps[reps.length - 1];
		const best = reps.reduce((b, r) => (r.peakDeg > b.peakDeg ? r : b), first);
		if (best.peakDeg - first.peakDeg >= PEAK_STEP_DEG) {
			const what = exercise === 'cobra' ? 'higher' : 'further back';
			improved.push(`Rep ${best.n} went ${Math.round(best.peakDeg - first.peakDeg)} degrees ${what} than your first.`);
		}
		if (last.score - first.score >= SCORE_STEP) improved.push(`Form score up from ${first.score} to ${last.score}.`);
		const fixed = first.faults.filter((f) => !last.faults.includes(f));
		if (fixed.length) improved.push(`By the last rep ${fixed.map((f) => FIXED[f]).join(' and ')}.`);
		if (last.holdS - first.holdS >= 1 && exercise === 'back_extension') improved.push(`You held the end of the range ${Math.round(last.holdS - first.holdS)} s longer.`);
	}
	let rotations: RotationCounts | undefined;
	if (exercise === 'hang') {
		rotations = { left: 0, right: 0, unknown: 0 };
		for (const e of events) if (e.event === 'rotation') rotations[e.side]++;
		if (holds.length >= 2 && holds[holds.length - 1].seconds > holds[0].seconds + 2)
			improved.push(`Your last hang was ${Math.round(holds[holds.length - 1].seconds - holds[0].seconds)} s longer than your first.`);
		if (rotations.left && rotations.right) improved.push('You turned slowly to both sides.');
	}
	const holdsS = exercise === 'hang' || exercise === 'sphinx' ? holds.map((h) => h.seconds) : reps.map((r) => r.holdS);
	const totalHoldS = Math.round(holdsS.reduce((s, x) => s + x, 0) * 10) / 10;
	const summary: SetSummary = {
		exercise,
		reps: reps.length,
		bestPeakDeg: reps.length ? Math.max(...reps.map((r) => r.peakDeg)) : null,
		holdsS,
		totalHoldS,
		scores: reps.map((r) => r.score),
		repDetails: reps.map((r) => ({ n: r.n, peakDeg: r.peakDeg, holdS: r.holdS, score: r.score, faults: r.faults })),
		faults,
		improved
	};
	if (rotations) summary.rotations = rotations;
	if (exercise === 'sphinx') {
		const goal = goalS ?? holds[0]?.goalS;
		if (goal !== undefined) {
			summary.goalS = goal;
			summary.goalReached = totalHoldS >= goal;
			if (summary.goalReached) improved.push(`You reached your ${Math.round(goal / 60)}-minute goal.`);
		}
	}
	return summary;
}
