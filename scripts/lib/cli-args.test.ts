import { describe, expect, it } from 'vitest';
import { inputKind, parseAnalyzeArgs, UsageError } from './cli-args';

describe('parseAnalyzeArgs', () => {
	it('reads options and inputs in any order', () => {
		expect(parseAnalyzeArgs(['a.jpg', '--stills', '--model', 'full', '--calibrate', 'me.jsonl', 'b.jsonl', '--fps', '15'])).toEqual({
			inputs: ['a.jpg', 'b.jsonl'],
			model: 'full',
			stills: true,
			calibrate: 'me.jsonl',
			fps: 15,
			exercise: null,
			help: false
		});
		expect(parseAnalyzeArgs(['--exercise', 'back_extension', 'a.csv']).exercise).toBe('back_extension');
	});

	it('refuses what it cannot do, saying why', () => {
		expect(() => parseAnalyzeArgs([])).toThrow(UsageError);
		expect(() => parseAnalyzeArgs(['--model', 'huge', 'a.jpg'])).toThrow(/lite, full or heavy/);
		expect(() => parseAnalyzeArgs(['--fps', '-3', 'a.jpg'])).toThrow(/--fps/);
		expect(() => parseAnalyzeArgs(['--calibrate'])).toThrow(/needs a value/);
		expect(() => parseAnalyzeArgs(['--frobnicate', 'a.jpg'])).toThrow(/unknown option/);
		expect(() => parseAnalyzeArgs(['--exercise', 'plank', 'a.csv'])).toThrow(/cobra, back_extension, hang, sphinx/);
		expect(() => parseAnalyzeArgs(['--exercise', 'cobra', '--stills', 'a.csv'])).toThrow(/--stills/);
	});

	it('tells images, videos and landmark files apart by name', () => {
		expect(inputKind('x/Person.JPG')).toBe('image');
		expect(inputKind('clip.webm')).toBe('video');
		expect(inputKind('seq.csv.gz')).toBe('landmarks');
		expect(inputKind('frames.jsonl')).toBe('landmarks');
		expect(inputKind('notes.txt')).toBeNull();
	});
});
