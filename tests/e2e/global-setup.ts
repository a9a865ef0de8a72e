import { fakeCameraFeed } from './fixtures/media';
import { cobraPuppetVideo, panningVideo } from '../../scripts/lib/test-motion';

/** Makes the fake-camera feeds and the generated videos once per run (scripts/test-setup.sh provided photos and ffmpeg). */
export default function globalSetup(): void {
	fakeCameraFeed('person.jpg');
	fakeCameraFeed('basketball1.png');
	panningVideo('person.jpg', 'webm');
	panningVideo('person.jpg', 'mp4');
	cobraPuppetVideo();
}
