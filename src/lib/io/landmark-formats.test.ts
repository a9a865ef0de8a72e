import { describe, expect, it } from 'vitest';
import {
	CsvLandmarkParser,
	LandmarkParseError,
	detectFormat,
	parseJsonlLine,
	parseLandmarkLines,
	parseLandmarkText,
	splitCsvLine,
	toJsonlLine,
	toPoseFrame
} from './landmark-formats';

const lm = (i: number) => ({ x: i / 100, y: 1 - i / 100, z: i === 0 ? 0 : -i / 1000, visibility: 0.9 });
const lms = Array.from({ length: 33 }, (_, i) => lm(i));

function errorOf(f: () => unknown): LandmarkParseError {
	try {
		f();
	} catch (e) {
		if (e instanceof LandmarkParseError) return e;
		throw e;
	}
	throw new Error('no error');
}

describe('canonical JSONL', () => {
	it('parses a frame with nulls, optional z/visibility, world landmarks and frame size', () => {
		const line = JSON.stringify({
			t: 33.3,
			landmarks: lms.map((l, i) => (i === 5 ? null : i === 6 ? { x: l.x, y: l.y } : l)),
			worldLandmarks: lms.map((l) => ({ x: l.x, y: l.y, z: l.z })),
			width: 1280,
			height: 720,
			source: 'cam'
		});
		const r = parseJsonlLine(line, 7)!;
		expect(r.t).toBe(33.3);
		expect(r.landmarks[5]).toBeNull();
		expect(r.landmarks[6]).toEqual({ x: 0.06, y: 0.94 });
		expect(r.worldLandmarks![3]).toEqual({ x: 0.03, y: 0.97, z: -0.003 });
		expect([r.width, r.height, r.line]).toEqual([1280, 720, 7]);
		expect(r.extra).toEqual({ source: 'cam' });
		const frame = toPoseFrame(r);
		expect(frame.people).toHaveLength(1);
		expect(frame.width).toBe(1280);
	});

	it('round-trips through toJsonlLine and skips blank lines', () => {
		const line = toJsonlLine({ t: 5, landmarks: lms, width: 640, height: 480 });
		expect(parseJsonlLine(line, 1)!.landmarks).toEqual(lms);
		expect(parseJsonlLine('   ', 2)).toBeNull();
	});

	it('accepts a PoseFrame line (first person) and an empty people list', () => {
		const r = parseJsonlLine(JSON.stringify({ t: 1, people: [{ landmarks: lms }] }), 1)!;
		expect(r.landmarks[0]).toEqual(lm(0));
		const empty = parseJsonlLine(JSON.stringify({ t: 2, people: [] }), 2)!;
		expect(toPoseFrame(empty).people).toEqual([]);
	});

	it('names the line and the problem: malformed JSON, NaN, wrong count, bad values', () => {
		expect(errorOf(() => parseJsonlLine('{"t": 1, "landmarks": [', 3)).message).toMatch(/^line 3: malformed JSON/);
		expect(errorOf(() => parseJsonlLine('{"t": 1, "landmarks": [{"x": NaN, "y": 0}]}', 4)).message).toMatch(
			/line 4: malformed JSON \(NaN and Infinity are not JSON\)/
		);
		expect(errorOf(() => parseJsonlLine(JSON.stringify({ t: 1, landmarks: lms.slice(0, 32) }), 5)).message).toBe(
			'line 5: "landmarks" has 32 landmarks, expected 33'
		);
		const bad = lms.map((l, i) => (i === 2 ? { ...l, x: 'NaN' } : l));
		expect(errorOf(() => parseJsonlLine(JSON.stringify({ t: 1, landmarks: bad }), 6)).message).toBe(
			'line 6: landmarks[2].x is the string "NaN", expected a finite number'
		);
		expect(errorOf(() => parseJsonlLine(JSON.stringify({ landmarks: lms }), 8)).message).toMatch(/line 8: "t" is missing/);
		expect(errorOf(() => parseJsonlLine('[1,2]', 9)).message).toBe('line 9: expected a JSON object per line');
		expect(errorOf(() => parseJsonlLine(JSON.stringify({ t: 1, landmarks: lms, width: -4 }), 10)).message).toMatch(/"width"/);
	});

	it('streams: every good line before the first bad one comes out', () => {
		const lines = [toJsonlLine({ t: 0, landmarks: lms }), toJsonlLine({ t: 1, landmarks: lms }), '{oops', toJsonlLine({ t: 3, landmarks: lms })];
		const got: number[] = [];
		const e = errorOf(() => {
			for (const r of parseLandmarkLines(lines)) got.push(r.t);
		});
		expect(got).toEqual([0, 1]);
		expect(e.line).toBe(3);
	});
});

describe('CSV', () => {
	const row4 = lms.flatMap((l) => [l.x, l.y, l.z, l.visibility]);

	it('reads headerless 132 / 99 / 66 number rows', () => {
		expect(parseLandmarkText(row4.join(','), 'csv')[0].landmarks[4]).toEqual(lm(4));
		const r3 = parseLandmarkText(lms.flatMap((l) => [l.x, l.y, l.z]).join(','), 'csv')[0];
		expect(r3.landmarks[4]).toEqual({ x: 0.04, y: 0.96, z: -0.004 });
		const r2 = parseLandmarkText(lms.flatMap((l) => [l.x, l.y]).join(','), 'csv')[0];
		expect(r2.landmarks[4]).toEqual({ x: 0.04, y: 0.96 });
	});

	it('reads numbered columns 0..131 with extra columns (PosePilot)', () => {
		const header = [...Array.from({ length: 132 }, (_, i) => String(i)), 'img_path', 'label'].join(',');
		const recs = parseLandmarkText(`${header}\n${row4.join(',')},"a/b,c.jpg",cobra`, 'csv');
		expect(recs[0].landmarks[32]).toEqual(lm(32));
		expect(recs[0].extra).toEqual({ img_path: 'a/b,c.jpg', label: 'cobra' });
		expect(recs[0].line).toBe(2);
	});

	it('reads x1..v33 (1-based) and x0..v32 (0-based) headers', () => {
		const h1 = Array.from({ length: 33 }, (_, i) => ['x', 'y', 'z', 'v'].map((c) => `${c}${i + 1}`)).flat().join(',');
		expect(parseLandmarkText(`${h1}\n${row4.join(',')}`, 'csv')[0].landmarks[0]).toEqual(lm(0));
		const h0 = Array.from({ length: 33 }, (_, i) => ['x', 'y', 'z', 'v'].map((c) => `${c}${i}`)).flat().join(',');
		expect(parseLandmarkText(`${h0}\n${row4.join(',')}`, 'csv')[0].landmarks[32]).toEqual(lm(32));
	});

	it('reads named columns in either order, tolerating leading and trailing columns', () => {
		const names = ['nose', 'left_eye_inner', 'left_eye'];
		const a = `,${names.map((n) => `${n.toUpperCase()}_x,${n.toUpperCase()}_y,${n.toUpperCase()}_z,${n.toUpperCase()}_vis`).join(',')}\n0,${[0, 1, 2].flatMap((i) => [lm(i).x, lm(i).y, lm(i).z, lm(i).visibility]).join(',')}`;
		const ra = parseLandmarkText(a, 'csv')[0];
		expect(ra.landmarks[1]).toEqual(lm(1));
		expect(ra.landmarks[20]).toBeNull();
		const b = `pose_id,pose,${names.map((n) => `x_${n},y_${n},z_${n}`).join(',')},x_left_pinky_1,y_left_pinky_1,z_left_pinky_1\n0,squats_up,${[0, 1, 2, 17].flatMap((i) => [lm(i).x, lm(i).y, lm(i).z]).join(',')}`;
		const rb = parseLandmarkText(b, 'csv')[0];
		expect(rb.landmarks[2]).toEqual({ x: 0.02, y: 0.98, z: -0.002 });
		expect(rb.landmarks[17]).toEqual({ x: 0.17, y: 0.83, z: -0.017 });
		expect(rb.extra).toEqual({ pose_id: '0', pose: 'squats_up' });
		const c = `image_id,nose_x,nose_y,left_shoulder_x,left_shoulder_y,class\n001,0.5,0.1,0.6,0.3,proper`;
		const rc = parseLandmarkText(c, 'csv')[0];
		expect(rc.landmarks[11]).toEqual({ x: 0.6, y: 0.3 });
		expect(rc.extra!.class).toBe('proper');
	});

	it('takes time and frame size from columns when named, else row number x frameMs', () => {
		const header = ['t', 'width', 'height', ...Array.from({ length: 33 }, (_, i) => [`x${i + 1}`, `y${i + 1}`]).flat()].join(',');
		const rows = [`${header}`, `100,640,480,${lms.flatMap((l) => [l.x, l.y]).join(',')}`];
		const r = parseLandmarkText(rows.join('\n'), 'csv')[0];
		expect([r.t, r.width, r.height]).toEqual([100, 640, 480]);
		const p = new CsvLandmarkParser({ frameMs: 50 });
		expect(p.line(row4.join(','), 1)!.t).toBe(0);
		expect(p.line(row4.join(','), 2)!.t).toBe(50);
	});

	it('takes time from a PosePilot img_path "<frame>_<unix seconds>.jpg" when there is no time column', () => {
		const header = [...Array.from({ length: 132 }, (_, i) => String(i)), 'img_path', 'label'].join(',');
		const rows = [
			header,
			`${row4.join(',')},data/Malhar_tree/cam_3/2080_1701609951.589077.jpg,tree`,
			`${row4.join(',')},data/Malhar_tree/cam_3/2081_1701609951.631208.jpg,tree`,
			`${row4.join(',')},data/Malhar_tree/cam_3/2090_1701609952.089077.jpg,tree`,
			`${row4.join(',')},data/Malhar_tree/cam_3/no-stamp.jpg,tree`
		];
		const ts = parseLandmarkText(rows.join('\n'), 'csv', { frameMs: 50 }).map((r) => r.t);
		expect(ts[0]).toBe(0);
		expect(ts[1]).toBeCloseTo(42.131, 2);
		expect(ts[2]).toBeCloseTo(500, 2);
		expect(ts[3]).toBeCloseTo(550, 2);
		// A named time column wins; a path without a stamp falls back to row x frameMs.
		const withT = `t,img_path,${Array.from({ length: 33 }, (_, i) => [`x${i + 1}`, `y${i + 1}`]).flat().join(',')}\n7,a/1_1701609951.5.jpg,${lms.flatMap((l) => [l.x, l.y]).join(',')}`;
		expect(parseLandmarkText(withT, 'csv')[0].t).toBe(7);
		const plain = parseLandmarkText(`${header}\n${row4.join(',')},a/b.jpg,x\n${row4.join(',')},a/c.jpg,x`, 'csv', { frameMs: 50 });
		expect(plain.map((r) => r.t)).toEqual([0, 50]);
	});

	it('makes a landmark with an empty x or y null', () => {
		const cells = row4.map(String);
		cells[0] = '';
		expect(parseLandmarkText(cells.join(','), 'csv')[0].landmarks[0]).toBeNull();
	});

	it('names the line and the problem: NaN, non-numbers, wrong column counts', () => {
		const nan = row4.map(String);
		nan[5] = 'NaN';
		expect(errorOf(() => parseLandmarkText(`${row4.join(',')}\n${nan.join(',')}`, 'csv')).message).toBe(
			'line 2: column 6 (left_eye_inner y) is NaN, expected a finite number'
		);
		const word = row4.map(String);
		word[0] = 'abc';
		expect(errorOf(() => parseLandmarkText(`${row4.join(',')}\n${word.join(',')}`, 'csv')).message).toMatch(/line 2: column 1 \(nose x\) is "abc"/);
		expect(errorOf(() => parseLandmarkText(row4.slice(0, 100).join(','), 'csv')).message).toMatch(
			/^line 1: no header and 100 columns: expected 132/
		);
		expect(errorOf(() => parseLandmarkText(`${row4.join(',')}\n${row4.slice(0, 131).join(',')}`, 'csv')).message).toMatch(
			/^line 2: 131 columns, expected 132/
		);
	});

	it('splits quoted cells', () => {
		expect(splitCsvLine('a,"b,c","d ""e""",')).toEqual(['a', 'b,c', 'd "e"', '']);
	});
});

describe('detectFormat', () => {
	it('goes by the file name, else by the first line', () => {
		expect(detectFormat('', 'x.jsonl')).toBe('jsonl');
		expect(detectFormat('', 'x.csv.gz')).toBe('csv');
		expect(detectFormat('{"t":0')).toBe('jsonl');
		expect(detectFormat('0.1,0.2')).toBe('csv');
	});
});
