/**
 * `analyze --exercise`: the coach's tracker on the CLI's path (frame annotator) and end to end through
 * scripts/analyze.ts on a generated cobra set written as a landmark file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { randomBody, rng } from '../../src/lib/synth';
import { cobraTake, hangTake } from '../../src/lib/synth/exercise-sequences';
import { toJsonlLine } from '../../src/lib/io/landmark-formats';
import { createFrameAnnotator } from './frame-annotator';

const r = rng(8);
const cobra = cobraTake(randomBody(r), [{ peakDeg: 34 }, { peakDeg: 44, hipLiftM: 0.25 }], { rng: r, view: 'side', fps: 20, fromStanding: true });

describe('frame annotator with an exercise', () => {
	it('adds coach phases to frame lines, rep events as they end, the open rep at the end, totals in the summary', () => {
		const a = createFrameAnnotator({ stills: false, calibrationFrames: null, exercise: 'cobra' });
		a.startSequence();
		const events: Record<string, unknown>[] = [];
		const phases = new Set<string>();
		// stop in the middle of the second rep's hold: the recording ends at the top
		const cut = cobra.reps[1].topT + 1500;
		for (const f of cobra.frames.filter((x) => x.t <= cut)) {
			const { annotation, events: ev } = a.frame(f, false);
			phases.add((annotation.coach as { phase: string }).phase);
			events.push(...ev);
		}
		expect(events.map((e) => e.event)).toEqual(['rep']);
		const end = a.endSequence();
		expect(end.map((e) => [e.event, e.n, e.faults])).toEqual([['rep', 2, ['hips_lifted']]]);
		expect(phases).toEqual(new Set(['setup', 'rest', 'rising', 'top', 'lowering']));
		const first = events[0];
		expect(Object.keys(first).slice(0, 6)).toEqual(['event', 'n', 'peakDeg', 'holdS', 'score', 'faults']);
		expect(Math.abs((first.peakDeg as number) - cobra.reps[0].peakDeg)).toBeLessThan(5);
		const s = a.summary().exercise as Record<string, unknown>;
		expect(s).toMatchObject({ name: 'cobra', reps: 2 });
		expect((s.holds as number[]).length).toBe(2);
	});

	it('hang: a hold event with its seconds; no coach on stills', () => {
		const h = hangTake(randomBody(r), { hangMs: 8000 }, { rng: r, view: 'front', fps: 15 });
		const a = createFrameAnnotator({ stills: false, calibrationFrames: null, exercise: 'hang' });
		const events = h.frames.flatMap((f) => a.frame(f, false).events);
		events.push(...a.endSequence());
		const holds = events.filter((e) => e.event === 'hold');
		expect(holds.length).toBe(1);
		expect(Math.abs((holds[0].seconds as number) - 8)).toBeLessThan(1.5);
		expect(a.frame(h.frames[0], true).annotation.coach).toBeUndefined();
	});
});

describe('analyze --exercise (end to end)', () => {
	it('prints rep event lines and the exercise totals in the summary line', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'analyze-exercise-'));
		const file = join(dir, 'cobra.jsonl');
		writeFileSync(file, cobra.frames.map((f) => toJsonlLine({ t: f.t, landmarks: f.people[0].landmarks, width: f.width, height: f.height })).join('\n') + '\n');
		const ROOT = new URL('../..', import.meta.url).pathname;
		const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/analyze.ts'), '--exercise', 'cobra', file], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
		const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
		const reps = lines.filter((l) => l.event === 'rep');
		expect(reps.map((e) => e.faults)).toEqual([[], ['hips_lifted']]);
		expect(lines.filter((l) => 't' in l && 'landmarks' in l).every((l) => typeof l.coach?.phase === 'string')).toBe(true);
		const summary = lines[lines.length - 1].summary;
		expect(summary.exercise).toMatchObject({ name: 'cobra', reps: 2 });
		expect(summary.exercise.bestPeakDeg).toBeGreaterThan(38);
	});
});

describe('frame annotator on a desk sequence without --calibrate', () => {
	it('learns the upright by itself and says so; --stills and --calibrate do not', async () => {
		const { fixturePerson } = await import('../../src/lib/tracking/fixture');
		const A = 4 / 3;
		const at = (t: number) => ({
			t,
			people: [fixturePerson({ cx: 0.5 * A, cy: 0.95, scale: 0.42, aspect: A, upperBodyOnly: true, headDrop: ((t / 500) % 5) * 0.004 })],
			width: 640,
			height: 480
		});
		const a = createFrameAnnotator({ stills: false, calibrationFrames: null });
		a.startSequence();
		const said: string[] = [];
		for (let t = 0; t <= 90_000; t += 500) {
			const { annotation } = a.frame(at(t), false);
			if (annotation.learning) said.push(annotation.learning as string);
		}
		expect(said).toEqual(['learning', 'calibrated']);
		expect(a.summary().learntUpright).toBe('calibrated, still learning');
		const s = createFrameAnnotator({ stills: true, calibrationFrames: null });
		expect(s.frame(at(0), true).annotation.learning).toBeUndefined();
		const c = createFrameAnnotator({ stills: false, calibrationFrames: Array.from({ length: 20 }, (_, i) => at(i * 100)) });
		expect(c.frame(at(0), false).annotation.learning).toBeUndefined();
		expect(c.summary().learntUpright).toBeUndefined();
	});
});
