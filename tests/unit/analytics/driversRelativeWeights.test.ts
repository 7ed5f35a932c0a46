import { describe, expect, it } from 'vitest';
import { relativeWeights } from '../../../src/main/engine/analytics/drivers/relativeWeights';
import { seeded } from './driversTestKit';

// Relative weights (Johnson 2000) checked against what they must equal, computed another way:
// their sum is the R² of the least-squares fit (solved here by Gauss elimination); with
// uncorrelated drivers each weight is the squared r; and Johnson showed them within a few
// thousandths of general dominance weights (mean incremental R² over all subsets), computed here
// by brute force.

/** Solves A x = b by Gauss elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    const p = m.reduce(
      (best, row, i) => (i >= c && Math.abs(row[c]!) > Math.abs(m[best]![c]!) ? i : best),
      c,
    );
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/** R² of the outcome on a subset of drivers, from correlations: r' R^-1 r. */
function rSquared(rxx: number[][], rxy: number[], subset: number[]): number {
  if (subset.length === 0) return 0;
  const a = subset.map((i) => subset.map((j) => rxx[i]![j]!));
  const b = subset.map((i) => rxy[i]!);
  const beta = solve(a, b);
  return beta.reduce((s, v, k) => s + v * b[k]!, 0);
}

/** General dominance weights: each driver's incremental R², averaged within and then across subset sizes. */
function dominance(rxx: number[][], rxy: number[]): number[] {
  const k = rxy.length;
  return rxy.map((_, j) => {
    const others = [...Array(k).keys()].filter((i) => i !== j);
    const bySize = new Map<number, number[]>();
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const subset = others.filter((_, b) => mask & (1 << b));
      const gain = rSquared(rxx, rxy, [...subset, j]) - rSquared(rxx, rxy, subset);
      bySize.set(subset.length, [...(bySize.get(subset.length) ?? []), gain]);
    }
    const means = [...bySize.values()].map((g) => g.reduce((a, b) => a + b, 0) / g.length);
    return means.reduce((a, b) => a + b, 0) / means.length;
  });
}

/** A correlation matrix from data, so that it is positive definite as a real one is. */
function correlations(rows: number[][]): number[][] {
  const k = rows[0]!.length;
  const mean = [...Array(k).keys()].map((j) => rows.reduce((s, r) => s + r[j]!, 0) / rows.length);
  const cov = (a: number, b: number) =>
    rows.reduce((s, r) => s + (r[a]! - mean[a]!) * (r[b]! - mean[b]!), 0);
  return [...Array(k).keys()].map((a) =>
    [...Array(k).keys()].map((b) => cov(a, b) / Math.sqrt(cov(a, a) * cov(b, b))),
  );
}

describe('relative weights', () => {
  // Four correlated drivers and an outcome, from a fixed pseudo-random sample.
  const { normal } = seeded(7);
  const rows = Array.from({ length: 400 }, () => {
    const g = normal();
    const x = [0.8, 0.6, 0.5, 0.2].map((load) => load * g + normal());
    return [...x, 0.5 * x[0]! + 0.3 * x[2]! + 0.2 * g + normal()];
  });
  const all = correlations(rows);
  const rxx = all.slice(0, 4).map((r) => r.slice(0, 4));
  const rxy = all.slice(0, 4).map((r) => r[4]!);

  it('add up to the R² of the least-squares fit on all drivers', () => {
    const weights = relativeWeights(rxx, rxy)!;
    const r2 = rSquared(rxx, rxy, [0, 1, 2, 3]);
    expect(weights.rSquared).toBeCloseTo(r2, 10);
    expect(weights.raw.reduce((a, b) => a + b, 0)).toBeCloseTo(r2, 10);
    for (const w of weights.raw) expect(w).toBeGreaterThan(0);
  });

  it('come close to general dominance weights, computed by brute force over all subsets', () => {
    const weights = relativeWeights(rxx, rxy)!;
    const general = dominance(rxx, rxy);
    weights.raw.forEach((w, j) => expect(Math.abs(w - general[j]!)).toBeLessThan(0.005));
    // Same order of importance.
    const order = (v: number[]) => [...v.keys()].sort((a, b) => v[b]! - v[a]!);
    expect(order(weights.raw)).toEqual(order(general));
  });

  it('are the squared correlations when the drivers are uncorrelated', () => {
    const identity = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? 1 : 0)));
    const weights = relativeWeights(identity, [0.5, -0.3, 0.1])!;
    expect(weights.raw[0]).toBeCloseTo(0.25, 12);
    expect(weights.raw[1]).toBeCloseTo(0.09, 12);
    expect(weights.raw[2]).toBeCloseTo(0.01, 12);
  });

  it('share equally between two drivers that stand in the same relation to the outcome', () => {
    const weights = relativeWeights(
      [
        [1, 0.6],
        [0.6, 1],
      ],
      [0.4, 0.4],
    )!;
    expect(weights.raw[0]).toBeCloseTo(weights.raw[1]!, 12);
    expect(weights.rSquared).toBeCloseTo((2 * 0.4 * 0.4) / 1.6, 12);
  });

  it('refuse a matrix that is not positive definite (as pairwise deletion can produce)', () => {
    const inconsistent = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(relativeWeights(inconsistent, [0.3, 0.3, 0.3])).toBeNull();
    expect(
      relativeWeights(
        [
          [1, 1],
          [1, 1],
        ],
        [0.5, 0.5],
      ),
    ).toBeNull();
  });
});
