import { describe, expect, it } from 'vitest';
import {
  agreementBand,
  credibilityWeight,
  rwg,
  shrunkMean,
  varianceComponents,
  type TeamMoments,
} from '../../../src/main/engine/analytics/smallTeams/credibility';

const moments = (scores: number[]): TeamMoments => ({
  n: scores.length,
  sum: scores.reduce((a, x) => a + x, 0),
  sumSq: scores.reduce((a, x) => a + x * x, 0),
});

describe('credibility weighting (hand-checked)', () => {
  // Three teams 1-2-3, 4-5-6, 7-8-9: within-team variance 1 each; team means 2, 5, 8 vary by
  // 9 (n - 1 = 2); chance alone would give sigma2 / n = 1/3, so tau2 = 9 - 1/3.
  const c = varianceComponents([moments([1, 2, 3]), moments([4, 5, 6]), moments([7, 8, 9])])!;

  it('estimates the within- and between-team variance by the method of moments', () => {
    expect(c.sigma2).toBeCloseTo(1, 12);
    expect(c.tau2).toBeCloseTo(9 - 1 / 3, 12);
    expect(c.teams).toBe(3);
  });

  it('weighs a team by tau2 / (tau2 + sigma2 / n): more people, more of its own figure', () => {
    expect(credibilityWeight(3, c)).toBeCloseTo((9 - 1 / 3) / (9 - 1 / 3 + 1 / 3), 12);
    expect(credibilityWeight(1, c)).toBeLessThan(credibilityWeight(3, c));
    expect(credibilityWeight(1000, c)).toBeGreaterThan(0.999);
    expect(shrunkMean(8, 3, 5, c)).toBeCloseTo(5 + credibilityWeight(3, c) * 3, 12);
  });

  it('shrinks everything to the parent when teams differ no more than chance', () => {
    const same = varianceComponents([moments([1, 9]), moments([9, 1]), moments([5, 5, 1, 9])])!;
    expect(same.tau2).toBe(0);
    expect(shrunkMean(7, 2, 5, same)).toBe(5);
  });

  it('needs at least three teams of two or more', () => {
    expect(varianceComponents([moments([1, 2]), moments([3, 4]), moments([5])])).toBeNull();
  });
});

describe('within-team agreement r_wg (James, Demaree & Wolf 1984)', () => {
  it('is 1 when everyone agrees, 0 for uniform answers, 1 - s2 / 2 on a 5-point scale', () => {
    expect(rwg(0, 5)).toBe(1);
    // A uniform answer over 1..5 has variance (25 - 1) / 12 = 2.
    expect(rwg(2, 5)).toBe(0);
    expect(rwg(0.5, 5)).toBeCloseTo(0.75, 12);
    // More spread than uniform (a split team) is no agreement, not a negative one.
    expect(rwg(4, 5)).toBe(0);
    // 7 options: (49 - 1) / 12 = 4.
    expect(rwg(1, 7)).toBeCloseTo(0.75, 12);
  });

  it('is told in LeBreton & Senter (2008) bands', () => {
    expect([0.95, 0.8, 0.6, 0.4, 0.1].map(agreementBand)).toEqual([
      'very strong',
      'strong',
      'moderate',
      'weak',
      'lack of agreement',
    ]);
  });
});
