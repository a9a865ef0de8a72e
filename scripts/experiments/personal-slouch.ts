/**
 * Experiment (design choice, not a shipped number): a personal slouch model that compares a frame with the
 * person's own upright (20 recorded frames) in the normalised upper-body pose (features/upper-body-pose.ts),
 * trained on generated desk sessions only (synth/desk-session.ts), against the desk network moved by the
 * person's own offset (netShift), the network alone, the calibrated pipeline before it (current), and the
 * two averaged (blend, what calibrate.ts now does). Scores every desk fold's development part.
 * Result when chosen (N=600 sessions): personal mean 0.83 / worst 0.41, current 0.86 / 0.70, blend 0.90 / 0.72;
 * with framing features compared too, personal 0.80 / 0.31 (the photo folds' framing moves within an upright).
 *
 * Usage: npx tsx scripts/experiments/personal-slouch.ts
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frameAspect } from '../../src/lib/tracking/body';
import { deskSessions } from '../../src/lib/synth/desk-session';
import { personalExamples } from '../../src/lib/calibration/personal-examples';
import { personalInput, personalObservation, PERSONAL_INPUT_DIM, uprightReference, type PersonalObservation } from '../../src/lib/calibration/personal-slouch';
import type { PersonPose } from '../../src/lib/pose/types';
import { deskLandmarkSources, snowSunoItems, snowSunoPhotos, type DeskItem } from '../lib/eval-desk';
import { photoLandmarks } from '../lib/eval-photos';
import { prf1 } from '../lib/eval-slouch';
import { calibrate } from '../../src/lib/calibration/calibrate';
import { createPosturePipeline } from '../../src/lib/posture/pipeline';
import { fitPersonalLogistic, personalProbability } from '../../src/lib/calibration/personal-slouch';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(REPO, '..', 'shared', 'datasets');

type Obs = PersonalObservation;
const observe = (person: PersonPose | undefined, aspect: number): Obs | null => (person ? personalObservation(person, aspect) : null);

// --- training on generated sessions
const t0 = performance.now();
const sessions = deskSessions(Number(process.env.N ?? 1500), 7, { frames: 16 });
const { X, y } = personalExamples(sessions);
const model = fitPersonalLogistic(X, y, { l2: Number(process.env.L2 ?? 1e-2) });
console.log(`trained on ${X.length} generated frames of ${sessions.length} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s; dim ${PERSONAL_INPUT_DIM}`);
console.log('weights', model.weights.map((w) => w.toFixed(2)).join(' '), 'bias', model.bias.toFixed(2));

// --- real folds
const sources = deskLandmarkSources(DATA);
const snow = snowSunoPhotos(DATA);
if (snow) {
	const lm = await photoLandmarks(snow.files.map((f) => f.file));
	const s = snowSunoItems(DATA, lm);
	if (s) sources.push(s);
}
const logit = (p: number) => Math.log(Math.max(1e-4, Math.min(1 - 1e-4, p)) / (1 - Math.max(1e-4, Math.min(1 - 1e-4, p))));
const rows: string[] = [];
const f1s: Record<string, number[]> = { netShift: [], personal: [], net: [], current: [], blend: [] };
for (const src of sources) {
	const folds = [...new Set(src.items.map((i) => i.fold))];
	for (const fold of folds) {
		const inFold = src.items.filter((i) => i.fold === fold && !i.frozen);
		const calItems = inFold.filter((i) => i.truth === 'upright').slice(0, 20);
		const used = new Set<DeskItem>(calItems);
		const scored = inFold.filter((i) => i.truth !== null && !used.has(i));
		const obsOf = (i: DeskItem) => observe(i.frame.people[0], frameAspect(i.frame));
		const cal = calItems.map(obsOf).filter((o): o is Obs => o !== null);
		const ref = uprightReference(cal);
		const pairs: Record<string, Array<[boolean, boolean]>> = { netShift: [], personal: [], net: [], current: [], blend: [] };
		let pipe: ReturnType<typeof createPosturePipeline> | null = null;
		try {
			pipe = createPosturePipeline({ stills: true, calibration: calibrate(calItems.map((i) => i.frame)) });
		} catch {
			pipe = null;
		}
		for (const it of scored) {
			const t = it.truth === 'slouched';
			const o = obsOf(it);
			const v = pipe ? pipe.update(it.frame).raw : null;
			const curLabel = v?.label === 'slouched';
			const cur = v?.scores.slouched ?? 0;
			if (!o || !ref) {
				for (const k in pairs) pairs[k].push([t, false]);
				continue;
			}
			pairs.net.push([t, o.net >= 0.5]);
			pairs.netShift.push([t, logit(o.net) - ref.netLogit + logit(0.17) >= 0]);
			const pp = personalProbability(model, personalInput(ref, o.pose, o.net));
			pairs.personal.push([t, pp >= 0.5]);
			pairs.current.push([t, curLabel]);
			pairs.blend.push([t, (pp + cur) / 2 >= 0.5]);
		}
		const cells = Object.entries(pairs).map(([k, p]) => {
			const r = prf1(p);
			f1s[k].push(r.f1);
			return `${k} ${r.f1.toFixed(2)} (${r.p.toFixed(2)}/${r.r.toFixed(2)})`;
		});
		rows.push(`${fold.padEnd(26)} cal ${cal.length}/${calItems.length}  ${cells.join('  ')}`);
	}
}
console.log(rows.join('\n'));
for (const [k, v] of Object.entries(f1s)) {
	const skip = rows.findIndex((r) => r.startsWith('sitting-webcam'));
	const vv = v.filter((_, i) => i !== skip);
	console.log(`${k}: mean ${(vv.reduce((a, b) => a + b, 0) / vv.length).toFixed(3)} worst ${Math.min(...vv).toFixed(3)} (without sitting-webcam-good-bad)`);
}
