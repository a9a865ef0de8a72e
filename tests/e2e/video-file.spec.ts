/** A video file picked on the page goes through the same worker pipeline as the camera. */
import type { PoseFrame } from '../../src/lib/pose/types';
import { PERSON_BOX, stillVideo } from './fixtures/media';
import { implausibility } from './fixtures/plausible';
import { expect, test } from './fixtures/test';

type Hook = { backcheck: { session: { frame: PoseFrame | null; frames: number; source: string } } };

test('a picked video is analysed like the camera, then the session ends with the file', async ({ app: { page } }) => {
	await page.goto('/');
	await page.getByLabel('Or analyse a video file').setInputFiles(stillVideo('person.jpg', 6));
	await expect(page.getByTestId('people')).toHaveText('1');
	const state = await page.evaluate(() => {
		const s = (window as unknown as Hook).backcheck.session;
		return { frame: s.frame, source: s.source };
	});
	expect(state.source).toBe('file');
	expect(implausibility(state.frame?.people[0]?.landmarks, PERSON_BOX['person.jpg'])).toBeNull();
	// The 6-second clip ends and the session stops by itself.
	await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'idle', { timeout: 15_000 });
	expect(await page.evaluate(() => (window as unknown as Hook).backcheck.session.frames)).toBeGreaterThan(3);
});
