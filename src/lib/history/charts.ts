/**
 * The history charts: Chart.js configurations built from the per-day summaries.
 *
 * Why Chart.js: well kept, MIT, installs from npm with nothing fetched at run time (no CDN, no web fonts),
 * tree-shakes (only the bar and line controllers, two scales, legend and tooltip are registered below, about
 * 60 kB minified), draws grouped/stacked bars and lines with gaps out of the box, and takes `animation: false`
 * for reduced motion. uPlot is smaller but is a time-series line plotter; its bars need hand-written path code.
 * Charts are canvases: each has an aria-label summary and a plain table beside it (see the page).
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';
import type { DailySummary } from './types';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
export type { ChartConfiguration };

export interface ChartTheme {
	text: string;
	muted: string;
	grid: string;
	upright: string;
	slouched: string;
	second: string;
	font: string;
	reducedMotion: boolean;
}

/** Colours from the page's design tokens (so dark mode follows), and the reduced-motion preference. */
export function readTheme(el: Element = document.documentElement): ChartTheme {
	const css = getComputedStyle(el);
	const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
	return {
		text: v('--text', '#1c1f1d'),
		muted: v('--muted', '#5b625d'),
		grid: v('--border', '#d5d9d3'),
		upright: v('--good', '#166534'),
		slouched: v('--warn', '#9a3412'),
		second: v('--focus', '#1d4ed8'),
		font: v('--font', 'system-ui, sans-serif'),
		reducedMotion: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
	};
}

/** Diagonal stripes: slouched bars differ from upright ones by more than colour. */
export function stripes(color: string): CanvasPattern | string {
	if (typeof document === 'undefined') return color;
	const c = document.createElement('canvas');
	c.width = c.height = 8;
	const g = c.getContext('2d');
	if (!g) return color;
	g.fillStyle = color;
	g.globalAlpha = 0.35;
	g.fillRect(0, 0, 8, 8);
	g.globalAlpha = 1;
	g.strokeStyle = color;
	g.lineWidth = 2;
	g.beginPath();
	g.moveTo(-2, 10);
	g.lineTo(10, -2);
	g.moveTo(6, 10);
	g.lineTo(10, 6);
	g.moveTo(-2, 2);
	g.lineTo(2, -2);
	g.stroke();
	return g.createPattern(c, 'repeat') ?? color;
}

/** Short day labels: weekday and date for a week, date for a month. */
export function dayLabel(d: DailySummary, days: number): string {
	const date = new Date(d.dayStart);
	return days <= 7
		? date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric' })
		: date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

function base(theme: ChartTheme, yTitle: string, opts: { max?: number; stacked?: boolean; legend?: boolean } = {}) {
	return {
		responsive: true,
		maintainAspectRatio: false,
		animation: theme.reducedMotion ? (false as const) : { duration: 300 },
		color: theme.text,
		font: { family: theme.font },
		plugins: {
			legend: { display: opts.legend ?? true, labels: { color: theme.text, usePointStyle: true, boxWidth: 10 } },
			tooltip: { enabled: true }
		},
		scales: {
			x: { stacked: opts.stacked, ticks: { color: theme.muted, autoSkip: true, maxRotation: 0 }, grid: { display: false } },
			y: {
				stacked: opts.stacked,
				beginAtZero: true,
				max: opts.max,
				title: { display: true, text: yTitle, color: theme.muted },
				ticks: { color: theme.muted, precision: 0 },
				grid: { color: theme.grid }
			}
		}
	};
}

/**
 * A bar series. In a two-series bar chart one series is striped as well as coloured, so the two stay apart
 * without colour (the stripes need a slightly heavier border to read).
 */
function barSeries(label: string, data: number[], color: string, fill: 'solid' | 'striped') {
	return fill === 'solid'
		? { label, data, backgroundColor: color, borderColor: color, borderWidth: 1 }
		: { label, data, backgroundColor: stripes(color), borderColor: color, borderWidth: 1.5 };
}

export function postureChart(days: DailySummary[], theme: ChartTheme): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: days.map((d) => dayLabel(d, days.length)),
			datasets: [
				barSeries('Upright', days.map((d) => Math.round(d.minutesUpright)), theme.upright, 'solid'),
				barSeries('Slouched (striped)', days.map((d) => Math.round(d.minutesSlouched)), theme.slouched, 'striped')
			]
		},
		options: base(theme, 'minutes')
	};
}

export function uprightChart(days: DailySummary[], theme: ChartTheme): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: days.map((d) => dayLabel(d, days.length)),
			datasets: [
				{
					label: '% upright',
					data: days.map((d) => d.percentUpright),
					borderColor: theme.upright,
					backgroundColor: theme.upright,
					pointRadius: 4,
					spanGaps: true,
					tension: 0
				}
			]
		},
		options: base(theme, '% of watched time', { max: 100, legend: false })
	};
}

export function nudgeChart(days: DailySummary[], theme: ChartTheme): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: days.map((d) => dayLabel(d, days.length)),
			datasets: [
				barSeries('Nudges', days.map((d) => d.nudges), theme.muted, 'striped'),
				barSeries('Followed by a stretch or correction', days.map((d) => d.nudgesFollowed), theme.upright, 'solid')
			]
		},
		options: base(theme, 'nudges')
	};
}

export function peakChart(days: DailySummary[], theme: ChartTheme): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: days.map((d) => dayLabel(d, days.length)),
			datasets: [
				{
					label: 'Best cobra',
					data: days.map((d) => d.bestPeakDeg.cobra ?? null),
					borderColor: theme.upright,
					backgroundColor: theme.upright,
					pointStyle: 'circle',
					pointRadius: 4,
					spanGaps: true
				},
				{
					label: 'Best back extension',
					data: days.map((d) => d.bestPeakDeg.back_extension ?? null),
					borderColor: theme.second,
					backgroundColor: theme.second,
					borderDash: [6, 4],
					pointStyle: 'triangle',
					pointRadius: 5,
					spanGaps: true
				}
			]
		},
		options: base(theme, 'degrees')
	};
}

export function holdChart(days: DailySummary[], theme: ChartTheme): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: days.map((d) => dayLabel(d, days.length)),
			datasets: [
				barSeries('Prone on elbows (sphinx)', days.map((d) => Math.round((d.holdS.sphinx ?? 0) / 6) / 10), theme.upright, 'solid'),
				barSeries('Hang (striped)', days.map((d) => Math.round((d.holdS.hang ?? 0) / 6) / 10), theme.second, 'striped')
			]
		},
		options: base(theme, 'minutes held', { stacked: true })
	};
}
