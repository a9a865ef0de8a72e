/**
 * The page's side of the PWA: registers the service worker (src/service-worker.ts), says when an update is waiting
 * and applies it only when asked, and offers the browser's install prompt. Runes state for PwaBanner.svelte.
 */
import { dev } from '$app/environment';
import { resolve } from '$app/paths';

/** Chromium's install prompt event (not in TypeScript's DOM lib). */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** "Not now" on the install offer holds for this long. */
const INSTALL_SNOOZE_MS = 30 * 24 * 3600_000;
const INSTALL_SNOOZE_KEY = 'backcheck:pwa:install-dismissed-at';
/** A page left open for hours still learns about a new version. */
const UPDATE_CHECK_MS = 3600_000;

/** SvelteKit emits the service worker at the root of the app (its scope is the whole app). */
export function serviceWorkerUrl(): string {
	return `${resolve('/')}service-worker.js`;
}

export class PwaState {
	/** A new version is installed and waiting (or took over from another tab): reloading shows it. */
	updateReady = $state(false);
	/** The browser offered to install the app and the person has not turned the offer down lately. */
	canInstall = $state(false);
	registration = $state.raw<ServiceWorkerRegistration | null>(null);

	#prompt: BeforeInstallPromptEvent | null = null;
	#reloadRequested = false;

	/** Starts everything; returns the cleanup. */
	start(): () => void {
		const stops: Array<() => void> = [];
		const on = <K extends keyof WindowEventMap>(target: Window, type: K, fn: (e: WindowEventMap[K]) => void) => {
			target.addEventListener(type, fn);
			stops.push(() => target.removeEventListener(type, fn));
		};
		on(window, 'beforeinstallprompt' as keyof WindowEventMap, (e) => this.#offerInstall(e as BeforeInstallPromptEvent));
		on(window, 'appinstalled' as keyof WindowEventMap, () => this.#clearInstall());

		const container = navigator.serviceWorker;
		// In `vite dev` there is no app build to cache: a service worker would only serve stale pages.
		if (container && !dev) {
			const onControllerChange = () => {
				if (this.#reloadRequested) location.reload();
				// Another tab applied the update: this page still runs the old version until it reloads.
				else this.updateReady = true;
			};
			container.addEventListener('controllerchange', onControllerChange);
			stops.push(() => container.removeEventListener('controllerchange', onControllerChange));
			const startRegistration = () => void this.#register(container);
			if (document.readyState === 'complete') startRegistration();
			else on(window, 'load', startRegistration);
			const timer = setInterval(() => void this.registration?.update().catch(() => undefined), UPDATE_CHECK_MS);
			stops.push(() => clearInterval(timer));
		}
		return () => stops.forEach((stop) => stop());
	}

	/** Lets the waiting version take over, then reloads into it (the person asked; a session ends here). */
	applyUpdate(): void {
		const waiting = this.registration?.waiting;
		if (!waiting) {
			location.reload();
			return;
		}
		this.#reloadRequested = true;
		waiting.postMessage({ type: 'SKIP_WAITING' });
	}

	dismissUpdate(): void {
		this.updateReady = false;
	}

	async install(): Promise<void> {
		const prompt = this.#prompt;
		if (!prompt) return;
		this.canInstall = false;
		await prompt.prompt();
		const { outcome } = await prompt.userChoice;
		if (outcome === 'dismissed') this.#snoozeInstall();
		this.#prompt = null;
	}

	dismissInstall(): void {
		this.#snoozeInstall();
		this.canInstall = false;
	}

	async #register(container: ServiceWorkerContainer): Promise<void> {
		let registration: ServiceWorkerRegistration;
		try {
			registration = await container.register(serviceWorkerUrl());
		} catch {
			return; // Private windows and some policies refuse service workers: the app works online as before.
		}
		this.registration = registration;
		const check = () => {
			// A waiting worker with none in control is the very first install finishing: nothing to update.
			if (registration.waiting && container.controller) this.updateReady = true;
		};
		check();
		registration.addEventListener('updatefound', () => {
			const next = registration.installing;
			next?.addEventListener('statechange', () => {
				if (next.state === 'installed') check();
			});
		});
	}

	#offerInstall(e: BeforeInstallPromptEvent): void {
		// Keep the browser's own mini-bar away; the banner offers it once, quietly.
		e.preventDefault();
		this.#prompt = e;
		this.canInstall = !this.#installSnoozed();
	}

	#clearInstall(): void {
		this.#prompt = null;
		this.canInstall = false;
	}

	#installSnoozed(): boolean {
		try {
			const at = Number(localStorage.getItem(INSTALL_SNOOZE_KEY));
			return Number.isFinite(at) && Date.now() - at < INSTALL_SNOOZE_MS;
		} catch {
			return false;
		}
	}

	#snoozeInstall(): void {
		try {
			localStorage.setItem(INSTALL_SNOOZE_KEY, String(Date.now()));
		} catch {
			// Storage blocked: the offer just comes back next time.
		}
	}
}
