import { describe, expect, it } from 'vitest';
import type { PoseDelegate } from '$lib/pose/types';
import { buildWithFallback, runWithFallback, type Slot, type Stage } from './gpu-fallback';

/** A landmarker stand-in: its delegate, whether its context is lost, and how many frames it analysed. */
class Fake implements Slot {
	lost = false;
	frames = 0;
	constructor(
		public delegate: PoseDelegate,
		public fail: 'no' | 'throw' | 'lose' = 'no'
	) {}
	detect(): string {
		if (this.fail === 'throw') throw new Error('GL_OUT_OF_MEMORY');
		if (this.fail === 'lose') this.lost = true;
		this.frames++;
		return `${this.delegate} result`;
	}
}

/** A worker's slot with the fallback the pose worker does: rebuild on the CPU when a GPU slot fails. */
function worker(first: Fake) {
	const state = { slot: first, failures: [] as Array<[Stage, string]> };
	const rebuild = async (stage: Stage, detail: string) => {
		if (state.slot.delegate === 'GPU') state.failures.push([stage, detail]);
		state.slot = new Fake('CPU');
	};
	return { state, run: () => runWithFallback(() => state.slot, rebuild, (s) => s.detect()) };
}

describe('runWithFallback', () => {
	it('leaves a working GPU alone', async () => {
		const w = worker(new Fake('GPU'));
		expect(await w.run()).toBe('GPU result');
		expect(w.state.failures).toEqual([]);
	});

	it('carries on with the CPU on the same frame when the GPU throws', async () => {
		const w = worker(new Fake('GPU', 'throw'));
		expect(await w.run()).toBe('CPU result');
		expect(w.state.failures).toEqual([['detect', 'GL_OUT_OF_MEMORY']]);
		expect(await w.run()).toBe('CPU result');
		expect(w.state.failures).toHaveLength(1);
	});

	it('rebuilds before the frame when the context was lost, and redoes a frame during which it was lost', async () => {
		const before = worker(new Fake('GPU'));
		before.state.slot.lost = true;
		expect(await before.run()).toBe('CPU result');
		expect(before.state.failures[0][0]).toBe('context-lost');
		const during = worker(new Fake('GPU', 'lose'));
		expect(await during.run()).toBe('CPU result');
		expect(during.state.failures).toEqual([['context-lost', 'the WebGL context was lost during a frame']]);
	});

	it('rebuilds a CPU slot whose context was lost, but lets a CPU failure through', async () => {
		const lostCpu = worker(new Fake('CPU', 'lose'));
		expect(await lostCpu.run()).toBe('CPU result');
		expect(lostCpu.state.failures).toEqual([]);
		await expect(worker(new Fake('CPU', 'throw')).run()).rejects.toThrow('GL_OUT_OF_MEMORY');
	});
});

describe('buildWithFallback', () => {
	const build = (failGpu: boolean) => async (d: PoseDelegate) => {
		if (d === 'GPU' && failGpu) throw new Error('Unable to create the GPU delegate');
		return d;
	};
	it('builds on the GPU when it works, else on the CPU, saying why', async () => {
		const heard: Array<[Stage, string]> = [];
		const note = (stage: Stage, detail: string) => heard.push([stage, detail]);
		expect(await buildWithFallback('GPU', () => ({ ok: true }), build(false), note)).toBe('GPU');
		expect(await buildWithFallback('GPU', () => ({ ok: true }), build(true), note)).toBe('CPU');
		expect(await buildWithFallback('GPU', () => ({ ok: false, stage: 'no-webgl2', detail: 'no WebGL2' }), build(false), note)).toBe('CPU');
		expect(await buildWithFallback('CPU', () => ({ ok: true }), build(true), note)).toBe('CPU');
		expect(heard).toEqual([
			['create', 'Unable to create the GPU delegate'],
			['no-webgl2', 'no WebGL2']
		]);
	});
});
