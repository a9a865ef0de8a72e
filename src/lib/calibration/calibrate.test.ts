import { describe, expect, it } from 'vitest';
import type { PersonPose, PoseFrame } from '../pose/types';
import type { PostureVerdict } from '../posture/types';
import { LM } from '../pose/landmarks';
import { classifyPosture } from '../posture/classify';
import { fixturePerson } from '../tracking/fixture';
import {
	applyCalibration,
	calibrate,
	calibratedScore,
	createSetupMonitor,
	findCalibration,
	parseCalibration,
	serializeCalibration,
	setupKeyOf
} from './calibrate';

const A = 4 / 3;

function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32 - 0.5;
	};
}

interface DeskOpts {
	slouch?: number; // 0 upright .. 1 full slouch
	lean?: number; // lateral lean, shoulder widths
	lift?: number; // sitting extra tall (head higher)
	cx?: number;
	scale?: number;
	hips?: boolean;
	jitter?: number;
}

/** A person at a desk webcam: head and shoulders; slouching lowers the head and shoulders and brings the head forward. */
function desk(r: () => number, o: DeskOpts = {}): PersonPose {
	const s = o.slouch ?? 0;
	// with the hips in view the camera sees more of the body: a smaller person, higher in the frame, hips inside it
	const scale = (o.scale ?? (o.hips ? 0.25 : 0.42)) * (1 + 0.06 * s);
	const p = fixturePerson({
		cx: o.cx ?? 0.5 * A,
		cy: (o.hips ? 0.45 : 0.95) + 0.06 * s,
		scale,
		aspect: A,
		upperBodyOnly: !o.hips,
		headDrop: 0.22 * s - (o.lift ?? 0)
	});
	const j = o.jitter ?? 0.003;
	const lean = (o.lean ?? 0) * scale * 0.76;
	return {
		landmarks: p.landmarks.map((l, i) => {
			if (!l) return null;
			const head = i <= LM.mouthRight;
			// head forward: face landmarks spread out from the face centre (nearer the camera)
			const fx = head ? (l.x - (o.cx ?? 0.5 * A) / A) * (1 + 0.25 * s) + (o.cx ?? 0.5 * A) / A : l.x;
			const shiftX = (head ? lean : i === LM.leftShoulder || i === LM.rightShoulder ? lean * 0.3 : 0) / A;
			const tilt = i === LM.leftShoulder ? lean * 0.3 : i === LM.rightShoulder ? -lean * 0.3 : 0;
			return { ...l, x: fx + shiftX + r() * j, y: l.y + tilt + r() * j, z: head ? -0.6 - 0.2 * s : -0.3 };
		})
	};
}

const frames = (people: PersonPose[], t0 = 0, w = 640, h = 480): PoseFrame[] =>
	people.map((p, i) => ({ t: t0 + i * 100, people: [p], width: w, height: h }));

const verdict = (label: PostureVerdict['label'], confidence = 0.8): PostureVerdict => ({
	label,
	confidence,
	scores: { [label]: confidence }
});

describe('calibrate', () => {
	const r = rng(1);
	const cal = calibrate(frames(Array.from({ length: 20 }, () => desk(r))), { setupKey: 'cam1@640x480' });

	it('records setup, framing and an upper-body flag', () => {
		expect(cal.setupKey).toBe('cam1@640x480');
		expect(cal.aspect).toBeCloseTo(A);
		expect(cal.upperBodyOnly).toBe(true);
		expect(cal.frames).toBeGreaterThanOrEqual(18);
		expect(cal.logistic).toBeNull();
		expect(cal.framing.shoulderWidth).toBeGreaterThan(0.2);
		expect(cal.active.slice(0, 8).every(Boolean)).toBe(true);
		// landmark z is hip-relative: not trusted with the hips off-screen
		expect(cal.active[8]).toBe(false);
		const full = calibrate(frames(Array.from({ length: 20 }, () => desk(r, { hips: true }))));
		expect(full.upperBodyOnly).toBe(false);
		expect(full.active[8]).toBe(true);
	});

	it('upright stays upright, a slouch scores high, sitting taller is not a slouch', () => {
		const r2 = rng(2);
		for (let i = 0; i < 20; i++) expect(calibratedScore(cal, desk(r2), A)!.slouch).toBeLessThan(0.3);
		for (let i = 0; i < 20; i++) expect(calibratedScore(cal, desk(r2, { slouch: 1 }), A)!.slouch).toBeGreaterThan(0.8);
		expect(calibratedScore(cal, desk(r2, { lift: 0.1 }), A)!.slouch).toBeLessThan(0.3);
		expect(calibratedScore(cal, desk(r2, { lean: 0.4 }), A)!.slouch).toBeGreaterThan(0.5);
	});

	it('moving sideways in the frame does not count', () => {
		const r3 = rng(3);
		expect(calibratedScore(cal, desk(r3, { cx: 0.6 * A }), A)!.slouch).toBeLessThan(0.3);
	});

	it('adds a logistic model when slouch frames are given', () => {
		const r4 = rng(4);
		const c = calibrate(frames(Array.from({ length: 20 }, () => desk(r4))), {
			slouchFrames: frames(Array.from({ length: 20 }, () => desk(r4, { slouch: 0.8 })), 5000)
		});
		expect(c.logistic).not.toBeNull();
		expect(c.slouchFrames).toBe(20);
		const s = calibratedScore(c, desk(r4, { slouch: 0.8 }), A)!;
		expect(s.logistic!).toBeGreaterThan(0.8);
		expect(calibratedScore(c, desk(r4), A)!.logistic!).toBeLessThan(0.2);
	});

	it('follows one person when several are in the calibration frames', () => {
		const r5 = rng(5);
		const fs = Array.from({ length: 20 }, (_, i) => ({
			t: i * 100,
			people: [fixturePerson({ cx: 0.2, cy: 0.4, scale: 0.1, aspect: A }), desk(r5)],
			width: 640,
			height: 480
		}));
		const c = calibrate(fs);
		expect(c.framing.shoulderWidth).toBeCloseTo(cal.framing.shoulderWidth, 2);
		expect(c.setupKey).toBe('default@640x480');
	});

	it('throws when the head and shoulders are not seen', () => {
		const empty: PoseFrame[] = [{ t: 0, people: [] }];
		expect(() => calibrate(empty)).toThrow(/frames/);
	});
});

describe('applyCalibration', () => {
	const r = rng(10);
	const cal = calibrate(frames(Array.from({ length: 20 }, () => desk(r))));

	it('turns an uncalibrated upright into slouched for this person, and keeps their upright', () => {
		// a calibration learnt by watching trusts its distance whatever the still verdict says
		const learnt = calibrate(frames(Array.from({ length: 20 }, () => desk(r))), { learnt: true });
		const v = applyCalibration(learnt, desk(r, { slouch: 1 }), verdict('upright', 0.7), { aspect: A });
		expect(v.label).toBe('slouched');
		expect(v.scores.slouched!).toBeGreaterThan(0.6);
		const u = applyCalibration(learnt, desk(r), verdict('slouched', 0.6), { aspect: A });
		expect(u.label).toBe('upright');
	});

	it('a few seconds recorded on request shift the desk network by the person, their slump still seen', () => {
		const real = (p: PersonPose) => classifyPosture(p, { aspect: A });
		const slumped = desk(r, { slouch: 1 });
		expect(applyCalibration(cal, slumped, real(slumped), { aspect: A }).label).toBe('slouched');
		const upright = desk(r);
		expect(applyCalibration(cal, upright, real(upright), { aspect: A }).label).toBe('upright');
		// the person's own upright reads slumped to the network: calibrated, it is upright again
		const own = calibrate(frames(Array.from({ length: 20 }, () => desk(r, { slouch: 1 }))));
		const sitting = desk(r, { slouch: 1 });
		expect(real(sitting).label).toBe('slouched');
		expect(applyCalibration(own, sitting, real(sitting), { aspect: A }).label).toBe('upright');
		const worse = desk(r, { slouch: 1.8 });
		expect(applyCalibration(own, worse, real(worse), { aspect: A }).label).toBe('slouched');
	});

	it('passes specific postures, other framings and other resolutions through', () => {
		const hok = verdict('hands_on_knees');
		expect(applyCalibration(cal, desk(r, { slouch: 1 }), hok, { aspect: A })).toBe(hok);
		const far = desk(r, { scale: 0.15 });
		const v = verdict('upright');
		expect(applyCalibration(cal, far, v, { aspect: A })).toBe(v);
		expect(applyCalibration(cal, desk(r), v, { aspect: 16 / 9 })).toBe(v);
		// calibrated at a desk, now the hips are in view (standing up, stepped back)
		expect(applyCalibration(cal, desk(r, { hips: true }), v, { aspect: A })).toBe(v);
	});

	it('decides for unknown verdicts on a head-and-shoulders view', () => {
		const v = applyCalibration(cal, desk(r, { slouch: 1 }), verdict('unknown', 0.9), { aspect: A });
		expect(v.label).toBe('slouched');
	});

	it('leaves other to the classifier when the whole body is in view', () => {
		const rs = rng(11);
		const standingCal = calibrate(frames(Array.from({ length: 20 }, () => desk(rs, { hips: true }))));
		const v = verdict('other', 0.7);
		expect(applyCalibration(standingCal, desk(rs, { hips: true, slouch: 1 }), v, { aspect: A })).toBe(v);
		const u = verdict('upright', 0.7);
		expect(applyCalibration(standingCal, desk(rs, { hips: true, slouch: 1 }), u, { aspect: A }).label).toBe('slouched');
	});

	it('passes through when the embedding cannot be measured', () => {
		const p = desk(r);
		const lms = p.landmarks.slice();
		lms[LM.nose] = null;
		const v = verdict('upright');
		expect(applyCalibration(cal, { landmarks: lms }, v, { aspect: A })).toBe(v);
	});
});

describe('storage and setup', () => {
	const r = rng(20);
	const cal = calibrate(frames(Array.from({ length: 20 }, () => desk(r))), { setupKey: setupKeyOf({ deviceId: 'abc', width: 640, height: 480 }) });

	it('setupKeyOf', () => {
		expect(setupKeyOf({ deviceId: 'abc', width: 640, height: 480 })).toBe('abc@640x480');
		expect(setupKeyOf({})).toBe('default@unknown');
	});

	it('round-trips through JSON and rejects malformed input', () => {
		const back = parseCalibration(serializeCalibration(cal));
		expect(back).toEqual(cal);
		const p = desk(r, { slouch: 1 });
		expect(calibratedScore(back, p, A)!.slouch).toBeCloseTo(calibratedScore(cal, p, A)!.slouch, 12);
		expect(() => parseCalibration('{"version":1}')).toThrow();
		expect(() => parseCalibration({ ...cal, mean: [1, 2] })).toThrow();
		expect(() => parseCalibration({ ...cal, version: 2 })).toThrow();
	});

	it('findCalibration picks the framing that fits among a setup key', () => {
		const r2 = rng(21);
		const other = calibrate(frames(Array.from({ length: 20 }, () => desk(r2, { scale: 0.25 }))), { setupKey: cal.setupKey });
		const cals = [cal, other];
		expect(findCalibration(cals, cal.setupKey, desk(r2, { scale: 0.26 }), A)).toBe(other);
		expect(findCalibration(cals, cal.setupKey, desk(r2), A)).toBe(cal);
		expect(findCalibration(cals, 'nope@1x1')).toBeNull();
	});

	it('setup monitor: same framing is fine, a lasting framing change warns, a lean does not', () => {
		const m = createSetupMonitor(cal, { sustainMs: 20000 });
		for (let t = 0; t < 60000; t += 500) expect(m.update(t, desk(r), A).changed).toBe(false);
		// leaning/slouching for a while is not a setup change
		for (let t = 60000; t < 90000; t += 500) expect(m.update(t, desk(r, { slouch: 1 }), A).changed).toBe(false);
		let warnedAt: number | null = null;
		for (let t = 90000; t < 150000; t += 500) {
			const s = m.update(t, desk(r, { scale: 0.22, cx: 0.3 * A }), A);
			if (s.changed && warnedAt === null) warnedAt = t;
		}
		expect(warnedAt).not.toBeNull();
		expect(warnedAt! - 90000).toBeGreaterThanOrEqual(20000);
		expect(warnedAt! - 90000).toBeLessThan(35000);
		expect(m.update(150000, null, A).reason).toBe('framing');
		expect(m.update(150500, desk(r), 16 / 9)).toMatchObject({ changed: true, reason: 'resolution' });
		const k = createSetupMonitor(cal, { setupKey: 'xyz@1280x720' });
		expect(k.update(0, desk(r), A)).toMatchObject({ changed: true, reason: 'setup-key' });
	});
});

describe('calibrate from whatever is seen', () => {
	const only = (p: PersonPose, keep: number[]): PersonPose => ({
		landmarks: p.landmarks.map((l, i) => (l && keep.includes(i) ? { x: l.x, y: l.y } : null))
	});
	it('accepts nose, ears and shoulders alone (no eyes, z or visibility), and frames with one ear', () => {
		const r2 = rng(11);
		const noseEarsShoulders = [LM.nose, LM.leftEar, LM.rightEar, LM.leftShoulder, LM.rightShoulder];
		const cal = calibrate(frames(Array.from({ length: 20 }, () => only(desk(r2), noseEarsShoulders))));
		expect(cal.frames).toBeGreaterThanOrEqual(15);
		const oneEar = calibrate(frames(Array.from({ length: 20 }, () => only(desk(r2), [LM.nose, LM.leftEar, LM.leftShoulder, LM.rightShoulder]))));
		expect(oneEar.frames).toBeGreaterThanOrEqual(15);
		// and the calibration still tells this person's slump from their upright
		const slumped = only(desk(r2, { slouch: 1 }), [LM.nose, LM.leftEar, LM.leftShoulder, LM.rightShoulder]);
		const upright = only(desk(r2), [LM.nose, LM.leftEar, LM.leftShoulder, LM.rightShoulder]);
		expect(calibratedScore(oneEar, slumped, A)!.slouch).toBeGreaterThan(0.5);
		expect(calibratedScore(oneEar, upright, A)!.slouch).toBeLessThan(0.5);
	});
});
