/** The settings as reactive state, saved to localStorage on every change; storage failures never break the app. */
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

const KEY = 'backcheck.settings';

function load(): { settings: Settings; problem: string | null } {
	try {
		return parseSettings(localStorage.getItem(KEY));
	} catch {
		return { settings: structuredClone(DEFAULT_SETTINGS), problem: 'Settings cannot be saved in this browser (storage is blocked).' };
	}
}

class SettingsState {
	value = $state<Settings>(structuredClone(DEFAULT_SETTINGS));
	problem = $state<string | null>(null);
	#loaded = false;

	load(): void {
		if (this.#loaded || typeof localStorage === 'undefined') return;
		const { settings, problem } = load();
		this.value = settings;
		this.problem = problem;
		this.#loaded = true;
	}

	update(patch: Partial<Settings>): void {
		this.load();
		this.value = { ...this.value, ...patch };
		try {
			localStorage.setItem(KEY, JSON.stringify(this.value));
		} catch {
			this.problem = 'Settings cannot be saved in this browser (storage is blocked or full); they last until you close the tab.';
		}
	}
}

export const settings = new SettingsState();
