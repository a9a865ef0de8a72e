/**
 * The `Range: bytes=…` request header (RFC 9110 §14), as any media server answers it. Browsers seek in a video by
 * asking for byte ranges; a server that ignores them leaves the video unseekable, and every seek then shows the
 * first frame again.
 *
 * One range is served (206). Several ranges in one request are answered with the whole file (200): allowed by the
 * RFC, and browsers never ask for more than one when seeking media.
 */
export type RangeAnswer =
	/** Serve the whole file (no Range header, or one we choose to ignore). */
	| { kind: 'whole' }
	/** Serve bytes start..end inclusive. */
	| { kind: 'part'; start: number; end: number }
	/** 416: nothing of the file lies in the range asked for. */
	| { kind: 'unsatisfiable' };

export function parseByteRange(header: string | undefined, size: number): RangeAnswer {
	if (!header) return { kind: 'whole' };
	const m = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
	if (!m) return { kind: 'whole' }; // another unit: ignore, as the RFC allows
	const specs = m[1].split(',').map((s) => s.trim());
	if (specs.length !== 1) return { kind: 'whole' };
	const spec = /^(\d*)\s*-\s*(\d*)$/.exec(specs[0]);
	if (!spec || (spec[1] === '' && spec[2] === '')) return { kind: 'whole' }; // malformed: ignore
	if (spec[1] === '') {
		// bytes=-N: the last N bytes.
		const suffix = Number(spec[2]);
		if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
		return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(spec[1]);
	const end = spec[2] === '' ? size - 1 : Math.min(Number(spec[2]), size - 1);
	if (spec[2] !== '' && Number(spec[2]) < start) return { kind: 'whole' }; // last < first: invalid, ignore
	if (start >= size) return { kind: 'unsatisfiable' };
	return { kind: 'part', start, end };
}
