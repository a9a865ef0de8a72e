import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range';

describe('parseByteRange', () => {
	it('serves the whole file without a Range header', () => {
		expect(parseByteRange(undefined, 100)).toEqual({ kind: 'whole' });
	});

	it('reads first-last, open-ended and suffix ranges, clamped to the file', () => {
		expect(parseByteRange('bytes=0-9', 100)).toEqual({ kind: 'part', start: 0, end: 9 });
		expect(parseByteRange('bytes=90-', 100)).toEqual({ kind: 'part', start: 90, end: 99 });
		expect(parseByteRange('bytes=50-500', 100)).toEqual({ kind: 'part', start: 50, end: 99 });
		expect(parseByteRange('bytes=-10', 100)).toEqual({ kind: 'part', start: 90, end: 99 });
		expect(parseByteRange('bytes=-1000', 100)).toEqual({ kind: 'part', start: 0, end: 99 });
		expect(parseByteRange('Bytes = 5 - 6', 100)).toEqual({ kind: 'part', start: 5, end: 6 });
	});

	it('says unsatisfiable when the range starts past the end', () => {
		expect(parseByteRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
		expect(parseByteRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
		expect(parseByteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
	});

	it('ignores what it does not serve: other units, several ranges, malformed or reversed ranges', () => {
		for (const h of ['items=0-1', 'bytes=0-1,5-6', 'bytes=abc', 'bytes=-', 'bytes=9-3']) expect(parseByteRange(h, 100)).toEqual({ kind: 'whole' });
	});
});
