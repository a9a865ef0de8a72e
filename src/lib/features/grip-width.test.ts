import { describe, expect, it } from 'vitest';
import { gripWidthRatio } from './grip-width';
import { photo } from './test-helpers';

describe('gripWidthRatio', () => {
	it('tells a bar grip from hands joined overhead, facing the camera', () => {
		const bar = gripWidthRatio(photo({ lShoulderFlex: 175, rShoulderFlex: 175, lShoulderAbd: -15, rShoulderAbd: -15 }, 0).body)!;
		const joined = gripWidthRatio(photo({ lShoulderFlex: 170, rShoulderFlex: 170, lShoulderAbd: 18, rShoulderAbd: 18 }, 0).body)!;
		expect(bar).toBeGreaterThan(1);
		expect(joined).toBeLessThan(0.5);
	});

	it('is null side-on in a picture (the wrists overlap whatever the grip)', () => {
		expect(gripWidthRatio(photo({ lShoulderFlex: 175, rShoulderFlex: 175 }, 90).body)).toBeNull();
	});
});
