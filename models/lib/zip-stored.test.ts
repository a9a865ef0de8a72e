import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, readZip, writeStoredZip } from './zip-stored.mjs';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
	it('matches the standard check value and zlib', () => {
		expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
		const data = new Uint8Array(100_000).map((_, i) => (i * 7919) & 0xff);
		expect(crc32(data)).toBe(zlibCrc32(data));
		expect(crc32(new Uint8Array(0))).toBe(0);
	});
});

describe('writeStoredZip', () => {
	const entries = [
		{ name: 'a.bin', data: new Uint8Array(1000).map((_, i) => i & 0xff) },
		{ name: 'some/longer_name.tflite', data: bytes('hello') },
		{ name: 'empty', data: new Uint8Array(0) }
	];

	it('writes STORED entries in order, with correct sizes and CRCs', () => {
		const zip = writeStoredZip(entries);
		const read = readZip(zip);
		expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
		for (const [i, e] of read.entries()) {
			expect(e.method).toBe(0);
			expect(e.size).toBe(entries[i].data.length);
			expect(e.compressedSize).toBe(entries[i].data.length);
			expect(e.crc32).toBe(zlibCrc32(entries[i].data));
			expect(Array.from(e.data)).toEqual(Array.from(entries[i].data));
		}
	});

	it('aligns entry data and uses a fixed timestamp', () => {
		for (const align of [1, 16, 64]) {
			const read = readZip(writeStoredZip(entries, { align }));
			for (const e of read) {
				expect(e.dataOffset % align).toBe(0);
				expect(e.dosDate).toBe(0x21); // 1980-01-01
				expect(e.dosTime).toBe(0);
			}
		}
	});

	it('is deterministic', () => {
		expect(Buffer.from(writeStoredZip(entries)).equals(Buffer.from(writeStoredZip(entries)))).toBe(true);
	});

	it('rejects duplicate names', () => {
		expect(() => writeStoredZip([entries[0], entries[0]])).toThrow(/duplicate/);
	});
});
