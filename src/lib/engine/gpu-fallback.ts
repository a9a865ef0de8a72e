/**
 * When the GPU delegate fails, carry on with the CPU: the policy of the pose worker, apart from MediaPipe so it
 * is tested in Node. A landmarker "slot" is whatever the worker holds (a model on a delegate, whose graphics
 * context may have been lost).
 */
import type { PoseDelegate } from '$lib/pose/types';
import type { DelegateFallback } from './types';

export interface Slot {
	delegate: PoseDelegate;
	/** Its WebGL context was lost: it must be built again before use. */
	lost: boolean;
}

export type Stage = DelegateFallback['stage'];

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Builds on the delegate wanted, or on the CPU when the GPU is known to have failed, has no WebGL2, or fails to
 * build now. `onGpuFailure` hears why the GPU was left.
 */
export async function buildWithFallback<S>(
	wanted: PoseDelegate,
	gpuUsable: () => { ok: true } | { ok: false; stage: Stage; detail: string },
	build: (delegate: PoseDelegate) => Promise<S>,
	onGpuFailure: (stage: Stage, detail: string) => void
): Promise<S> {
	if (wanted === 'GPU') {
		const usable = gpuUsable();
		if (usable.ok) {
			try {
				return await build('GPU');
			} catch (e) {
				onGpuFailure('create', message(e));
			}
		} else onGpuFailure(usable.stage, usable.detail);
	}
	return build('CPU');
}

/**
 * Runs `run` on the current slot: built again first when its context was lost; on the CPU (via `rebuild`) when
 * the GPU throws; and run again when the context was lost during the call, since that result cannot be
 * trusted. A CPU slot that throws with its context intact throws (the session's crash recovery takes over).
 */
export async function runWithFallback<S extends Slot, T>(current: () => S, rebuild: (stage: Stage, detail: string) => Promise<void>, run: (slot: S) => T): Promise<T> {
	if (current().lost) await rebuild('context-lost', 'the WebGL context was lost');
	try {
		const out = run(current());
		if (!current().lost) return out;
		await rebuild('context-lost', 'the WebGL context was lost during a frame');
	} catch (e) {
		const slot = current();
		if (slot.delegate !== 'GPU' && !slot.lost) throw e;
		await rebuild(slot.lost ? 'context-lost' : 'detect', message(e));
	}
	return run(current());
}
