/**
 * Photos for `npm run eval`: landmarks found by the app's engine exactly as `analyze --stills` runs it
 * (scripts/lib/cli-engine.ts settings, lite model), cached in .cache/eval/ by file content and engine
 * settings; and the photo's verdict from the same stills pipeline the CLI uses.
 *
 * Run on its own (`npx tsx scripts/lib/eval-photos.ts DIR...`) to fill the cache ahead of an eval.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PersonPose } from '../../src/lib/pose/types';
import { CLI_ENGINE } from './cli-engine';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PHOTO_CACHE = join(REPO, '.cache', 'eval');

export interface PhotoLandmarks {
	file: string;
	/** Everyone the engine found, most prominent first. */
	people: PersonPose[];
	width: number;
	height: number;
	error?: string;
}

/** The photos go through the engine as `analyze` runs it (lite, its default model). Part of the cache key. */
export const PHOTO_ENGINE = { model: 'lite', ...CLI_ENGINE } as const;

type LandmarksForImages = (
	paths: string[],
	opts: { model: 'lite' | 'full' | 'heavy'; numPoses: number; imageMinDetectionConfidence: number }
) => Promise<PhotoLandmarks[]>;

const IMAGE = /\.(jpe?g|png|webp)$/i;

/** Image files directly in a folder, sorted. */
export function imagesIn(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => IMAGE.test(f) && statSync(join(dir, f)).isFile())
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
		.map((f) => join(dir, f));
}

/** Landmarks of each photo: from the cache, else found by the engine (in batches) and cached. */
export async function photoLandmarks(paths: string[], log: (s: string) => void = (s) => process.stderr.write(s)): Promise<Map<string, PhotoLandmarks>> {
	mkdirSync(PHOTO_CACHE, { recursive: true });
	const out = new Map<string, PhotoLandmarks>();
	// The file's content and the engine settings: landmarks from another model or detector confidence are not reused.
	const setting = `${PHOTO_ENGINE.model}-det${PHOTO_ENGINE.imageMinDetectionConfidence}-n${PHOTO_ENGINE.numPoses}-people`;
	const key = (p: string) => `${createHash('sha1').update(readFileSync(p)).digest('hex')}-${setting}`;
	const todo: string[] = [];
	for (const p of paths) {
		const c = join(PHOTO_CACHE, `${key(p)}.json`);
		if (existsSync(c)) out.set(p, { ...(JSON.parse(readFileSync(c, 'utf8')) as PhotoLandmarks), file: p });
		else todo.push(p);
	}
	if (todo.length) {
		const modPath = './media-landmarks';
		const mod = (await import(modPath)) as { landmarksForImages?: LandmarksForImages };
		if (typeof mod.landmarksForImages !== 'function') throw new Error('scripts/lib/media-landmarks.ts exports no landmarksForImages');
		log(`eval: finding landmarks in ${todo.length} photos with the pose engine (cached in .cache/eval/)...\n`);
		const BATCH = 200;
		for (let i = 0; i < todo.length; i += BATCH) {
			const res = await mod.landmarksForImages(todo.slice(i, i + BATCH), { ...PHOTO_ENGINE });
			for (const r of res) {
				const entry: PhotoLandmarks = { file: r.file, people: r.people, width: r.width, height: r.height, ...(r.error ? { error: r.error } : {}) };
				if (!r.error) writeFileSync(join(PHOTO_CACHE, `${key(r.file)}.json`), JSON.stringify(entry));
				out.set(r.file, entry);
			}
			log(`eval: ${Math.min(todo.length, i + BATCH)} of ${todo.length} photos done\n`);
		}
	}
	return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const dirs = process.argv.slice(2);
	const files = dirs.flatMap((d) => imagesIn(resolve(d)));
	photoLandmarks(files).then(
		(m) => console.log(`${m.size} photos have landmarks cached`),
		(e) => {
			console.error(e);
			process.exit(1);
		}
	);
}
