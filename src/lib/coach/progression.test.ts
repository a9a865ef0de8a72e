import { describe, expect, it } from 'vitest';
import { compareReps } from './progression';

describe('compareReps', () => {
	it('higher, same within the tolerance, or lower', () => {
		expect(compareReps(40, null, 3)).toEqual({ progression: null, deltaDeg: null });
		expect(compareReps(45, 40, 3).progression).toBe('higher');
		expect(compareReps(41.5, 40, 3).progression).toBe('same');
		expect(compareReps(35, 40, 3)).toEqual({ progression: 'lower', deltaDeg: -5 });
	});
});
