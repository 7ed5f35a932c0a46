import { describe, expect, it } from 'vitest';
import { Random, WeightedIndex } from '../../../src/main/engine/sample/random';
import { categoryOf, inverseNormalCdf, pearson } from '../../../src/main/engine/sample/stats';

const draws = (random: Random, count: number, draw: (random: Random) => number) =>
  Array.from({ length: count }, () => draw(random));
const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
const sd = (xs: number[]) => {
  const centre = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - centre) ** 2)));
};

describe('Random', () => {
  it('repeats a sequence for the same seed and stream, and not for another seed or stream', () => {
    const sequence = (seed: number, stream: string) =>
      draws(new Random(seed, stream), 20, (r) => r.float());
    expect(sequence(1, 'a')).toEqual(sequence(1, 'a'));
    expect(sequence(1, 'a')).not.toEqual(sequence(2, 'a'));
    expect(sequence(1, 'a')).not.toEqual(sequence(1, 'b'));
  });

  it('draws uniform floats in [0, 1) and integers within inclusive bounds', () => {
    const random = new Random(7, 'uniform');
    const floats = draws(random, 50_000, (r) => r.float());
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(mean(floats)).toBeCloseTo(0.5, 2);
    const ints = new Set(draws(random, 5_000, (r) => r.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws normals with the requested mean and spread', () => {
    const values = draws(new Random(7, 'normal'), 50_000, (r) => r.normal(10, 2));
    expect(mean(values)).toBeCloseTo(10, 1);
    expect(sd(values)).toBeCloseTo(2, 1);
  });

  it('draws Poisson counts with mean and variance lambda, small and large', () => {
    for (const lambda of [0.4, 3, 80]) {
      const values = draws(new Random(7, `poisson-${lambda}`), 40_000, (r) => r.poisson(lambda));
      expect(mean(values) / lambda).toBeCloseTo(1, 1);
      expect(sd(values) ** 2 / lambda).toBeCloseTo(1, 1);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    }
  });

  it('shuffles into a permutation and picks weighted items in proportion', () => {
    const random = new Random(7, 'shuffle');
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = random.shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    const table = new WeightedIndex([1, 0, 3]);
    const picks = draws(random, 40_000, (r) => table.draw(r));
    expect(picks.filter((pick) => pick === 1)).toHaveLength(0);
    expect(picks.filter((pick) => pick === 2).length / picks.length).toBeCloseTo(0.75, 1);
  });
});

describe('stats', () => {
  it('computes Pearson r', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 10);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 10);
    expect(pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 10);
    expect(pearson([1, 2], [1, 2])).toBeNaN();
  });

  it('inverts the normal CDF', () => {
    expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 8);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormalCdf(0.01)).toBeCloseTo(-2.326348, 5);
    expect(() => inverseNormalCdf(1)).toThrow();
  });

  it('cuts a latent value into ordinal categories', () => {
    const cuts = [-1, 0, 1];
    expect([-2, -0.5, 0.5, 2].map((value) => categoryOf(value, cuts))).toEqual([0, 1, 2, 3]);
  });
});
