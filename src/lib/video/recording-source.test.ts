import { describe, expect, it } from 'vitest';
import { cappedSize } from './recording-source';

describe('cappedSize', () => {
	it('leaves pictures up to the cap alone and scales larger ones down, keeping the shape', () => {
		expect(cappedSize(640, 480)).toEqual({ width: 640, height: 480 });
		expect(cappedSize(960, 540)).toEqual({ width: 960, height: 540 });
		expect(cappedSize(3840, 2160)).toEqual({ width: 960, height: 540 });
		expect(cappedSize(1080, 1920)).toEqual({ width: 540, height: 960 });
		expect(cappedSize(2160, 3840, 1000)).toEqual({ width: 563, height: 1000 });
	});
});
