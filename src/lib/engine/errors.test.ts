import { describe, expect, it } from 'vitest';
import { asEngineFailure, cameraFailure, EngineError, failureCopy, fallbackCopy } from './errors';

describe('engine failures', () => {
	it('maps getUserMedia errors to actionable codes', () => {
		const named = (name: string) => Object.assign(new Error(name), { name });
		expect(cameraFailure(named('NotAllowedError')).code).toBe('permission-denied');
		expect(cameraFailure(named('NotFoundError')).code).toBe('no-camera');
		expect(cameraFailure(named('NotReadableError')).code).toBe('camera-in-use');
		expect(cameraFailure(named('TypeError')).code).toBe('camera-failed');
	});

	it('recovers the code from an error that crossed the worker boundary as text', () => {
		const crossed = new Error(new EngineError({ code: 'webgl-unavailable', detail: 'no context' }).message);
		expect(asEngineFailure(crossed, 'inference-failed')).toEqual({ code: 'webgl-unavailable', detail: 'no context' });
		expect(asEngineFailure(new Error('boom'), 'model-load-failed')).toEqual({ code: 'model-load-failed', detail: 'boom' });
	});

	it('tells the person what to do next for every failure', () => {
		for (const code of ['permission-denied', 'no-camera', 'camera-in-use', 'camera-ended', 'webgl-unavailable', 'model-load-failed'] as const) {
			expect(failureCopy(code).next.length).toBeGreaterThan(20);
		}
	});
});

describe('fallbackCopy', () => {
	it('says calmly why the GPU was left and that watching carries on', () => {
		const c = fallbackCopy({ from: 'GPU', to: 'CPU', stage: 'context-lost', detail: 'the WebGL context was lost' });
		expect(c.title).toBe('Switched to the processor (CPU)');
		expect(c.next).toMatch(/graphics context was lost/);
		expect(c.next).toMatch(/carries on watching/);
		for (const stage of ['create', 'detect', 'context-lost', 'no-webgl2'] as const) expect(fallbackCopy({ from: 'GPU', to: 'CPU', stage, detail: '' }).reason.length).toBeGreaterThan(10);
	});
});
