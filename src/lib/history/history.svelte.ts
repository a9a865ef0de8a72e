/**
 * The history store for the pages, as runes state: one store per tab, opened on first use, with its status
 * (saving, not saving and why, what was recovered) readable reactively. Pages write through `historyState.open()`:
 *
 *   const store = await historyState.open();
 *   const session = await store.startSession('workout');
 *
 * Opening never fails: when storage is refused or full the store runs in memory and `status`/`message` say so
 * (HistoryStatus.svelte shows that to the person).
 */
import { openHistory, type HistoryStore } from './store';
import type { RecoveryReport, StoreStatus } from './types';

export class HistoryState {
	/** 'opening' until the store is open, and while a slow browser has not opened its storage. */
	status = $state<StoreStatus>('opening');
	/** "History is not being saved: ..." when not saving; the neutral still-opening note while a slow open goes on; else null. */
	message = $state<string | null>(null);
	/** What was found damaged in stored data and done about it (null when nothing, or dismissed). */
	recovery = $state<RecoveryReport | null>(null);
	/** Goes up on every change to the stored data, so pages can reload what they show. */
	revision = $state(0);
	#opening: Promise<HistoryStore> | null = null;

	/** The store (opened once per tab). */
	open(): Promise<HistoryStore> {
		this.#opening ??= openHistory().then((store) => {
			this.#sync(store);
			this.recovery = store.recovery;
			store.subscribe(() => {
				this.#sync(store);
				this.revision++;
			});
			return store;
		});
		return this.#opening;
	}

	dismissRecovery(): void {
		this.recovery = null;
	}

	#sync(store: HistoryStore): void {
		this.status = store.status;
		this.message = store.message;
	}
}

export const historyState = new HistoryState();
