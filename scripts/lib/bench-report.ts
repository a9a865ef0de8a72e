/**
 * The bench's output: the summary table (key, value, target, pass/miss), the per-model inference table, the
 * calibration table, and README's "Latest benchmark" section (between its bench markers).
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** The parts of `npm run bench`, in the order they run (each can be run alone: `npm run bench -- soak`). */
export const PHASES = ['node', 'models', 'delegates', 'throughput', 'watch', 'latency', 'start', 'video', 'soak'] as const;
export type Phase = (typeof PHASES)[number];

/** A phase that threw: the run goes on, the failure is kept beside the figures. */
export interface PhaseFailure {
	phase: Phase;
	error: string;
	/** Minutes into the run when it failed. */
	atMin: number;
	stack?: string;
}

export interface Target {
	key: string;
	/** The phase that measures it. */
	phase: Phase;
	label: string;
	unit: string;
	/** Pass when value `op` limit; no limit = reported, not judged. */
	op?: '>=' | '<=' | '<' | '==';
	limit?: number;
	digits?: number;
}

export const TARGETS: Target[] = [
	{ key: 'raw_fps', phase: 'throughput', label: 'lite in the worker, nothing downstream', unit: 'fps', digits: 1 },
	{ key: 'pipeline_fps', phase: 'throughput', label: 'whole pipeline, workout page', unit: 'fps', digits: 1 },
	{ key: 'pipeline_ratio', phase: 'throughput', label: 'pipeline / raw', unit: '', op: '>=', limit: 0.95, digits: 3 },
	{ key: 'long_tasks_pipeline', phase: 'throughput', label: 'main-thread tasks > 50 ms, workout page', unit: '/min', op: '==', limit: 0, digits: 1 },
	{ key: 'long_tasks_main_thread_baseline', phase: 'throughput', label: 'same, MediaPipe sample on the main thread', unit: '/min', digits: 1 },
	{ key: 'watch_cpu_ratio', phase: 'watch', label: 'CPU/min desk watch over full rate, a still person', unit: '', op: '<=', limit: 0.1, digits: 3 },
	{ key: 'watch_cpu_nobody_ratio', phase: 'watch', label: 'same, nobody in front of the camera', unit: '', op: '<=', limit: 0.1, digits: 3 },
	{ key: 'watch_camera_floor_ratio', phase: 'watch', label: 'a page holding the camera and doing nothing, over full rate: the floor under the two above', unit: '', digits: 3 },
	{ key: 'watch_own_cpu_ratio', phase: 'watch', label: 'the desk watch\'s own CPU above that floor, over full rate\'s above it, a still person', unit: '', digits: 3 },
	{ key: 'watch_detect_latency_s', phase: 'latency', label: 'slouch onset to pending `slouched`, desk watch', unit: 's', op: '<=', limit: 2, digits: 2 },
	{ key: 'cold_start_ms', phase: 'start', label: 'page open to first landmarks, new profile', unit: 'ms', digits: 0 },
	{ key: 'warm_start_ms', phase: 'start', label: 'same, second visit (service worker)', unit: 'ms', op: '<', limit: 2000, digits: 0 },
	{ key: 'warm_start_after_reading_ms', phase: 'start', label: 'Start pressed to first landmarks, return visit, pressed 5 s after the page opened', unit: 'ms', digits: 0 },
	{ key: 'video_analysis_speed', phase: 'video', label: 's of video analysed per s, `analyze` at its default rate (the video\'s own, every frame), lite (H.264 720p 30 fps)', unit: '×', digits: 2 },
	{ key: 'video_analysis_speed_app_rate', phase: 'video', label: 'same at 15 samples/s (the app\'s rate for a recording)', unit: '×', digits: 2 },
	{ key: 'soak_heap_growth_pct', phase: 'soak', label: 'JS heap after GC, page + worker, first sample to end', unit: '%', op: '<', limit: 5, digits: 1 },
	{ key: 'soak_max_stall_ms', phase: 'soak', label: 'longest gap between results in the soak', unit: 'ms', op: '<', limit: 1000, digits: 0 },
	{ key: 'classify_us_per_frame', phase: 'node', label: 'posture pipeline + coach per frame, Node', unit: 'µs', digits: 1 },
	{ key: 'desk_classify_us_per_frame', phase: 'node', label: 'still classifier with the desk slouch network, head and shoulders, Node', unit: 'µs', op: '<', limit: 200, digits: 1 }
];

export function round(v: number | null | undefined, digits = 1): number | null {
	if (v === null || v === undefined || !Number.isFinite(v)) return null;
	return Math.round(v * 10 ** digits) / 10 ** digits;
}

export function verdict(t: Target, v: number | null): string {
	if (t.op === undefined || t.limit === undefined) return '';
	if (v === null) return 'not measured';
	const ok = t.op === '>=' ? v >= t.limit : t.op === '<=' ? v <= t.limit : t.op === '<' ? v < t.limit : v === t.limit;
	return ok ? 'pass' : 'MISS';
}

const fmt = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits));

/** The summary table: every figure measured, and a FAILED row for each figure of a phase that failed. */
export function summaryTable(values: Record<string, number | null>, failures: readonly PhaseFailure[] = []): string[] {
	const lines = ['| key | value | target | | what |', '|---|---|---|---|---|'];
	for (const t of TARGETS) {
		const failed = failures.find((f) => f.phase === t.phase);
		if (!(t.key in values) && !failed) continue;
		const v = values[t.key] ?? null;
		const target = t.op && t.limit !== undefined ? `${t.op.replace('==', '=')} ${t.limit}` : '';
		const judged = t.key in values ? verdict(t, v) : `FAILED (${t.phase})`;
		lines.push(`| \`${t.key}\` | ${fmt(v, t.digits)}${t.unit && v !== null ? ` ${t.unit}` : ''} | ${target} | ${judged} | ${t.label} |`);
	}
	return lines;
}

/** One line per failed phase, for under the table. */
export function failureLines(failures: readonly PhaseFailure[]): string[] {
	return failures.map((f) => `- **Phase \`${f.phase}\` failed** after ${f.atMin.toFixed(1)} min, its figures are missing: ${f.error.split('\n')[0].replaceAll('|', '\\|')}`);
}

/** Replaces README's bench section (between the markers, or the placeholder line the first time). */
export function updateReadme(path: string, body: string): boolean {
	const start = '<!-- bench:start (npm run bench writes this part) -->';
	const end = '<!-- bench:end -->';
	const text = readFileSync(path, 'utf8');
	const block = `${start}\n${body.trim()}\n${end}`;
	let next: string;
	const a = text.indexOf(start);
	const b = text.indexOf(end);
	if (a >= 0 && b > a) next = text.slice(0, a) + block + text.slice(b + end.length);
	else if (text.includes('BENCH_TABLE_PLACEHOLDER')) next = text.replace(/^.*BENCH_TABLE_PLACEHOLDER.*$/m, block);
	else return false;
	writeFileSync(path, next);
	return true;
}
