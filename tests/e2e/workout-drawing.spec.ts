/**
 * What the workout page redraws per pose result: the skeleton with every result, the numbers people read (frame
 * rate, inference time, how sure) at most twice a second. Each text change costs the page a layout, a paint and
 * a raster; at 10-30 results a second that was most of the page's own work. Results are replayed at a fixed rate
 * (session.startReplay: everything downstream of the worker), so the count does not depend on the machine.
 */
import { expect, test } from '@playwright/test';
import { scene } from '../../src/lib/synth';

const RATE = 20;
/** Results counted, after the first WARMUP (the page's start, the numbers being set up). */
const WARMUP = 20;
const COUNTED = 60;

test('the skeleton is drawn with every result, the numbers change at most twice a second', async ({ page }) => {
	const frames = Array.from({ length: 200 }, (_, i) => {
		const s = scene({ preset: 'standing_upright', view: 'side', seed: 1 + (i % 40) });
		return { t: 0, width: 640, height: 480, people: [{ landmarks: s.person.landmarks }] };
	});
	await page.goto('/');
	await page.waitForFunction(() => 'backcheck' in window);
	const seen = await page.evaluate(
		([f, rate, warmup, counted]) =>
			new Promise<{ results: number; elapsedMs: number; strokes: number; fpsTexts: string[]; msChanges: number; confidenceChanges: number }>((done) => {
				type Session = { onResult: ((r: unknown) => void) | null; startReplay(f: unknown[], fps: number): Promise<void> };
				const session = (window as unknown as { backcheck: { session: Session } }).backcheck.session;
				let strokes = 0;
				const stroke = CanvasRenderingContext2D.prototype.stroke;
				CanvasRenderingContext2D.prototype.stroke = function (this: CanvasRenderingContext2D, ...a: unknown[]) {
					strokes++;
					return (stroke as (...x: unknown[]) => void).apply(this, a);
				};
				const fps = document.querySelector('[data-testid=fps]')!;
				const ms = document.querySelector('[data-testid=inference-ms]')!;
				const fpsTexts: string[] = [];
				let msChanges = 0;
				let confidenceChanges = 0;
				const observer = new MutationObserver((list) => {
					for (const m of list) {
						const el = m.target instanceof Element ? m.target : m.target.parentElement;
						if (fps.contains(el)) fpsTexts.push(fps.textContent ?? '');
						else if (ms.contains(el)) msChanges++;
						else if (el?.closest('[data-testid=posture] .conf')) confidenceChanges++;
					}
				});
				let results = 0;
				let t0 = 0;
				const downstream = session.onResult;
				session.onResult = (r) => {
					downstream?.(r);
					results++;
					if (results === warmup) {
						// Mutations of the effects this result ran are delivered before the next task: start after them.
						setTimeout(() => {
							t0 = performance.now();
							strokes = 0;
							results = warmup;
							observer.observe(document.body, { subtree: true, characterData: true, childList: true });
						});
					}
					if (t0 && results === warmup + (counted as number)) {
						observer.takeRecords();
						observer.disconnect();
						done({ results: results - (warmup as number), elapsedMs: performance.now() - t0, strokes, fpsTexts, msChanges, confidenceChanges });
					}
				};
				void session.startReplay(f as unknown[], rate as number);
			}),
		[frames, RATE, WARMUP, COUNTED] as const
	);
	// One stroke (the bones of the one person) per result drawn.
	expect(seen.results).toBe(COUNTED);
	expect(seen.strokes).toBeGreaterThanOrEqual(seen.results - 1);
	// The numbers are kept up to date (the frame rate shown is the replay's, not the 0 it started from)...
	const shown = Number.parseFloat(seen.fpsTexts.at(-1) ?? (await page.getByTestId('fps').textContent()) ?? '');
	expect(shown).toBeGreaterThan(RATE * 0.5);
	// ...but change at most twice a second, while results came far more often.
	const limit = Math.floor((seen.elapsedMs / 1000) * 2) + 1;
	expect(seen.results).toBeGreaterThan(limit * 2);
	expect(seen.fpsTexts.length).toBeLessThanOrEqual(limit);
	expect(seen.msChanges).toBeLessThanOrEqual(limit);
	expect(seen.confidenceChanges).toBeLessThanOrEqual(limit);
});
