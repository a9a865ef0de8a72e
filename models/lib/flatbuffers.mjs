// Minimal FlatBuffers reader and back-to-front builder: just what the model
// build needs (tables, scalars, strings, vectors), no code generation.
//
// Builder coordinates: like the reference implementations, an object is named
// by its distance from the END of the bytes being built ("offset"). The builder
// can also point at objects that live in bytes appended AFTER the built part
// (an "external tail"): an object at position p of the tail has offset -p.
// Alignment is computed on the built part only, so the built part must be
// placed at a position that is a multiple of the largest alignment used
// (finish() pads its size to `minAlign`, so position 0 of a file is fine).

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder('utf-8', { fatal: true });

export class FlatReader {
	/** @param {Uint8Array} bytes */
	constructor(bytes) {
		this.bytes = bytes;
		this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}

	/** @param {number} pos @param {number} size @param {number} [align] */
	check(pos, size, align = 1) {
		if (!Number.isInteger(pos) || pos < 0 || pos + size > this.bytes.length) {
			throw new RangeError(`flatbuffer: ${size} bytes at ${pos} out of bounds (${this.bytes.length})`);
		}
		if (pos % align !== 0) throw new RangeError(`flatbuffer: position ${pos} not aligned to ${align}`);
		return pos;
	}

	/** @param {number} p */ u8(p) { return this.view.getUint8(this.check(p, 1)); }
	/** @param {number} p */ u16(p) { return this.view.getUint16(this.check(p, 2, 2), true); }
	/** @param {number} p */ i32(p) { return this.view.getInt32(this.check(p, 4, 4), true); }
	/** @param {number} p */ u32(p) { return this.view.getUint32(this.check(p, 4, 4), true); }
	/** @param {number} p */ f32(p) { return this.view.getFloat32(this.check(p, 4, 4), true); }

	/** Position of the root table. */
	root() {
		return this.deref(0);
	}

	/** The 4-character file identifier (bytes 4..8). */
	identifier() {
		this.check(4, 4);
		return String.fromCharCode(...this.bytes.subarray(4, 8));
	}

	/** Follows the uoffset stored at p. @param {number} p */
	deref(p) {
		return this.check(p + this.u32(p), 0);
	}

	/**
	 * Number of field slots in the vtable of the table at `table`.
	 * @param {number} table
	 */
	slotCount(table) {
		const vt = table - this.i32(table);
		const vtSize = this.u16(vt);
		if (vtSize < 4 || vtSize % 2) throw new RangeError(`flatbuffer: bad vtable size ${vtSize}`);
		this.check(vt, vtSize, 2);
		this.check(table, this.u16(vt + 2));
		return (vtSize - 4) / 2;
	}

	/**
	 * Position of a field's inline data, or 0 when the field is absent.
	 * @param {number} table @param {number} slot
	 */
	field(table, slot) {
		if (slot >= this.slotCount(table)) return 0;
		const vt = table - this.i32(table);
		const o = this.u16(vt + 4 + 2 * slot);
		return o ? table + o : 0;
	}

	/** Target of an offset field (table, vector or string), or 0. @param {number} table @param {number} slot */
	ref(table, slot) {
		const p = this.field(table, slot);
		return p ? this.deref(p) : 0;
	}

	/** @param {number} table @param {number} slot @param {number} [dflt] */
	fieldU8(table, slot, dflt = 0) {
		const p = this.field(table, slot);
		return p ? this.u8(p) : dflt;
	}

	/** @param {number} table @param {number} slot @param {number} [dflt] */
	fieldU32(table, slot, dflt = 0) {
		const p = this.field(table, slot);
		return p ? this.u32(p) : dflt;
	}

	/** @param {number} table @param {number} slot @param {number} [dflt] */
	fieldI32(table, slot, dflt = 0) {
		const p = this.field(table, slot);
		return p ? this.i32(p) : dflt;
	}

	/** @param {number} table @param {number} slot */
	fieldString(table, slot) {
		const p = this.ref(table, slot);
		return p ? this.string(p) : null;
	}

	/** @param {number} p position of a string */
	string(p) {
		const { start, length } = this.vector(p, 1);
		this.check(start + length, 1);
		if (this.bytes[start + length] !== 0) throw new RangeError('flatbuffer: string not NUL-terminated');
		return textDecoder.decode(this.bytes.subarray(start, start + length));
	}

	/**
	 * @param {number} p position of a vector
	 * @param {number} elemSize
	 * @param {number} [elemAlign]
	 */
	vector(p, elemSize, elemAlign = Math.min(elemSize, 8)) {
		const length = this.u32(p);
		const start = p + 4;
		this.check(start, length * elemSize, Math.max(elemAlign, 1));
		return { start, length };
	}

	/** Positions of the tables in a vector of tables. @param {number} p */
	tableVector(p) {
		const { start, length } = this.vector(p, 4);
		return Array.from({ length }, (_, i) => this.deref(start + 4 * i));
	}

	/** @param {number} p */
	i32Vector(p) {
		const { start, length } = this.vector(p, 4);
		return Array.from({ length }, (_, i) => this.i32(start + 4 * i));
	}

	/** @param {number} p */
	f32Vector(p) {
		const { start, length } = this.vector(p, 4);
		return Array.from({ length }, (_, i) => this.f32(start + 4 * i));
	}

	/** @param {number} p */
	stringVector(p) {
		return this.tableVector(p).map((s) => this.string(s));
	}

	/** Bytes of a [ubyte] vector (a view, no copy). @param {number} p @param {number} [align] */
	byteVector(p, align = 1) {
		const { start, length } = this.vector(p, 1);
		this.check(start, length, align);
		return this.bytes.subarray(start, start + length);
	}
}

export class Builder {
	/** @param {number} [initialSize] */
	constructor(initialSize = 1024) {
		this.buf = new Uint8Array(initialSize);
		this.space = initialSize;
		this.minAlign = 1;
		/** @type {number[] | null} */
		this.vtable = null;
		this.objectEnd = 0;
		this.vectorLength = 0;
	}

	/** Bytes written so far (the offset of the last written object). */
	offset() {
		return this.buf.length - this.space;
	}

	/** @param {number} needed */
	ensure(needed) {
		while (this.space < needed) {
			const old = this.buf;
			const size = old.length * 2;
			this.buf = new Uint8Array(size);
			this.buf.set(old, size - old.length);
			this.space += size - old.length;
		}
	}

	/** @param {number} n */
	pad(n) {
		this.ensure(n);
		for (let i = 0; i < n; i++) this.buf[--this.space] = 0;
	}

	/**
	 * Pads so that after writing `additional` bytes, a value of `size` bytes is aligned.
	 * @param {number} size @param {number} additional
	 */
	prep(size, additional) {
		if (size > this.minAlign) this.minAlign = size;
		const alignSize = (size - ((this.offset() + additional) % size)) % size;
		this.ensure(alignSize + size + additional);
		this.pad(alignSize);
	}

	/** @param {number} v */ putU8(v) { this.ensure(1); this.buf[--this.space] = v & 0xff; }
	/** @param {number} v */ putU16(v) { this.ensure(2); this.space -= 2; this.dv().setUint16(this.space, v, true); }
	/** @param {number} v */ putI32(v) { this.ensure(4); this.space -= 4; this.dv().setInt32(this.space, v, true); }
	/** @param {number} v */ putU32(v) { this.ensure(4); this.space -= 4; this.dv().setUint32(this.space, v, true); }
	/** @param {number} v */ putF32(v) { this.ensure(4); this.space -= 4; this.dv().setFloat32(this.space, v, true); }

	dv() {
		return new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
	}

	/** @param {number} v */ addU8(v) { this.prep(1, 0); this.putU8(v); }
	/** @param {number} v */ addU16(v) { this.prep(2, 0); this.putU16(v); }
	/** @param {number} v */ addU32(v) { this.prep(4, 0); this.putU32(v); }
	/** @param {number} v */ addI32(v) { this.prep(4, 0); this.putI32(v); }
	/** @param {number} v */ addF32(v) { this.prep(4, 0); this.putF32(v); }

	/**
	 * Writes a uoffset to the object named `target` (negative = external tail).
	 * @param {number} target
	 */
	addOffset(target) {
		this.prep(4, 0);
		const value = this.offset() - target + 4;
		if (value <= 0 || value > 0x7fffffff) throw new RangeError(`flatbuffer: offset ${value} does not point forward`);
		this.putU32(value);
	}

	/** @param {number} numFields */
	startTable(numFields) {
		if (this.vtable) throw new Error('flatbuffer: nested table');
		this.vtable = new Array(numFields).fill(0);
		this.objectEnd = this.offset();
	}

	/** @param {number} slot */
	slot(slot) {
		if (!this.vtable || slot >= this.vtable.length) throw new Error(`flatbuffer: bad slot ${slot}`);
		this.vtable[slot] = this.offset();
	}

	/** Scalars are always written (no default elision): explicit and deterministic. */
	/** @param {number} slot @param {number} v */ fieldU8(slot, v) { this.addU8(v); this.slot(slot); }
	/** @param {number} slot @param {number} v */ fieldU32(slot, v) { this.addU32(v); this.slot(slot); }
	/** @param {number} slot @param {number} target */ fieldOffset(slot, target) { this.addOffset(target); this.slot(slot); }

	endTable() {
		if (!this.vtable) throw new Error('flatbuffer: endTable without startTable');
		this.addI32(0); // soffset placeholder
		const objectOffset = this.offset();
		let n = this.vtable.length;
		while (n > 0 && this.vtable[n - 1] === 0) n--;
		for (let i = n - 1; i >= 0; i--) {
			const f = this.vtable[i];
			this.addU16(f ? objectOffset - f : 0);
		}
		this.addU16(objectOffset - this.objectEnd);
		this.addU16((n + 2) * 2);
		const vtableOffset = this.offset();
		this.dv().setInt32(this.buf.length - objectOffset, vtableOffset - objectOffset, true);
		this.vtable = null;
		return objectOffset;
	}

	/** @param {number} elemSize @param {number} length @param {number} [align] */
	startVector(elemSize, length, align = elemSize) {
		this.vectorLength = length;
		this.prep(4, elemSize * length);
		this.prep(align, elemSize * length);
	}

	endVector() {
		this.putU32(this.vectorLength);
		return this.offset();
	}

	/** @param {string} s */
	createString(s) {
		const utf8 = textEncoder.encode(s);
		this.prep(4, utf8.length + 1);
		this.putU8(0);
		this.ensure(utf8.length);
		this.space -= utf8.length;
		this.buf.set(utf8, this.space);
		this.vectorLength = utf8.length;
		return this.endVector();
	}

	/** @param {Uint8Array} bytes @param {number} [align] */
	createByteVector(bytes, align = 1) {
		this.startVector(1, bytes.length, align);
		this.ensure(bytes.length);
		this.space -= bytes.length;
		this.buf.set(bytes, this.space);
		return this.endVector();
	}

	/** @param {number[]} targets */
	createOffsetVector(targets) {
		this.startVector(4, targets.length, 4);
		for (let i = targets.length - 1; i >= 0; i--) this.addOffset(targets[i]);
		return this.endVector();
	}

	/** @param {number[]} values */
	createF32Vector(values) {
		this.startVector(4, values.length, 4);
		for (let i = values.length - 1; i >= 0; i--) this.putF32(values[i]);
		return this.endVector();
	}

	/**
	 * Writes the root offset and file identifier; returns the finished bytes.
	 * The result's length is a multiple of max(minAlign, alignTo).
	 * @param {number} root @param {string} identifier @param {number} [alignTo]
	 */
	finish(root, identifier, alignTo = 1) {
		if (identifier.length !== 4) throw new Error('flatbuffer: identifier must have 4 characters');
		this.prep(Math.max(this.minAlign, alignTo), 8);
		for (let i = 3; i >= 0; i--) this.putU8(identifier.charCodeAt(i));
		this.addOffset(root);
		return this.buf.slice(this.space);
	}
}
