/**
 * Landmark files for the CLI, read as a stream (a long recording is never held in memory): canonical JSONL or
 * dataset CSV, optionally gzipped. Yields every good frame, then at most one error naming the line.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import {
	CsvLandmarkParser,
	detectFormat,
	LandmarkParseError,
	parseJsonlLine,
	toPoseFrame,
	type LandmarkFormat
} from '../../src/lib/io/landmark-formats';
import type { PoseFrame } from '../../src/lib/pose/types';

export type LandmarkItem = { frame: PoseFrame } | { error: string };

export async function* readLandmarkFile(path: string): AsyncGenerator<LandmarkItem> {
	const raw = createReadStream(path);
	const source = path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
	const lines = createInterface({ input: source, crlfDelay: Infinity });
	let format: LandmarkFormat | null = null;
	let csv: CsvLandmarkParser | null = null;
	let lineNo = 0;
	let frames = 0;
	try {
		for await (const line of lines) {
			lineNo++;
			if (!format) {
				if (!line.trim()) continue;
				format = detectFormat(line, path);
			}
			const record = format === 'jsonl' ? parseJsonlLine(line, lineNo) : (csv ??= new CsvLandmarkParser()).line(line, lineNo);
			if (!record) continue;
			frames++;
			yield { frame: toPoseFrame(record) };
		}
	} catch (e) {
		if (e instanceof LandmarkParseError) yield { error: e.message };
		else yield { error: `line ${lineNo + 1}: cannot be read (${e instanceof Error ? e.message : e})` };
		return;
	} finally {
		lines.close();
		raw.destroy();
	}
	if (frames === 0) yield { error: lineNo === 0 ? 'the file is empty' : 'no landmark frames in the file' };
}
