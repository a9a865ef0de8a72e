/** The camera: opening it, listing devices, and turning getUserMedia's failures into actionable ones. */
import { EngineError, cameraFailure } from './errors';

export interface CameraDevice {
	deviceId: string;
	label: string;
}

/** Video inputs; labels are empty until the person has granted permission once. */
export async function listCameras(): Promise<CameraDevice[]> {
	if (!navigator.mediaDevices?.enumerateDevices) return [];
	const devices = await navigator.mediaDevices.enumerateDevices();
	return devices
		.filter((d) => d.kind === 'videoinput')
		.map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

/**
 * Opens a camera at a modest resolution: the pose model sees 256x256 anyway, more pixels only cost time. A
 * low-cost watch asks for fewer frames a second (a real camera then captures, and may decode, fewer).
 */
export async function openCamera(deviceId?: string, frameRate = 30): Promise<MediaStream> {
	if (!navigator.mediaDevices?.getUserMedia) {
		throw new EngineError({ code: 'no-camera', detail: 'this browser has no camera access (getUserMedia)' });
	}
	try {
		return await navigator.mediaDevices.getUserMedia({
			audio: false,
			video: {
				deviceId: deviceId ? { exact: deviceId } : undefined,
				width: { ideal: 640 },
				height: { ideal: 480 },
				frameRate: { ideal: frameRate }
			}
		});
	} catch (e) {
		throw new EngineError(cameraFailure(e));
	}
}

/** Stops every track so the camera light goes off. */
export function closeStream(stream: MediaStream | null | undefined): void {
	stream?.getTracks().forEach((t) => t.stop());
}
