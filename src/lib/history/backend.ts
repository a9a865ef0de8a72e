/**
 * Where the records live: IndexedDB (through `idb`) or, when the browser will not store anything, memory for
 * this visit. The store above picks one and switches to memory when IndexedDB fails; both behave the same.
 *
 * Why `idb` (Jake Archibald): a ~1 kB promise wrapper over the real IndexedDB API, typed schemas, no query layer
 * or change tracking to learn; transactions stay explicit, which the one-transaction import and the
 * read-modify-write of running totals need. Dexie would also do, but brings ~30 kB and its own abstractions for
 * three object stores and no queries.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { RECORD_KINDS, SCHEMA_VERSION, type RecordKind } from './types';

export const DB_NAME = 'backcheck-history';
export const META_STORE = 'meta';
const STORES = [...RECORD_KINDS, META_STORE] as const;

/** Stored values are `unknown` here on purpose: everything read back is validated before use. */
interface HistoryDB extends DBSchema {
	sessions: { key: string; value: unknown };
	nudges: { key: string; value: unknown };
	stretchSets: { key: string; value: unknown };
	meta: { key: string; value: unknown };
}

export type Batch = Partial<Record<RecordKind, { id: string }[]>>;

export interface Backend {
	readonly kind: 'idb' | 'memory';
	get(kind: RecordKind, id: string): Promise<unknown>;
	/** Every stored value of a kind with its key. */
	entries(kind: RecordKind): Promise<[string, unknown][]>;
	put(kind: RecordKind, value: { id: string }): Promise<void>;
	/** Read-modify-write of one record in one transaction; `fn` returns the new value, or null to leave it. */
	update(kind: RecordKind, id: string, fn: (old: unknown) => { id: string } | null): Promise<boolean>;
	/** Many records of several kinds, in one transaction: all are written or none. */
	putAll(batch: Batch): Promise<void>;
	deleteKeys(kind: RecordKind, keys: string[]): Promise<void>;
	clear(): Promise<void>;
	close(): void;
}

export class MemoryBackend implements Backend {
	readonly kind = 'memory';
	#data: Record<RecordKind, Map<string, unknown>> = { sessions: new Map(), nudges: new Map(), stretchSets: new Map() };

	constructor(seed?: Partial<Record<RecordKind, [string, unknown][]>>) {
		for (const k of RECORD_KINDS) for (const [key, v] of seed?.[k] ?? []) this.#data[k].set(key, v);
	}
	async get(kind: RecordKind, id: string): Promise<unknown> {
		const v = this.#data[kind].get(id);
		return v === undefined ? undefined : structuredClone(v);
	}
	async entries(kind: RecordKind): Promise<[string, unknown][]> {
		return [...this.#data[kind]].map(([k, v]) => [k, structuredClone(v)]);
	}
	async put(kind: RecordKind, value: { id: string }): Promise<void> {
		this.#data[kind].set(value.id, structuredClone(value));
	}
	async update(kind: RecordKind, id: string, fn: (old: unknown) => { id: string } | null): Promise<boolean> {
		const old = this.#data[kind].get(id);
		if (old === undefined) return false;
		const next = fn(structuredClone(old));
		if (!next) return false;
		this.#data[kind].set(id, structuredClone(next));
		return true;
	}
	async putAll(batch: Batch): Promise<void> {
		for (const k of RECORD_KINDS) for (const v of batch[k] ?? []) this.#data[k].set(v.id, structuredClone(v));
	}
	async deleteKeys(kind: RecordKind, keys: string[]): Promise<void> {
		for (const key of keys) this.#data[kind].delete(key);
	}
	async clear(): Promise<void> {
		for (const k of RECORD_KINDS) this.#data[k].clear();
	}
	close(): void {}
}

export interface IdbHooks {
	/** Another tab wants a newer schema: this connection closes itself. */
	onVersionChange(): void;
	/** The browser closed the connection abnormally (site data cleared, disk error). */
	onTerminated(): void;
}

/** Why opening IndexedDB failed, for the store to pick its message. */
export class OpenFailure extends Error {
	constructor(
		/** 'slow': no answer within a time limit, which says nothing about whether storage works. */
		readonly reason: 'unsupported' | 'refused' | 'newer' | 'blocked' | 'broken' | 'full' | 'slow',
		readonly detail: string
	) {
		super(`${reason}: ${detail}`);
	}
}

/** An open in progress (IdbBackend.begin). */
export interface PendingOpen {
	/** Settles when the browser answers: the database, or an OpenFailure saying why not. */
	readonly result: Promise<IdbBackend>;
	/** The browser said another tab's connection is in the way (it fires before the open can go on). */
	blocked: boolean;
	/** Called when the browser says the open is blocked. */
	onBlocked: (() => void) | null;
}

export const TIMED_OUT = Symbol('timed out');

/** What `p` settles to within `ms`, or TIMED_OUT (a rejection within `ms` rejects). */
export async function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
		timer = setTimeout(() => resolve(TIMED_OUT), ms);
	});
	try {
		return await Promise.race([p, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

function errorName(e: unknown): string {
	return e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
}

export function isQuotaError(e: unknown): boolean {
	const name = errorName(e);
	// Chromium reports a full origin as QuotaExceededError on the transaction; older Firefox as NS_ERROR_DOM_QUOTA_REACHED.
	return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(e instanceof Error ? e.message : '');
}

function describe(e: unknown): string {
	if (e instanceof Error || (e && typeof e === 'object' && 'message' in e)) return `${errorName(e) || 'Error'}: ${(e as Error).message}`;
	return String(e);
}

export class IdbBackend implements Backend {
	readonly kind = 'idb';
	constructor(readonly db: IDBPDatabase<HistoryDB>) {}

	/**
	 * Starts opening the database and hands back the open in progress, however long the browser takes to answer
	 * (a loaded machine can take many seconds: slow is not refused). Throws an OpenFailure at once when the
	 * browser refuses outright or has no IndexedDB.
	 */
	static begin(name: string, hooks: IdbHooks): PendingOpen {
		if (typeof indexedDB === 'undefined' || indexedDB === null) throw new OpenFailure('unsupported', 'indexedDB is not defined');
		const state: Omit<PendingOpen, 'result'> = { blocked: false, onBlocked: null };
		let opening: Promise<IDBPDatabase<HistoryDB>>;
		try {
			opening = openDB<HistoryDB>(name, SCHEMA_VERSION, {
				upgrade(db, oldVersion) {
					// Version 1: one object store per record kind, keyed by id; meta for the open probe.
					if (oldVersion < 1) for (const s of STORES) if (!db.objectStoreNames.contains(s)) db.createObjectStore(s);
				},
				blocked() {
					state.blocked = true;
					state.onBlocked?.();
				},
				blocking() {
					hooks.onVersionChange();
				},
				terminated() {
					hooks.onTerminated();
				}
			});
		} catch (e) {
			// Thrown synchronously: the browser refuses storage outright (private mode, storage disabled).
			throw new OpenFailure('refused', describe(e));
		}
		const result = opening.then(
			(db) => new IdbBackend(db),
			(e) => {
				const n = errorName(e);
				if (n === 'VersionError') throw new OpenFailure('newer', describe(e));
				if (isQuotaError(e)) throw new OpenFailure('full', describe(e));
				if (n === 'UnknownError' || n === 'DataError' || n === 'NotFoundError') throw new OpenFailure('broken', describe(e));
				throw new OpenFailure('refused', describe(e));
			}
		);
		return Object.assign(state, { result });
	}

	/** Opens, giving up after `timeoutMs` (then 'blocked' when another tab is in the way, else 'slow'). */
	static async open(name: string, hooks: IdbHooks, timeoutMs: number): Promise<IdbBackend> {
		const pending = IdbBackend.begin(name, hooks);
		const answer = await within(pending.result, timeoutMs);
		if (answer !== TIMED_OUT) return answer;
		void pending.result.then((b) => b.close()).catch(() => undefined);
		throw new OpenFailure(pending.blocked ? 'blocked' : 'slow', `indexedDB.open did not finish in ${timeoutMs} ms${pending.blocked ? ' (blocked by another tab)' : ''}`);
	}

	static async destroy(name: string): Promise<void> {
		await deleteDB(name);
	}

	/** True when every object store this version needs is there (a broken or foreign database may lack some). */
	hasAllStores(): boolean {
		return STORES.every((s) => this.db.objectStoreNames.contains(s));
	}

	/** A small write, so that a full or read-only origin shows up at open rather than mid-session. */
	async probeWrite(now: number): Promise<void> {
		await this.db.put(META_STORE, { schemaVersion: SCHEMA_VERSION, openedAt: now }, 'opened');
	}

	async get(kind: RecordKind, id: string): Promise<unknown> {
		return this.db.get(kind, id);
	}
	async entries(kind: RecordKind): Promise<[string, unknown][]> {
		const tx = this.db.transaction(kind, 'readonly');
		const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
		return keys.map((k, i) => [String(k), values[i]]);
	}
	async put(kind: RecordKind, value: { id: string }): Promise<void> {
		const tx = this.db.transaction(kind, 'readwrite');
		await Promise.all([tx.store.put(value, value.id), tx.done]);
	}
	async update(kind: RecordKind, id: string, fn: (old: unknown) => { id: string } | null): Promise<boolean> {
		const tx = this.db.transaction(kind, 'readwrite');
		const old = await tx.store.get(id);
		let changed = false;
		if (old !== undefined) {
			let next: { id: string } | null;
			try {
				next = fn(old);
			} catch (e) {
				tx.abort();
				await tx.done.catch(() => undefined);
				throw e;
			}
			if (next) {
				await tx.store.put(next, id);
				changed = true;
			}
		}
		await tx.done;
		return changed;
	}
	async putAll(batch: Batch): Promise<void> {
		const kinds = RECORD_KINDS.filter((k) => (batch[k]?.length ?? 0) > 0);
		if (kinds.length === 0) return;
		const tx = this.db.transaction(kinds, 'readwrite');
		const writes: Promise<unknown>[] = [];
		try {
			for (const k of kinds) for (const v of batch[k] ?? []) writes.push(tx.objectStore(k).put(v, v.id));
		} catch (e) {
			// A put refused outright (a value that cannot be cloned, a full disk): keep none of the batch.
			tx.abort();
			await Promise.allSettled([...writes, tx.done]);
			throw e;
		}
		// A put that fails later aborts the transaction: tx.done rejects and nothing of the batch is kept.
		await Promise.all([...writes.map((w) => w.catch(() => undefined)), tx.done]);
	}
	async deleteKeys(kind: RecordKind, keys: string[]): Promise<void> {
		if (keys.length === 0) return;
		const tx = this.db.transaction(kind, 'readwrite');
		await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
	}
	async clear(): Promise<void> {
		const tx = this.db.transaction([...RECORD_KINDS], 'readwrite');
		await Promise.all([...RECORD_KINDS.map((k) => tx.objectStore(k).clear()), tx.done]);
	}
	close(): void {
		this.db.close();
	}
}
