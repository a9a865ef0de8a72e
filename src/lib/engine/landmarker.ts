/// <reference lib="webworker" />
/**
 * A MediaPipe PoseLandmarker as the pose worker holds it: on the delegate asked for, on a canvas of its own whose
 * WebGL context is watched (a lost context means the landmarker must be built again), warmed up on a blank frame.
 */
import { FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision';
import type { PoseDelegate } from '$lib/pose/types';

export type Fileset = Awaited<ReturnType<typeof FilesetResolver.forVisionTasks>>;
export type RunningMode = 'VIDEO' | 'IMAGE';

export interface LandmarkerSpec {
	bytes: Uint8Array;
	delegate: PoseDelegate;
	mode: RunningMode;
	numPoses: number;
	minPoseDetectionConfidence: number;
}

export class HeldLandmarker {
	readonly landmarker: PoseLandmarker;
	readonly delegate: PoseDelegate;
	readonly mode: RunningMode;
	/** The WebGL context under it was lost (GPU reset, driver crash): it must be built again. */
	lost = false;

	private constructor(landmarker: PoseLandmarker, delegate: PoseDelegate, mode: RunningMode, canvas: OffscreenCanvas) {
		this.landmarker = landmarker;
		this.delegate = delegate;
		this.mode = mode;
		canvas.addEventListener('webglcontextlost', () => (this.lost = true));
	}

	static async create(files: Fileset, spec: LandmarkerSpec): Promise<HeldLandmarker> {
		await primeModuleFactory(files);
		// Our own canvas (MediaPipe would make one it does not tell us about), so that its context loss is seen.
		const canvas = new OffscreenCanvas(1, 1);
		const landmarker = await PoseLandmarker.createFromOptions(files, {
			baseOptions: { modelAssetBuffer: spec.bytes, delegate: spec.delegate },
			canvas,
			runningMode: spec.mode,
			numPoses: spec.numPoses,
			minPoseDetectionConfidence: spec.minPoseDetectionConfidence,
			minPosePresenceConfidence: 0.5,
			minTrackingConfidence: 0.5,
			outputSegmentationMasks: false
		});
		const held = new HeldLandmarker(landmarker, spec.delegate, spec.mode, canvas);
		try {
			warmUp(landmarker, spec.mode);
		} catch (e) {
			held.close();
			throw e;
		}
		return held;
	}

	close(): void {
		try {
			this.landmarker.close();
		} catch {
			// A landmarker whose context was lost may fail to clean up; it is dropped either way.
		}
	}
}

/** Whether this worker can make a WebGL2 context, which the GPU delegate needs. */
export function hasWebGL2(): boolean {
	const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
	if (!gl) return false;
	gl.getExtension('WEBGL_lose_context')?.loseContext();
	return true;
}

/**
 * The first inference of a new graph is several times slower than the rest (graph and kernel set-up). Run it on
 * a blank frame while the model is loading, so the person's first frame is analysed at full speed.
 * VIDEO mode: at timestamp 0, which is why real timestamps start above 0.
 */
function warmUp(landmarker: PoseLandmarker, mode: RunningMode): void {
	const blank = new OffscreenCanvas(256, 256);
	blank.getContext('2d')?.fillRect(0, 0, 256, 256);
	if (mode === 'VIDEO') landmarker.detectForVideo(blank, 0);
	else landmarker.detect(blank);
}

/**
 * Tasks-vision loads its wasm loader with import() in a module worker; the loader sets self.ModuleFactory when it
 * is first evaluated and Tasks clears it after use. A second landmarker (another mode, a reset) then finds it
 * unset ("ModuleFactory not set.") because import() does not evaluate a module twice. Set it again ourselves.
 */
async function primeModuleFactory(files: Fileset): Promise<void> {
	const scope = self as unknown as { ModuleFactory?: unknown };
	if (scope.ModuleFactory) return;
	const loader = (await import(/* @vite-ignore */ files.wasmLoaderPath)) as { default?: unknown };
	if (loader.default) scope.ModuleFactory = loader.default;
}
