import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complementarySuppression } from '../../../src/main/engine/confidentiality/complementarySuppression';

describe('complementarySuppression (next-smallest rule)', () => {
  it('suppresses nothing when every group reaches the minimum', () => {
    expect([
      ...complementarySuppression(
        [
          { id: 'a', n: 5 },
          { id: 'b', n: 9 },
        ],
        5,
      ),
    ]).toEqual([]);
  });

  it('adds the next-smallest sibling when one is below the minimum', () => {
    const groups = [
      { id: 'a', n: 3 },
      { id: 'b', n: 12 },
      { id: 'c', n: 6 },
    ];
    expect([...complementarySuppression(groups, 5)].sort()).toEqual(['a', 'c']);
  });

  it('stops once the suppressed groups together reach the minimum', () => {
    const groups = [
      { id: 'a', n: 2 },
      { id: 'b', n: 4 },
      { id: 'c', n: 30 },
    ];
    expect([...complementarySuppression(groups, 5)].sort()).toEqual(['a', 'b']);
  });

  it('ignores empty groups, which reveal nobody', () => {
    const groups = [
      { id: 'a', n: 0 },
      { id: 'b', n: 8 },
      { id: 'c', n: 9 },
    ];
    expect([...complementarySuppression(groups, 5)]).toEqual([]);
  });

  it('never lets parent minus visible siblings isolate fewer than the minimum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 3, max: 10 }),
        (sizes, minSize) => {
          const groups = sizes.map((n, i) => ({ id: `g${i}`, n }));
          const hidden = complementarySuppression(groups, minSize);
          const hiddenTotal = groups.filter((g) => hidden.has(g.id)).reduce((s, g) => s + g.n, 0);
          // Every visible group is at least the minimum, and what subtraction reveals is either
          // nothing or a pooled group at least the minimum.
          for (const g of groups)
            if (!hidden.has(g.id) && g.n > 0) expect(g.n).toBeGreaterThanOrEqual(minSize);
          expect(
            hiddenTotal === 0 ||
              hiddenTotal >= minSize ||
              groups.every((g) => hidden.has(g.id) || g.n === 0),
          ).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
