/**
 * Real CPU time of the Chromium this process launched: utime + stime from /proc/<pid>/stat of every Chromium
 * process descended from this Node process (Playwright spawns the browser as our child; its zygotes, renderers, GPU,
 * network and storage processes hang under it). Linux only. Also the resident memory of the same processes.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let clkTck = 0;
function ticksPerSecond(): number {
	if (!clkTck) {
		try {
			clkTck = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
		} catch {
			clkTck = 100;
		}
	}
	return clkTck;
}

interface ProcStat {
	pid: number;
	ppid: number;
	comm: string;
	/** utime + stime, clock ticks. */
	ticks: number;
	rssPages: number;
}

function readStat(pid: number): ProcStat | null {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name is in parentheses and may itself hold spaces or parentheses: split after the last ')'.
		const close = text.lastIndexOf(')');
		const comm = text.slice(text.indexOf('(') + 1, close);
		const f = text.slice(close + 2).split(' ');
		// Fields from 3 (state) on: ppid is field 4, utime 14, stime 15, rss 24 (1-based, man 5 proc).
		return { pid, ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]), rssPages: Number(f[21]) };
	} catch {
		return null; // exited meanwhile
	}
}

/** Every live process under `root` (not `root` itself). */
export function descendants(root = process.pid): ProcStat[] {
	const all = readdirSync('/proc')
		.filter((n) => /^\d+$/.test(n))
		.map((n) => readStat(Number(n)))
		.filter((s): s is ProcStat => s !== null);
	const children = new Map<number, ProcStat[]>();
	for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
	const out: ProcStat[] = [];
	const stack = [root];
	while (stack.length) {
		for (const c of children.get(stack.pop()!) ?? []) {
			out.push(c);
			stack.push(c.pid);
		}
	}
	return out;
}

export interface CpuSnapshot {
	at: number;
	ticks: Map<number, number>;
}

/** Chromium's processes under `root` (tsx's esbuild service is our child too, and not counted). */
export function cpuSnapshot(root = process.pid): CpuSnapshot {
	return { at: performance.now(), ticks: new Map(descendants(root).filter((s) => /^chrom/i.test(s.comm)).map((s) => [s.pid, s.ticks])) };
}

/**
 * CPU seconds used between two snapshots by the processes alive at the second one (a process started in
 * between counts from zero). Keep the measured page open until the second snapshot: time of a process that
 * exited in between is lost.
 */
export function cpuSecondsBetween(a: CpuSnapshot, b: CpuSnapshot): { cpuS: number; wallS: number; processes: number; byType: Record<string, number> } {
	let ticks = 0;
	const byType: Record<string, number> = {};
	for (const [pid, t] of b.ticks) {
		const d = t - (a.ticks.get(pid) ?? 0);
		ticks += d;
		const type = processType(pid);
		byType[type] = (byType[type] ?? 0) + d / ticksPerSecond();
	}
	return { cpuS: ticks / ticksPerSecond(), wallS: (b.at - a.at) / 1000, processes: b.ticks.size, byType };
}

/** Chromium's process type (--type=renderer, gpu-process, utility, zygote; none for the browser process). */
function processType(pid: number): string {
	try {
		// Processes forked from the zygote rewrite their command line as one string with spaces.
		const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		const args = (raw.includes('\0') && raw.indexOf('\0') < raw.length - 1 ? raw.split('\0') : raw.split(' ')).filter(Boolean);
		const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
		if (type === 'utility') return `utility:${args.find((a) => a.startsWith('--utility-sub-type='))?.split('.').pop() ?? '?'}`;
		return type ?? 'browser';
	} catch {
		return 'exited';
	}
}

/** Resident memory of every process under `root`, MiB (shared pages counted in each process). */
export function residentMiB(root = process.pid): number {
	const pageBytes = 4096;
	return (descendants(root).filter((s) => /^chrom/i.test(s.comm)).reduce((s, p) => s + p.rssPages, 0) * pageBytes) / 2 ** 20;
}

export interface LoadSnapshot {
	at: number;
	/** The whole machine's busy ticks (/proc/stat: every CPU's time not idle or waiting for I/O). */
	machineTicks: number;
	/** This Node process, µs. */
	selfUs: number;
	chromium: CpuSnapshot;
}

export function loadSnapshot(): LoadSnapshot {
	const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
	// user nice system idle iowait irq softirq steal (guest time is already inside user)
	const machineTicks = f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0);
	const self = process.cpuUsage();
	return { at: performance.now(), machineTicks, selfUs: self.user + self.system, chromium: cpuSnapshot() };
}

/** Cores kept busy between two snapshots by this Chromium, and by everything else on the machine. */
export function loadBetween(a: LoadSnapshot, b: LoadSnapshot): { chromiumCores: number; otherCores: number } {
	const wallS = (b.at - a.at) / 1000;
	const machineS = (b.machineTicks - a.machineTicks) / ticksPerSecond();
	const chromiumS = cpuSecondsBetween(a.chromium, b.chromium).cpuS;
	const selfS = (b.selfUs - a.selfUs) / 1e6;
	return { chromiumCores: chromiumS / wallS, otherCores: Math.max(0, machineS - chromiumS - selfS) / wallS };
}

/** CPU ticks of every thread of this Chromium, keyed `process type/thread name` (several threads may share a key). */
export interface ThreadSnapshot {
	at: number;
	ticks: Map<string, number>;
}

/** Threads' names as Chromium sets them (CrRendererMain, DedicatedWorker thread, VizCompositorThread, …), numbered ones folded. */
function threadKey(type: string, comm: string): string {
	return `${type}/${comm.replace(/[0-9]+$/, '#').trim()}`;
}

export function threadSnapshot(root = process.pid): ThreadSnapshot {
	const ticks = new Map<string, number>();
	for (const proc of descendants(root).filter((s) => /^chrom/i.test(s.comm))) {
		const type = processType(proc.pid);
		let tids: string[] = [];
		try {
			tids = readdirSync(`/proc/${proc.pid}/task`);
		} catch {
			continue;
		}
		for (const tid of tids) {
			try {
				const text = readFileSync(`/proc/${proc.pid}/task/${tid}/stat`, 'utf8');
				const close = text.lastIndexOf(')');
				const comm = text.slice(text.indexOf('(') + 1, close);
				const f = text.slice(close + 2).split(' ');
				// Per thread (and per pid+tid, so a thread that ended and one that started do not cancel out).
				const key = `${threadKey(type, comm)}\u0000${proc.pid}/${tid}`;
				ticks.set(key, Number(f[11]) + Number(f[12]));
			} catch {
				/* ended meanwhile */
			}
		}
	}
	return { at: performance.now(), ticks };
}

/** Cores each kind of thread kept busy between two snapshots, busiest first (threads under 0.005 cores left out). */
export function threadCoresBetween(a: ThreadSnapshot, b: ThreadSnapshot): Array<[string, number]> {
	const wallS = (b.at - a.at) / 1000;
	const byKey = new Map<string, number>();
	for (const [key, t] of b.ticks) {
		const name = key.split('\u0000')[0];
		byKey.set(name, (byKey.get(name) ?? 0) + (t - (a.ticks.get(key) ?? 0)) / ticksPerSecond() / wallS);
	}
	return [...byKey].filter(([, c]) => c >= 0.005).sort((x, y) => y[1] - x[1]).map(([k, c]) => [k, Math.round(c * 1000) / 1000]);
}

/** Chromium's threads in the groups the bench reports (first match wins). */
const THREAD_GROUPS: Array<[string, RegExp]> = [
	['pose worker', /^renderer\/DedicatedWorker/],
	// Chromium leaves the main thread's name as the program's (renaming it would rename the process).
	['page main thread', /^renderer\/chromium$/],
	['page compositor', /^renderer\/(Compositor|VideoFrameCompo)/],
	['renderer other', /^renderer\//],
	['GPU process', /^gpu-process\//],
	['camera capture', /^utility:VideoCaptureService\//],
	['browser and others', /./]
];

/** Cores per group of threads (see THREAD_GROUPS). */
export function groupThreadCores(threads: ReadonlyArray<readonly [string, number]>): Record<string, number> {
	const out: Record<string, number> = Object.fromEntries(THREAD_GROUPS.map(([g]) => [g, 0]));
	for (const [name, cores] of threads) {
		const group = THREAD_GROUPS.find(([, re]) => re.test(name))![0];
		out[group] = Math.round((out[group] + cores) * 1000) / 1000;
	}
	return out;
}
