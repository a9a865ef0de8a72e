import { describe, expect, it } from 'vitest';
import { BLOCK_ROWS, fnv1a, isFrozen, rowBlock } from './eval-split';

describe('frozen split', () => {
	it('is deterministic, about a fifth, and keeps neighbouring rows together', () => {
		expect(fnv1a('a')).toBe(0xe40c292c);
		let frozen = 0;
		for (let i = 0; i < 5000; i++) if (isFrozen('src', i)) frozen++;
		expect(frozen / 5000).toBeGreaterThan(0.17);
		expect(frozen / 5000).toBeLessThan(0.23);
		expect(rowBlock('r', 0)).toBe(rowBlock('r', BLOCK_ROWS - 1));
		expect(rowBlock('r', 0)).not.toBe(rowBlock('r', BLOCK_ROWS));
		expect(isFrozen('src', 'x')).toBe(isFrozen('src', 'x'));
		// keys that differ only in their last character are spread too
		let near = 0;
		for (let i = 0; i < 10; i++) for (let k = 0; k < 10; k++) if (isFrozen('s', `p${i}#${k}`)) near++;
		expect(near).toBeGreaterThan(8);
		expect(near).toBeLessThan(35);
	});
});
