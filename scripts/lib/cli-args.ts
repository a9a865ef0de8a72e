/** Arguments of `npm run analyze`. Pure, so that it is tested in Node. */
import type { PoseModel } from '../../src/lib/pose/types';
import { EXERCISES, isExerciseName, type ExerciseName } from '../../src/lib/coach/types';

export interface AnalyzeArgs {
	inputs: string[];
	model: PoseModel;
	/** Each image or landmark line on its own: no smoothing, dwell or tracking across frames. */
	stills: boolean;
	/** Canonical JSONL frames of the person sitting or standing upright, to calibrate on first. */
	calibrate: string | null;
	/** Samples per second taken from videos; null = the video's own frame rate. */
	fps: number | null;
	/** Coach this exercise: reps, peaks, holds and form as event lines (null = posture only). */
	exercise: ExerciseName | null;
	help: boolean;
}

export const USAGE = `Usage: npm run analyze -- [options] <inputs...>

Inputs: images (.jpg .png .webp ...), videos (.mp4 .webm .mov .avi ...), landmark files
(canonical .jsonl, or .csv / .csv.gz with 33 x (x, y, z, visibility) columns).
Prints one JSON line per frame, then a {"summary": ...} line. Errors go to stderr, exit code 1.

Options:
  --model lite|full|heavy     pose model for images and videos (default lite)
  --stills                    classify every frame on its own (no temporal smoothing)
  --calibrate FILE            canonical JSONL frames of the person upright, to adapt to them first
  --fps N                     frames per second sampled from videos (default: the video's own)
  --exercise NAME             coach an exercise: ${EXERCISES.join('|')}; adds {"event": "rep" | "hold" | ...}
                              lines (peak angle, hold, score, faults) and the totals to the summary
  -h, --help                  this text`;

export class UsageError extends Error {}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
	const args: AnalyzeArgs = { inputs: [], model: 'lite', stills: false, calibrate: null, fps: null, exercise: null, help: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = (): string => {
			const v = argv[++i];
			if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
			return v;
		};
		switch (arg) {
			case '-h':
			case '--help':
				args.help = true;
				break;
			case '--stills':
				args.stills = true;
				break;
			case '--model': {
				const m = value();
				if (m !== 'lite' && m !== 'full' && m !== 'heavy') throw new UsageError(`--model must be lite, full or heavy, not "${m}"`);
				args.model = m;
				break;
			}
			case '--calibrate':
				args.calibrate = value();
				break;
			case '--fps': {
				const f = Number(value());
				if (!Number.isFinite(f) || f <= 0 || f > 240) throw new UsageError('--fps must be a number between 0 and 240');
				args.fps = f;
				break;
			}
			case '--exercise': {
				const e = value();
				if (!isExerciseName(e)) throw new UsageError(`--exercise must be ${EXERCISES.join(', ')}, not "${e}"`);
				args.exercise = e;
				break;
			}
			default:
				if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
				args.inputs.push(arg);
		}
	}
	if (!args.help && args.inputs.length === 0) throw new UsageError('no input files given');
	if (args.exercise && args.stills) throw new UsageError('--exercise follows a movement over time; it cannot be used with --stills');
	return args;
}

export type InputKind = 'image' | 'video' | 'landmarks';

const IMAGE = /\.(jpe?g|png|webp|gif|bmp|avif)$/i;
const VIDEO = /\.(mp4|m4v|webm|mov|mkv|avi|ogv|y4m|mpe?g|wmv|flv)$/i;
const LANDMARKS = /\.(jsonl|ndjson|json|csv|csv\.gz|jsonl\.gz)$/i;

export function inputKind(path: string): InputKind | null {
	if (IMAGE.test(path)) return 'image';
	if (VIDEO.test(path)) return 'video';
	if (LANDMARKS.test(path)) return 'landmarks';
	return null;
}
