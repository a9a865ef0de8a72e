/** Small 3-D maths and a seeded random generator for the synthetic skeleton. */

export type V3 = [number, number, number];
/** Row-major 3x3 matrix. */
export type M3 = [number, number, number, number, number, number, number, number, number];

export const DEG = Math.PI / 180;

export const I3: M3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** Rotation about x by `deg`: maps +y towards +z. */
export function rotX(deg: number): M3 {
	const c = Math.cos(deg * DEG);
	const s = Math.sin(deg * DEG);
	return [1, 0, 0, 0, c, -s, 0, s, c];
}
/** Rotation about y by `deg`: maps +z towards +x. */
export function rotY(deg: number): M3 {
	const c = Math.cos(deg * DEG);
	const s = Math.sin(deg * DEG);
	return [c, 0, s, 0, 1, 0, -s, 0, c];
}
/** Rotation about z by `deg`: maps +x towards +y. */
export function rotZ(deg: number): M3 {
	const c = Math.cos(deg * DEG);
	const s = Math.sin(deg * DEG);
	return [c, -s, 0, s, c, 0, 0, 0, 1];
}

export function mul(a: M3, b: M3): M3 {
	const r = new Array(9) as M3;
	for (let i = 0; i < 3; i++)
		for (let j = 0; j < 3; j++)
			r[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
	return r;
}

export function mulAll(...ms: M3[]): M3 {
	return ms.reduce((acc, m) => mul(acc, m), I3);
}

export function apply(m: M3, v: V3): V3 {
	return [
		m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
		m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
		m[6] * v[0] + m[7] * v[1] + m[8] * v[2]
	];
}

export function transpose(m: M3): M3 {
	return [m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]];
}

export const vadd = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const vsub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const vscale = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];
export const vdot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const vlen = (a: V3): number => Math.sqrt(vdot(a, a));
export const vcross = (a: V3, b: V3): V3 => [
	a[1] * b[2] - a[2] * b[1],
	a[2] * b[0] - a[0] * b[2],
	a[0] * b[1] - a[1] * b[0]
];
export function vnorm(a: V3): V3 {
	const l = vlen(a);
	return l > 1e-12 ? vscale(a, 1 / l) : [0, 0, 0];
}

/** A seeded random source (mulberry32) with helpers; same seed, same people and poses. */
export interface Rng {
	(): number;
	uniform(lo: number, hi: number): number;
	normal(mean?: number, sd?: number): number;
	pick<T>(xs: readonly T[]): T;
	chance(p: number): boolean;
}

export function rng(seed = 1): Rng {
	let a = seed >>> 0 || 1;
	const next = (() => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}) as Rng;
	next.uniform = (lo, hi) => lo + (hi - lo) * next();
	next.normal = (mean = 0, sd = 1) => {
		const u = Math.max(next(), 1e-12);
		const v = next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	};
	next.pick = (xs) => xs[Math.floor(next() * xs.length)];
	next.chance = (p) => next() < p;
	return next;
}
