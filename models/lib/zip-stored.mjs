// Deterministic writer (and small reader) for STORED zip archives, the
// container format of MediaPipe .task bundles. MediaPipe reads the entries in
// place and rejects compressed ones ("Expected uncompressed zip archive.").
//
// Determinism: fixed DOS timestamp (1980-01-01 00:00), no extra metadata, the
// caller's entry order. Each entry's data starts at a multiple of `align`
// (default 64) within the archive, padded through an extra field in the local
// header (ID 0xD935, the one Android's zipalign uses), so models read in
// place keep the alignment of a freshly allocated buffer.

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const ALIGN_EXTRA_ID = 0xd935;

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

/**
 * CRC-32 (IEEE 802.3), as used by zip.
 * @param {Uint8Array} data
 */
export function crc32(data) {
	let c = 0xffffffff;
	for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/**
 * @typedef {{ name: string, data: Uint8Array }} ZipInput
 */

/**
 * Builds a STORED zip archive.
 * @param {ZipInput[]} entries
 * @param {{ align?: number }} [options]
 * @returns {Uint8Array}
 */
export function writeStoredZip(entries, { align = 64 } = {}) {
	const enc = new TextEncoder();
	const names = new Set();
	/** @type {Uint8Array[]} */
	const chunks = [];
	/** @type {{ name: Uint8Array, crc: number, size: number, offset: number }[]} */
	const central = [];
	let pos = 0;

	for (const { name, data } of entries) {
		if (names.has(name)) throw new Error(`duplicate zip entry ${name}`);
		names.add(name);
		if (data.length >= 0xffffffff) throw new Error(`zip entry ${name} too large (no zip64 support)`);
		const nameBytes = enc.encode(name);
		const crc = crc32(data);
		let extraLength = 0;
		const dataStart = pos + 30 + nameBytes.length;
		if (align > 1 && dataStart % align !== 0) {
			extraLength = align - (dataStart % align);
			if (extraLength < 6) extraLength += align; // room for the extra field header
		}
		const header = new Uint8Array(30 + nameBytes.length + extraLength);
		const h = new DataView(header.buffer);
		h.setUint32(0, LOCAL_SIG, true);
		h.setUint16(4, 10, true); // version needed: 1.0 (stored)
		h.setUint16(6, 0, true); // flags: none (names are ASCII)
		h.setUint16(8, 0, true); // method: stored
		h.setUint16(10, DOS_TIME, true);
		h.setUint16(12, DOS_DATE, true);
		h.setUint32(14, crc, true);
		h.setUint32(18, data.length, true);
		h.setUint32(22, data.length, true);
		h.setUint16(26, nameBytes.length, true);
		h.setUint16(28, extraLength, true);
		header.set(nameBytes, 30);
		if (extraLength) {
			const e = 30 + nameBytes.length;
			h.setUint16(e, ALIGN_EXTRA_ID, true);
			h.setUint16(e + 2, extraLength - 4, true);
			h.setUint16(e + 4, align, true); // alignment; rest stays zero
		}
		central.push({ name: nameBytes, crc, size: data.length, offset: pos });
		chunks.push(header, data);
		pos += header.length + data.length;
	}

	const cdStart = pos;
	for (const c of central) {
		const rec = new Uint8Array(46 + c.name.length);
		const d = new DataView(rec.buffer);
		d.setUint32(0, CENTRAL_SIG, true);
		d.setUint16(4, 20, true); // made by: MS-DOS, spec 2.0
		d.setUint16(6, 10, true);
		d.setUint16(8, 0, true);
		d.setUint16(10, 0, true);
		d.setUint16(12, DOS_TIME, true);
		d.setUint16(14, DOS_DATE, true);
		d.setUint32(16, c.crc, true);
		d.setUint32(20, c.size, true);
		d.setUint32(24, c.size, true);
		d.setUint16(28, c.name.length, true);
		// extra, comment, disk, internal attrs, external attrs: 0
		d.setUint32(42, c.offset, true);
		rec.set(c.name, 46);
		chunks.push(rec);
		pos += rec.length;
	}
	const end = new Uint8Array(22);
	const e = new DataView(end.buffer);
	e.setUint32(0, END_SIG, true);
	e.setUint16(8, central.length, true);
	e.setUint16(10, central.length, true);
	e.setUint32(12, pos - cdStart, true);
	e.setUint32(16, cdStart, true);
	chunks.push(end);
	pos += end.length;

	const out = new Uint8Array(pos);
	let o = 0;
	for (const c of chunks) {
		out.set(c, o);
		o += c.length;
	}
	return out;
}

/**
 * @typedef {{ name: string, method: number, crc32: number, compressedSize: number, size: number,
 *   dataOffset: number, data: Uint8Array, dosTime: number, dosDate: number }} ZipEntry
 */

/**
 * Lists a zip archive's entries from its central directory (no zip64, no
 * archive comment search beyond 64 KiB). `data` is the raw stored bytes.
 * @param {Uint8Array} zip
 * @returns {ZipEntry[]}
 */
export function readZip(zip) {
	const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	let endPos = -1;
	for (let p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 0xffff); p--) {
		if (v.getUint32(p, true) === END_SIG) {
			endPos = p;
			break;
		}
	}
	if (endPos < 0) throw new Error('zip: end of central directory not found');
	const count = v.getUint16(endPos + 10, true);
	let p = v.getUint32(endPos + 16, true);
	const dec = new TextDecoder();
	/** @type {ZipEntry[]} */
	const entries = [];
	for (let i = 0; i < count; i++) {
		if (v.getUint32(p, true) !== CENTRAL_SIG) throw new Error('zip: bad central directory record');
		const method = v.getUint16(p + 10, true);
		const dosTime = v.getUint16(p + 12, true);
		const dosDate = v.getUint16(p + 14, true);
		const crc = v.getUint32(p + 16, true);
		const compressedSize = v.getUint32(p + 20, true);
		const size = v.getUint32(p + 24, true);
		const nameLen = v.getUint16(p + 28, true);
		const extraLen = v.getUint16(p + 30, true);
		const commentLen = v.getUint16(p + 32, true);
		const localPos = v.getUint32(p + 42, true);
		const name = dec.decode(zip.subarray(p + 46, p + 46 + nameLen));
		if (v.getUint32(localPos, true) !== LOCAL_SIG) throw new Error(`zip: bad local header for ${name}`);
		const localName = dec.decode(zip.subarray(localPos + 30, localPos + 30 + v.getUint16(localPos + 26, true)));
		if (localName !== name) throw new Error(`zip: local name ${localName} != ${name}`);
		const dataOffset = localPos + 30 + v.getUint16(localPos + 26, true) + v.getUint16(localPos + 28, true);
		entries.push({
			name,
			method,
			crc32: crc,
			compressedSize,
			size,
			dataOffset,
			data: zip.subarray(dataOffset, dataOffset + compressedSize),
			dosTime,
			dosDate
		});
		p += 46 + nameLen + extraLen + commentLen;
	}
	return entries;
}
