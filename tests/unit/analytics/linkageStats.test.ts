import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  correlate,
  fisherInterval,
  leastSquares,
  minDetectableR,
  normalCdf,
  normalQuantile,
  pearson,
  spearman,
  unitsNeeded,
} from '../../../src/main/engine/analytics/linkage/stats';
import { formatR } from '../../../src/main/engine/analytics/linkage/analysis';
import { inverseNormalCdf } from '../../../src/main/engine/sample/stats';

// Anscombe (1973): four sets with the same mean, variance, r (0.816) and line (y = 3.00 + 0.500 x).
const x123 = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const anscombe: [number[], number[]][] = [
  [x123, [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]],
  [x123, [9.14, 8.14, 8.74, 8.77, 9.26, 8.1, 6.13, 3.1, 9.13, 7.26, 4.74]],
  [x123, [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73]],
  [
    [8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8],
    [6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.5, 5.56, 7.91, 6.89],
  ],
];

/** Spearman the slow way: ranks by counting, then r from sums (a second implementation). */
function bruteSpearman(xs: number[], ys: number[]): number | null {
  const rank = (v: number[]) =>
    v.map((a) => 1 + v.filter((b) => b < a).length + (v.filter((b) => b === a).length - 1) / 2);
  const rx = rank(xs);
  const ry = rank(ys);
  const n = xs.length;
  const sx = rx.reduce((a, b) => a + b, 0);
  const sy = ry.reduce((a, b) => a + b, 0);
  const sxy = rx.reduce((a, b, i) => a + b * ry[i]!, 0);
  const sxx = rx.reduce((a, b) => a + b * b, 0);
  const syy = ry.reduce((a, b) => a + b * b, 0);
  const den = Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  return den === 0 ? null : (n * sxy - sx * sy) / den;
}

describe('linkage statistics: published worked examples', () => {
  it.each(anscombe.map((set, i) => [i + 1, set] as const))(
    "Anscombe's set %i: r = 0.816, y = 3.00 + 0.500 x",
    (_, [xs, ys]) => {
      // Published to three places: 0.816 for each set (set 4 is 0.8165).
      expect(Math.abs(pearson(xs, ys)! - 0.816)).toBeLessThan(0.001);
      const fit = leastSquares(xs, ys)!;
      expect(fit.slope).toBeCloseTo(0.5, 3);
      expect(fit.intercept).toBeCloseTo(3.0, 2);
    },
  );

  it("flags Anscombe set 3's off-line point (13, 12.74) as the only outlier", () => {
    const [xs, ys] = anscombe[2]!;
    const fit = leastSquares(xs, ys)!;
    const flagged = fit.studentised
      .map((t, i) => (Math.abs(t) > 2.5 ? i : -1))
      .filter((i) => i >= 0);
    expect(flagged).toEqual([2]);
  });

  it('Spearman: IQ against hours of TV (Wikipedia worked example, rho = -29/165)', () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 10);
  });

  it('average ranks share tied places', () => {
    expect(averageRanks([10, 20, 20, 30, 20])).toEqual([1, 3, 3, 5, 3]);
  });

  it('Fisher interval for r = .30 with 30 units is about -.07 to +.60 (DOMAIN.md)', () => {
    const [low, high] = fisherInterval(0.3, 30)!;
    expect(low).toBeCloseTo(-0.068, 3);
    expect(high).toBeCloseTo(0.596, 3);
    expect(formatR(low)).toBe('-.07');
    expect(formatR(high)).toBe('.60');
  });

  it('smallest detectable r: about .30 with 85 units, about .50 with 30; 85 needed for .30, 30 for .50', () => {
    expect(minDetectableR(85)!).toBeCloseTo(0.3, 2);
    expect(Math.abs(minDetectableR(30)! - 0.5)).toBeLessThan(0.02);
    expect(unitsNeeded(0.3)).toBe(85);
    expect(unitsNeeded(0.5)).toBe(30);
    expect(minDetectableR(3)).toBeNull();
  });

  it('normal quantile (stdlib) matches published values and a second implementation (Acklam)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12);
    expect(normalQuantile(0.5)).toBe(0);
    // R's qnorm(1e-10) = -6.361341 (as R prints it; AS241 gives -6.3613409024).
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361341, 6);
    for (let p = 0.0005; p < 1; p += 0.0131) {
      expect(Math.abs(normalQuantile(p) - inverseNormalCdf(p))).toBeLessThan(1e-8);
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    }
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('degenerate input gives null, not NaN', () => {
    expect(pearson([1, 2], [3, 4])).toBeNull();
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(correlate([1, 2, 3], [5, 5, 5])).toMatchObject({ r: null, ciLow: null, n: 3 });
  });
});

describe('average ranks on large inputs (counting on the 0.01 grid, or sorting)', () => {
  // By definition: rank = 1 + (values below) + (ties - 1) / 2.
  const naive = (xs: number[]) =>
    xs.map((v) => {
      const below = xs.filter((w) => w < v).length;
      const ties = xs.filter((w) => w === v).length;
      return below + (ties + 1) / 2;
    });
  it('equals the definition for figures rounded to 2 decimals, with many ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 64, maxLength: 300 }),
        (ints) => {
          const xs = ints.map((i) => Math.round(i / 7) / 100);
          expect(averageRanks(xs)).toEqual(naive(xs));
        },
      ),
    );
  });
  it('equals the definition for values off the grid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
          minLength: 64,
          maxLength: 200,
        }),
        (xs) => {
          expect(averageRanks(xs)).toEqual(naive(xs));
        },
      ),
    );
  });
});

describe('linkage statistics: properties', () => {
  // Values with a resolution (no subnormal doubles, whose squares underflow to 0).
  const value = fc.integer({ min: -100_000, max: 100_000 }).map((i) => i / 97);
  const pairs = fc.array(fc.tuple(value, value), { minLength: 5, maxLength: 60 }).filter(
    (ps) =>
      pearson(
        ps.map((p) => p[0]),
        ps.map((p) => p[1]),
      ) !== null,
  );

  it('r lies in [-1, 1], its interval contains it, and swapping x and y changes nothing', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const xs = ps.map((p) => p[0]);
        const ys = ps.map((p) => p[1]);
        const c = correlate(xs, ys);
        expect(c.r!).toBeGreaterThanOrEqual(-1);
        expect(c.r!).toBeLessThanOrEqual(1);
        expect(c.ciLow!).toBeLessThanOrEqual(c.r!);
        expect(c.ciHigh!).toBeGreaterThanOrEqual(c.r!);
        expect(pearson(ys, xs)!).toBeCloseTo(c.r!, 10);
        expect(spearman(ys, xs)!).toBeCloseTo(c.spearman!, 10);
      }),
    );
  });

  it('r is unchanged by rescaling either side (sign flips with a negative factor)', () => {
    fc.assert(
      fc.property(
        pairs,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (ps, a, b) => {
          const xs = ps.map((p) => p[0]);
          const ys = ps.map((p) => p[1]);
          const r = pearson(xs, ys)!;
          expect(
            pearson(
              xs.map((x) => a * x + b),
              ys,
            )!,
          ).toBeCloseTo(r, 6);
          expect(
            pearson(
              xs,
              ys.map((y) => -a * y + b),
            )!,
          ).toBeCloseTo(-r, 6);
        },
      ),
    );
  });

  it('Spearman with ties equals a brute-force implementation', () => {
    const small = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(small, small), { minLength: 3, maxLength: 40 }), (ps) => {
        const xs = ps.map((p) => p[0]);
        const ys = ps.map((p) => p[1]);
        const expected = bruteSpearman(xs, ys);
        const actual = spearman(xs, ys);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual!).toBeCloseTo(expected, 10);
      }),
    );
  });
});
