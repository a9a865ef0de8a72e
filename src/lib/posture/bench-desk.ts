/**
 * Cost of the desk slouch path per frame, in Node: the whole still classifier on generated desk frames
 * (features, the upper-body embedding and the network), and with a recorded calibration applied, and the network alone in plain TypeScript (what
 * the app runs) against its tfjs twin one frame at a time and in batches of 256 (the eval's way).
 */
import { prepareBody } from '../features/body';
import { upperBodyEmbedding } from '../features/upper-body';
import { deskSamples } from '../synth/desk';
import { classifyPosture } from './classify';
import { SLOUCH_MODEL } from './slouch-model';
import { slouchProbability } from './slouch-net';
import { predictSlouchBatch } from './slouch-model-tf';
import { deskSessions } from '../synth/desk-session';
import { applyCalibration, calibrate } from '../calibration/calibrate';

export interface DeskBench {
	frames: number;
	/** Median µs per frame: features + still classifier (with the network) on head-and-shoulders frames. */
	classifyUsPerFrame: number;
	/** The same frames with a recorded calibration applied (the calibration's distance and the personal model). */
	calibratedUsPerFrame: number;
	/** The network alone, plain TypeScript, µs per frame. */
	networkUsPerFrame: number;
	/** The network in tfjs (cpu backend), one frame per call, µs per frame. */
	networkTfUsPerFrame: number;
	/** The network in tfjs, batches of 256, µs per frame. */
	networkTfBatchUsPerFrame: number;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function time(runs: number, n: number, pass: () => number): number {
	let sink = pass(); // warm-up (JIT)
	const per: number[] = [];
	for (let k = 0; k < runs; k++) {
		const t0 = performance.now();
		sink += pass();
		per.push(((performance.now() - t0) * 1000) / n);
	}
	if (!Number.isFinite(sink)) throw new Error('bench: non-finite result');
	return Math.round(median(per) * 100) / 100;
}

export function benchDesk(runs = 7, count = 600): DeskBench {
	const frames = deskSamples(count, 31).map((s) => ({ person: s.person, aspect: s.width / s.height }));
	const emb = frames.map((f) => upperBodyEmbedding(prepareBody(f.person, f.aspect))).filter((e): e is Float64Array => e !== null);
	const tfFew = emb.slice(0, 100);
	// one generated sitter: their 20-frame calibration, then their own frames
	const session = deskSessions(1, 31, { frames: count, learntShare: 0 })[0];
	const cal = calibrate(session.calibration.map((f, i) => ({ t: i * 100, people: [f.person], width: f.width, height: f.height })));
	const own = session.frames.map((s) => ({ person: s.person, aspect: s.width / s.height }));
	return {
		frames: frames.length,
		classifyUsPerFrame: time(runs, frames.length, () => frames.reduce((s, f) => s + classifyPosture(f.person, { aspect: f.aspect }).confidence, 0)),
		calibratedUsPerFrame: time(runs, own.length, () =>
			own.reduce((s, f) => s + applyCalibration(cal, f.person, classifyPosture(f.person, { aspect: f.aspect }), { aspect: f.aspect }).confidence, 0)
		),
		networkUsPerFrame: time(runs, emb.length, () => emb.reduce((s, e) => s + slouchProbability(SLOUCH_MODEL, e), 0)),
		networkTfUsPerFrame: time(3, tfFew.length, () => tfFew.reduce((s, e) => s + predictSlouchBatch(SLOUCH_MODEL, [e])[0], 0)),
		networkTfBatchUsPerFrame: time(runs, emb.length, () => {
			let s = 0;
			for (let i = 0; i < emb.length; i += 256) s += predictSlouchBatch(SLOUCH_MODEL, emb.slice(i, i + 256))[0];
			return s;
		})
	};
}
