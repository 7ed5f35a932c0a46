/**
 * The statistics behind the linkage chart, on small arrays in plain JS: Pearson and Spearman r,
 * the Fisher-z interval, the smallest detectable r, least squares and outliers.
 */

/** Standard normal quantile (Wichura 1988, AS241 PPND16; relative error about 1e-16). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability out of (0, 1): ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r +
          45921.95393154987) *
          r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((5226.495278852546 * r + 28729.085735721943) * r + 39307.89580009271) * r +
        21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.0103343992922881e-7 * r + 2.7115555687434876e-5) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 1.8463183175100548e-5) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** Standard normal CDF via erfc (Numerical Recipes erfcc, |relative error| < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
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
  const order = Uint32Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank;
    start = end + 1;
  }
  return ranks;
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
