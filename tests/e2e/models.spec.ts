/**
 * The built .task bundles really carry the input normalisation MediaPipe reads: a lite model built with the
 * detector's and the landmark model's normalisations swapped finds clearly worse landmarks on the same photo.
 * The heavy model (correct metadata) is the reference.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PoseLandmarks } from '../../src/lib/pose/types';
import { detectImage, openHarness } from './fixtures/harness';
import { implausibility } from './fixtures/plausible';
import { PERSON_BOX, photoPath, ROOT } from './fixtures/media';
import { expect, test } from './fixtures/test';

const OUT = join(ROOT, '.cache/models');

function pixelError(a: PoseLandmarks, b: PoseLandmarks, width: number, height: number): number {
	let sum = 0;
	for (let i = 0; i < 33; i++) sum += Math.hypot((a[i]!.x - b[i]!.x) * width, (a[i]!.y - b[i]!.y) * height);
	return sum / 33;
}

test.beforeAll(() => {
	execFileSync(process.execPath, [join(ROOT, 'models/build.mjs'), '--swap-normalization', '--only', 'lite', '--out', OUT, '--no-wasm'], { stdio: 'ignore' });
});

test('swapped normalisation metadata makes landmarks visibly worse on the same photo', async ({ app: { page, context } }) => {
	const photos = ['basketball1.png', 'basketball2.png'];
	await context.route('**/__test__/photos/*', (route) => route.fulfill({ body: readFileSync(photoPath(new URL(route.request().url()).pathname.split('/').pop()!)) }));
	await context.route('**/__test__/swapped.task', (route) => route.fulfill({ body: readFileSync(join(OUT, 'pose_landmarker_lite_swapped.task')) }));

	const run = async (options: Parameters<typeof openHarness>[1]) => {
		await openHarness(page, options);
		const out: { landmarks: PoseLandmarks; visibility: number }[] = [];
		for (const photo of photos) {
			const { frame } = await detectImage(page, `/__test__/photos/${photo}`);
			const landmarks = frame.people[0].landmarks;
			const visibility = landmarks.reduce((s, l) => s + (l?.visibility ?? 0), 0) / 33;
			out.push({ landmarks, visibility });
		}
		return out;
	};
	const reference = await run({ model: 'heavy' });
	const lite = await run({ model: 'lite' });
	const swapped = await run({ model: 'lite', modelUrl: '/__test__/swapped.task' });

	expect(implausibility(lite[0].landmarks, PERSON_BOX['basketball1.png'])).toBeNull();
	for (let i = 0; i < photos.length; i++) {
		const good = pixelError(lite[i].landmarks, reference[i].landmarks, 640, 480);
		const bad = pixelError(swapped[i].landmarks, reference[i].landmarks, 640, 480);
		test.info().annotations.push({ type: photos[i], description: `lite vs heavy ${good.toFixed(1)} px, swapped vs heavy ${bad.toFixed(1)} px, visibility ${lite[i].visibility.toFixed(3)} -> ${swapped[i].visibility.toFixed(3)}` });
		expect(bad).toBeGreaterThan(10);
		expect(bad).toBeGreaterThan(1.5 * good);
		expect(swapped[i].visibility).toBeLessThan(lite[i].visibility);
	}
});
