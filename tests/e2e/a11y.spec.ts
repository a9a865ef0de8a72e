/**
 * Accessibility of every page, found in src/routes when the tests are collected (so a page added later is covered
 * without touching this file): axe-core finds no serious or critical violation, in light and in dark mode; Tab
 * reaches every link, button and form control with a visible focus indicator and no trap; with
 * `prefers-reduced-motion: reduce` nothing animates or transitions. The tool pages (/harness, /bench) have no UI
 * for people and are left out; dynamic routes ([param]) are listed as skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fakeCameraArgs } from '../../scripts/lib/chromium';
import { fakeCameraFeed } from './fixtures/media';
import { test as withBrowser } from './fixtures/test';

const ROUTES_DIR = new URL('../../src/routes', import.meta.url).pathname;
const TOOL_PAGES = new Set(['/harness', '/bench']);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type RouteEntry = { path: string; dynamic: boolean };

/** Every page in src/routes: route groups "(x)" add nothing to the path; "[x]" segments make a route dynamic. */
function discoverRoutes(dir = ROUTES_DIR, path = '', dynamic = false): RouteEntry[] {
	const names = readdirSync(dir);
	const found: RouteEntry[] = [];
	if (names.some((n) => /^\+page(@.*)?\.(svelte|ts|js)$/.test(n))) found.push({ path: path || '/', dynamic });
	for (const name of names.sort()) {
		if (!statSync(join(dir, name)).isDirectory()) continue;
		const group = /^\(.*\)$/.test(name);
		found.push(...discoverRoutes(join(dir, name), group ? path : `${path}/${name}`, dynamic || name.includes('[')));
	}
	return [...new Map(found.map((r) => [r.path, r])).values()];
}

const ROUTES = discoverRoutes().filter((r) => !TOOL_PAGES.has(r.path));

// Service workers are tested in offline.spec.ts; here they would only download the models beside every check.
test.use({ serviceWorkers: 'block' });

async function open(page: Page, path: string): Promise<void> {
	const response = await page.goto(path);
	expect(response?.status(), `${path} was not served (is the build being replaced?)`).toBe(200);
	// Client-rendered: wait for the page's own content, then for anything it loads on mount.
	await page.waitForFunction(() => document.querySelector('main, h1') !== null);
	await page.waitForLoadState('load');
	await page.waitForTimeout(300);
}

type AxeNode = { target: string[]; html: string; failureSummary?: string };
type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; nodes: AxeNode[] };

async function axe(page: Page): Promise<AxeViolation[]> {
	// Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not apply to it.
	await page.evaluate(AXE_SOURCE);
	return page.evaluate(async (tags) => {
		const run = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe.run;
		const result = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
	}, AXE_TAGS);
}

function describeViolations(violations: AxeViolation[]): string {
	return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html.slice(0, 160)}`).join('\n')}`).join('\n');
}

async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
	const violations = await axe(page);
	const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
	if (minor.length) test.info().annotations.push({ type: `axe (${label}, moderate/minor)`, description: describeViolations(minor) });
	const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious, `${label}:\n${describeViolations(serious)}`).toEqual([]);
}

type Stop = { id: string; what: string; indicator: boolean; onScreen: boolean };

/** Tabs through the whole page; returns what should be reachable and each focus stop in order. */
async function tabThrough(page: Page): Promise<{ expected: string[]; stops: Stop[] }> {
	const expected = await page.evaluate(() => {
		const selector = 'a[href], button, select, input, textarea, summary, [tabindex], [contenteditable="true"]';
		const candidates = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
			if (el.matches(':disabled') || el.getAttribute('tabindex') === '-1' || el.closest('[inert]')) return false;
			if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
			return el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
		});
		// One stop per radio group: the browser tabs to one radio and arrows between the others.
		const radioGroups = new Map<string, string>();
		return candidates.map((el, i) => {
			let id = `t${i}`;
			if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
				id = radioGroups.get(el.name) ?? id;
				radioGroups.set(el.name, id);
			}
			el.dataset.a11yTab = id;
			return id;
		});
	});
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	const stops: Stop[] = [];
	const unique = new Set(expected).size;
	for (let i = 0; i < unique + 20; i++) {
		await page.keyboard.press('Tab');
		const stop = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return null;
			const style = getComputedStyle(el);
			const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
			const shadow = style.boxShadow !== 'none';
			// A visually hidden input (a styled file picker) shows its focus on the label around it.
			let around = false;
			for (let up = el.parentElement, n = 0; up && n < 3 && !around; up = up.parentElement, n++) {
				const s = getComputedStyle(up);
				around = up.matches(':focus-within') && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none');
			}
			const rect = el.getBoundingClientRect();
			const onScreen = rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0 && rect.left < innerWidth && rect.top < innerHeight;
			const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
			return { id: el.dataset.a11yTab ?? '?', what: `<${el.tagName.toLowerCase()}> ${name}`, indicator: outline || shadow || around, onScreen };
		});
		// Past the last stop focus leaves the page, and the next Tab starts again from the top. The round may start
		// mid-page (where a removed control was), so it ends when a stop comes round again.
		if (!stop) continue;
		if (stop.id !== '?' && stops.some((s) => s.id === stop.id)) break;
		stops.push(stop);
	}
	return { expected, stops };
}

/** Everything that animates or transitions for longer than 1 ms (the reduced-motion rule makes them 0.01 ms). */
async function movingThings(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const seconds = (list: string) => list.split(',').map((v) => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1));
		const found: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('*')) {
			const s = getComputedStyle(el);
			const animated = s.animationName !== 'none' && seconds(s.animationDuration).some((d) => d > 0.001);
			const transitions = seconds(s.transitionDuration).some((d) => d > 0.001);
			if (animated || transitions) found.push(`<${el.tagName.toLowerCase()} class="${el.className}"> animation ${s.animationName} ${s.animationDuration}, transition ${s.transitionDuration}`);
		}
		for (const a of document.getAnimations()) {
			const timing = a.effect?.getComputedTiming();
			if (a.playState === 'running' && timing && Number(timing.duration) > 1) found.push(`running animation ${a.constructor.name} ${timing.duration} ms`);
		}
		if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') found.push('html scroll-behavior: smooth');
		return found;
	});
}

for (const route of ROUTES) {
	test.describe(`page ${route.path}`, () => {
		test.skip(route.dynamic, 'a dynamic route: its parameters are not known here');

		test('axe: no serious or critical violations, light and dark', async ({ page }) => {
			await page.emulateMedia({ colorScheme: 'light' });
			await open(page, route.path);
			await expectNoSeriousViolations(page, `${route.path} light`);
			await page.emulateMedia({ colorScheme: 'dark' });
			await page.waitForTimeout(100);
			await expectNoSeriousViolations(page, `${route.path} dark`);
		});

		test('keyboard: Tab reaches every control, with a visible focus indicator and no trap', async ({ page }) => {
			await open(page, route.path);
			const { expected, stops } = await tabThrough(page);
			const reached = new Set(stops.map((s) => s.id));
			const missed = await page.evaluate((ids) => ids.map((id) => document.querySelector<HTMLElement>(`[data-a11y-tab="${id}"]`)?.outerHTML.slice(0, 160) ?? id), [...new Set(expected)].filter((id) => !reached.has(id)));
			expect(missed, 'controls Tab never reached').toEqual([]);
			expect(stops.filter((s) => s.id === '?'), 'focus stops on elements that are not controls').toEqual([]);
			expect(stops.filter((s) => !s.indicator).map((s) => s.what), 'focus without a visible indicator').toEqual([]);
			expect(stops.filter((s) => !s.onScreen).map((s) => s.what), 'focused but off screen').toEqual([]);
		});

		test('reduced motion: nothing animates or transitions', async ({ page }) => {
			await page.emulateMedia({ reducedMotion: 'reduce' });
			await open(page, route.path);
			expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
			const moving = await movingThings(page);
			expect(moving).toEqual([]);
		});
	});
}

test('the install offer passes axe and is reachable by keyboard', async ({ page }) => {
	await open(page, '/');
	await page.evaluate(() => {
		const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt: async () => undefined, userChoice: Promise.resolve({ outcome: 'dismissed' }) });
		window.dispatchEvent(offer);
	});
	await expect(page.getByTestId('install-banner')).toBeVisible();
	await expectNoSeriousViolations(page, '/ with the install offer');
	const { stops } = await tabThrough(page);
	const names = stops.map((s) => s.what);
	expect(names).toEqual(expect.arrayContaining(['<button> Install', '<button> Not now']));
	expect(stops.filter((s) => !s.indicator)).toEqual([]);
});

withBrowser.describe('with the camera running', () => {
	withBrowser.use({ launchArgs: fakeCameraArgs(fakeCameraFeed('person.jpg')) });

	withBrowser('the workout page during a session: axe, light and dark, and the keyboard', async ({ app: { page } }) => {
		await open(page, '/');
		await page.getByRole('button', { name: 'Start camera' }).click();
		await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'running');
		await expect(page.getByTestId('people')).toHaveText('1');
		await expectNoSeriousViolations(page, '/ running, light');
		await page.emulateMedia({ colorScheme: 'dark' });
		await expectNoSeriousViolations(page, '/ running, dark');
		const { expected, stops } = await tabThrough(page);
		const reached = new Set(stops.map((s) => s.id));
		expect([...new Set(expected)].filter((id) => !reached.has(id))).toEqual([]);
		expect(stops.filter((s) => !s.indicator).map((s) => s.what)).toEqual([]);
	});
});

test.describe('with the service worker', () => {
	test.use({ serviceWorkers: 'allow' });

	test('the update banner passes axe and is reachable by keyboard', async ({ page }) => {
		await open(page, '/');
		await page.evaluate(async () => {
			const worker = (await navigator.serviceWorker.ready).active!;
			if (worker.state !== 'activated') await new Promise((ok) => worker.addEventListener('statechange', () => worker.state === 'activated' && ok(null)));
		});
		await page.reload();
		await open(page, '/');
		// A new version waiting (the same script under another URL: see offline.spec.ts).
		await page.evaluate(() => navigator.serviceWorker.register('/service-worker.js?next'));
		await expect(page.getByTestId('update-banner')).toBeVisible();
		await expectNoSeriousViolations(page, '/ with the update banner');
		const { stops } = await tabThrough(page);
		expect(stops.map((s) => s.what)).toEqual(expect.arrayContaining(['<button> Reload', '<button> Later']));
		expect(stops.filter((s) => !s.indicator)).toEqual([]);
	});
});

test('the checks themselves catch planted problems (routes found, axe, focus, motion)', async ({ page }) => {
	expect(ROUTES.map((r) => r.path)).toContain('/');
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await open(page, '/');
	await page.evaluate(() => {
		const main = document.querySelector('main') ?? document.body;
		const nameless = document.createElement('button');
		nameless.id = 'planted-nameless';
		main.prepend(nameless);
		const link = document.createElement('a');
		link.href = '#';
		link.textContent = 'planted link';
		link.id = 'planted-link';
		link.style.setProperty('outline', 'none', 'important');
		main.prepend(link);
		const spinner = document.createElement('div');
		spinner.id = 'planted-spinner';
		spinner.style.setProperty('transition', 'opacity 2s', 'important');
		main.append(spinner);
	});
	const violations = await axe(page);
	expect(violations.find((v) => v.id === 'button-name')?.nodes.map((n) => n.target.join(' '))).toEqual(['#planted-nameless']);
	const { stops } = await tabThrough(page);
	expect(stops.filter((s) => !s.indicator).map((s) => s.what)).toEqual(['<a> planted link']);
	expect((await movingThings(page)).filter((m) => m.startsWith('<div'))).toHaveLength(1);
});
