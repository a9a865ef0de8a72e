/**
 * The frozen part of each source, kept aside for the final check.
 *
 * Deterministic: an item is frozen when the FNV-1a hash of "<source>|<block>" (murmur3-finalised) falls in the lowest fifth.
 * A block is a stretch of consecutive frames of one recording (50 rows: neighbouring frames of a video
 * are near copies, so a frame-by-frame split would leak), or a single photo. Development (choosing
 * designs, reading tables) uses the other four fifths; `npm run eval -- --final` reports the frozen part.
 */
export const FROZEN_SHARE = 0.2;
export const BLOCK_ROWS = 50;

export function fnv1a(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** murmur3's finaliser: FNV-1a alone barely moves its high bits for keys that differ in the last character. */
export function fmix32(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b) >>> 0;
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35) >>> 0;
	h ^= h >>> 16;
	return h >>> 0;
}

/** Whether the block `block` of `source` belongs to the frozen final-check part. */
export function isFrozen(source: string, block: string | number): boolean {
	return fmix32(fnv1a(`${source}|${block}`)) / 2 ** 32 < FROZEN_SHARE;
}

/** Block key of row `i` of a recording. */
export const rowBlock = (recording: string, i: number) => `${recording}#${Math.floor(i / BLOCK_ROWS)}`;
