import stdNormalCdf from '@stdlib/stats-base-dists-normal-cdf';
import stdNormalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * The statistics behind the linkage chart, on small arrays in plain JS: Pearson and Spearman r,
 * the Fisher-z interval, the smallest detectable r, least squares and outliers. Distributions
 * come from stdlib (a maintained numerical library), not from hand-written approximations.
 */

/** Standard normal quantile (stdlib: the maintained implementation, double precision). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability out of (0, 1): ${p}`);
  return stdNormalQuantile(p, 0, 1);
}

/** Standard normal CDF (stdlib). */
export function normalCdf(x: number): number {
  return stdNormalCdf(x, 0, 1);
}

const Z_975 = normalQuantile(0.975);
const Z_80 = normalQuantile(0.8);

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Pearson r; null with fewer than 3 pairs or no spread on either side. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError('x and y differ in length');
  if (n < 3) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= 0 || syy <= 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** Ranks 1..n, ties sharing the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  return onCentGrid(values) ? countedRanks(values) : sortedRanks(values);
}

/** Figures are rounded to 2 decimals before they leave the engine: then ranks need no sort. */
const GRID = 100;
const MAX_CELLS = 2_000_000;

function onCentGrid(values: readonly number[]): boolean {
  if (values.length < 64) return false;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    // On the grid exactly: the value is what rounding to 2 decimals gives (as the engine rounds).
    const k = Math.round(v * GRID);
    if (k / GRID !== v) return false;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  return hi - lo < MAX_CELLS;
}

/** Counting sort on the 0.01 grid: O(n + range), exact for values on the grid. */
function countedRanks(values: readonly number[]): number[] {
  const keys = values.map((v) => Math.round(v * GRID));
  let lo = Infinity;
  for (const k of keys) if (k < lo) lo = k;
  let hi = -Infinity;
  for (const k of keys) if (k > hi) hi = k;
  const counts = new Uint32Array(hi - lo + 1);
  for (const k of keys) counts[k - lo]!++;
  // Average rank of each cell: the ranks it spans are (before + 1) .. (before + count).
  const rankOf = new Float64Array(counts.length);
  let before = 0;
  for (let c = 0; c < counts.length; c++) {
    const n = counts[c]!;
    if (n > 0) rankOf[c] = before + (n + 1) / 2;
    before += n;
  }
  return keys.map((k) => rankOf[k - lo]!);
}

/** The general case: a native numeric sort, then each distinct value's average rank. */
function sortedRanks(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const rankOf = new Map<number, number>();
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[start]) end++;
    rankOf.set(sorted[start]!, (start + end) / 2 + 1);
    start = end + 1;
  }
  return values.map((v) => rankOf.get(v)!);
}

/** Spearman's rho: Pearson r of the average ranks (correct with ties). */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  return pearson(averageRanks(xs), averageRanks(ys));
}

/** 95% interval for r by Fisher's z: tanh(atanh(r) -/+ 1.96 / sqrt(n - 3)). Needs n > 3. */
export function fisherInterval(r: number, n: number, level = 0.95): [number, number] | null {
  if (n <= 3 || !Number.isFinite(r)) return null;
  const clamped = Math.max(-0.9999999, Math.min(0.9999999, r));
  const z = Math.atanh(clamped);
  const half = normalQuantile(1 - (1 - level) / 2) / Math.sqrt(n - 3);
  return [Math.min(r, Math.tanh(z - half)), Math.max(r, Math.tanh(z + half))];
}

/** Two-sided p for r = 0 from Fisher's z (normal approximation). */
export function fisherP(r: number, n: number): number | null {
  if (n <= 3) return null;
  const z = Math.atanh(Math.max(-0.9999999, Math.min(0.9999999, r))) * Math.sqrt(n - 3);
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}

/** Smallest |r| detected with 80% power at two-sided alpha .05: tanh((z.975 + z.80) / sqrt(n - 3)). */
export function minDetectableR(n: number): number | null {
  if (n <= 3) return null;
  return Math.tanh((Z_975 + Z_80) / Math.sqrt(n - 3));
}

/** Points needed to detect |r| with 80% power at two-sided alpha .05: ((z.975 + z.80) / atanh r)^2 + 3. */
export function unitsNeeded(r: number): number {
  return Math.ceil(((Z_975 + Z_80) / Math.atanh(Math.abs(r))) ** 2 + 3);
}

export interface LineFit {
  slope: number;
  intercept: number;
  /** Internally studentised residual per point: e_i / (s * sqrt(1 - h_i)). */
  studentised: number[];
}

/** Ordinary least squares y = intercept + slope * x; null with fewer than 3 points or no x spread. */
export function leastSquares(xs: readonly number[], ys: readonly number[]): LineFit | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
  }
  if (sxx <= 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const residuals = xs.map((x, i) => ys[i]! - intercept - slope * x);
  const s = Math.sqrt(residuals.reduce((a, e) => a + e * e, 0) / (n - 2));
  const studentised = residuals.map((e, i) => {
    const h = 1 / n + (xs[i]! - mx) ** 2 / sxx;
    return s > 0 && h < 1 ? e / (s * Math.sqrt(1 - h)) : 0;
  });
  return { slope, intercept, studentised };
}

/** A point is an outlier when its studentised residual from the line exceeds this. */
export const OUTLIER_STUDENTISED = 2.5;

export interface Correlation {
  r: number | null;
  spearman: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  p: number | null;
  n: number;
  minDetectableR: number | null;
}

/**
 * r with its interval. `lostDf` is the degrees of freedom already spent (one per group mean
 * removed, less the one the grand mean would take): the interval then uses n - lostDf.
 */
export function correlate(xs: readonly number[], ys: readonly number[], lostDf = 0): Correlation {
  const n = xs.length;
  const effective = n - lostDf;
  const r = pearson(xs, ys);
  const ci = r === null ? null : fisherInterval(r, effective);
  return {
    r,
    spearman: spearman(xs, ys),
    ciLow: ci?.[0] ?? null,
    ciHigh: ci?.[1] ?? null,
    p: r === null ? null : fisherP(r, effective),
    n,
    minDetectableR: minDetectableR(effective),
  };
}
