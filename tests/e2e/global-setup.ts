import { fakeCameraFeed, stillVideo } from './fixtures/media';

/** Makes the fake-camera feeds and videos once per run (scripts/test-setup.sh provided photos and ffmpeg). */
export default function globalSetup(): void {
	fakeCameraFeed('person.jpg');
	fakeCameraFeed('basketball1.png');
	stillVideo('person.jpg');
	stillVideo('person.jpg', 6);
}
