import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureLines, summaryTable, TARGETS, updateReadme, verdict } from './bench-report';

const target = (key: string) => TARGETS.find((t) => t.key === key)!;

describe('bench report', () => {
	it('judges each figure against its target, and says when one was not measured', () => {
		expect(verdict(target('pipeline_ratio'), 0.95)).toBe('pass');
		expect(verdict(target('pipeline_ratio'), 0.94)).toBe('MISS');
		expect(verdict(target('long_tasks_pipeline'), 0)).toBe('pass');
		expect(verdict(target('long_tasks_pipeline'), 0.5)).toBe('MISS');
		expect(verdict(target('soak_max_stall_ms'), 1000)).toBe('MISS');
		expect(verdict(target('watch_cpu_ratio'), null)).toBe('not measured');
		expect(verdict(target('raw_fps'), 3)).toBe('');
	});

	it('prints only the figures it has', () => {
		const lines = summaryTable({ raw_fps: 10, pipeline_ratio: 0.97 });
		expect(lines).toHaveLength(4);
		expect(lines[3]).toContain('| `pipeline_ratio` | 0.970 | >= 0.95 | pass |');
	});

	it('keeps a failed phase beside the figures: a FAILED row for each of its figures, and the error under the table', () => {
		const failures = [{ phase: 'latency' as const, error: 'latency: the desk watch did not settle | twice\nat x', atMin: 12.34 }];
		const lines = summaryTable({ raw_fps: 10, warm_start_ms: 2100 }, failures);
		expect(lines).toHaveLength(5);
		expect(lines[3]).toContain('| `watch_detect_latency_s` | — | <= 2 | FAILED (latency) |');
		expect(lines[4]).toContain('| `warm_start_ms` | 2100 ms | < 2000 | MISS |');
		expect(failureLines(failures)).toEqual(['- **Phase `latency` failed** after 12.3 min, its figures are missing: latency: the desk watch did not settle \\| twice']);
	});

	it('replaces the placeholder line the first time and its own section after that, nothing else', () => {
		const path = join(mkdtempSync(join(tmpdir(), 'bench-report-')), 'README.md');
		writeFileSync(path, '# A\n\n### Latest benchmark\n\nBENCH_TABLE_PLACEHOLDER\n\n## Next\n');
		expect(updateReadme(path, '| a |\n')).toBe(true);
		const once = readFileSync(path, 'utf8');
		expect(once).toContain('| a |');
		expect(once).not.toContain('PLACEHOLDER');
		expect(updateReadme(path, '| b |')).toBe(true);
		const twice = readFileSync(path, 'utf8');
		expect(twice).toBe(once.replace('| a |', '| b |'));
		expect(twice.endsWith('\n\n## Next\n')).toBe(true);
		writeFileSync(path, '# nothing to replace\n');
		expect(updateReadme(path, 'x')).toBe(false);
	});
});
