/**
 * The two ways a recording's frames are read (src/lib/video): decoded in order with WebCodecs (the default), and
 * sought in a <video> element (the fallback). Both must give the frame at each sample's own time; the <video> way
 * needs a seekable source and says so when it has none, instead of analysing the first frame over and over.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { EngineResult } from '../../src/lib/engine/types';
import type { PoseFrame } from '../../src/lib/pose/types';
import { openHarness } from './fixtures/harness';
import { PERSON_BOX } from './fixtures/media';
import { implausibility } from './fixtures/plausible';
import { panningVideo, pannedX } from '../../scripts/lib/test-motion';
import { expect, test } from './fixtures/test';

type Reader = 'decoded' | 'seeked';
interface Run {
	ok: boolean;
	failure?: { code: string; detail: string };
	summary?: { frames: number; source: Reader };
	frames: PoseFrame[];
}

async function analyse(page: Page, url: string, reader: Reader): Promise<Run> {
	return page.evaluate(
		async ([u, r]) => {
			type H = { video(u: string, fps: number, f: (x: EngineResult) => void, reader: string): Promise<Run> };
			const frames: PoseFrame[] = [];
			const out = await (window as unknown as { backcheckHarness: H }).backcheckHarness.video(u, 5, (x) => frames.push(x.frame), r);
			return { ...out, frames };
		},
		[url, reader] as const
	);
}

function expectFollowsPan(frames: PoseFrame[]): void {
	expect(frames.map((f) => f.t)).toEqual(frames.map((_, i) => 100 + 200 * i));
	const box = PERSON_BOX['person.jpg'];
	for (const f of frames) {
		const shift = pannedX(0, f.t);
		expect(implausibility(f.people[0]?.landmarks, { ...box, left: box.left + shift, right: box.right + shift }), `frame at ${f.t} ms`).toBeNull();
	}
}

test.beforeEach(async ({ app: { page } }) => {
	const body = readFileSync(panningVideo('person.jpg', 'mp4'));
	// Whole file, no Accept-Ranges, Range headers ignored: what a naive static server does.
	await page.route('**/no-ranges.mp4', (route) => route.fulfill({ status: 200, contentType: 'video/mp4', body }));
	await openHarness(page);
});

test('sought in a <video> element, every frame is the one at its time (a file picked on the page)', async ({ app: { page } }) => {
	const served = await page.evaluate(async () => URL.createObjectURL(await (await fetch('/no-ranges.mp4')).blob()));
	const run = await analyse(page, served, 'seeked');
	expect(run.summary).toMatchObject({ frames: 20, source: 'seeked' });
	expectFollowsPan(run.frames);
});

test('a source without byte ranges: the <video> way refuses with a reason; decoding in order reads it right', async ({ app: { page } }) => {
	const seeked = await analyse(page, '/no-ranges.mp4', 'seeked');
	expect(seeked.frames).toHaveLength(0);
	expect(seeked).toMatchObject({ ok: false, failure: { code: 'video-unplayable' } });
	expect(seeked.failure?.detail).toContain('cannot be stepped through');
	const decoded = await analyse(page, '/no-ranges.mp4', 'decoded');
	expect(decoded.summary).toMatchObject({ frames: 20, source: 'decoded' });
	expectFollowsPan(decoded.frames);
});
