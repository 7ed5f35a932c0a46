import { describe, expect, it } from 'vitest';
import type { Tally } from '../../../src/main/engine/confidentiality/alikeRemainders';
import {
  decideDimensionFigure,
  demographicReasons,
  type DimensionFigure,
} from '../../../src/main/engine/confidentiality/demographicSuppression';

// The demographic rules on their own (no workspace): which group figures each rule hides.

const t = (n: number, favourable = Math.floor(n / 2)): Tally => ({
  n,
  answered: n,
  favourable,
  detractors: 0,
  total: 0,
});

/** groups: group -> unit -> [people, favourable]; the org figure is their sum per unit. */
function figure(groups: Record<string, Record<string, [number, number?]>>): DimensionFigure {
  const out: DimensionFigure = { groups: new Map(), org: new Map() };
  for (const [g, byUnit] of Object.entries(groups)) {
    const m = new Map<string, Tally>();
    for (const [u, [n, fav]] of Object.entries(byUnit)) {
      m.set(u, t(n, fav));
      const o = out.org.get(u) ?? t(0, 0);
      out.org.set(u, {
        ...o,
        n: o.n + n,
        answered: o.answered + n,
        favourable: o.favourable + (fav ?? Math.floor(n / 2)),
      });
    }
    out.groups.set(g, m);
  }
  return out;
}

const ONE_TEAM = [{ id: 'C', parentId: null }];
const hiddenAt = (d: Map<string, Map<string, string>>, unit: string) =>
  [...d]
    .filter(([, h]) => h.has(unit))
    .map(([g]) => g)
    .sort();

describe('demographic rules', () => {
  it('(a) and (b): a small group, then the next-smallest until the hidden hold the minimum', () => {
    const d = decideDimensionFigure(
      ONE_TEAM,
      'respondents',
      figure({ a: { C: [10] }, b: { C: [8] }, c: { C: [2] } }),
      () => false,
      5,
    );
    expect(hiddenAt(d, 'C')).toEqual(['b', 'c']);
    expect(d.get('c')!.get('C')).toBe(demographicReasons.tooFew('respondents', 5));
    expect(d.get('b')!.get('C')).toBe(demographicReasons.neighbour(5));
  });

  it('(b) never one group hidden alone beside a shown unit total; all shown when all are large', () => {
    const shown = decideDimensionFigure(
      ONE_TEAM,
      'respondents',
      figure({ a: { C: [10] }, b: { C: [8] } }),
      () => false,
      5,
    );
    expect(hiddenAt(shown, 'C')).toEqual([]);
    // b hidden beforehand (as the value's decision inherits the row's): a goes too.
    const pre = new Map([['b', new Map([['C', 'earlier']])]]);
    const d = decideDimensionFigure(
      ONE_TEAM,
      'respondents',
      figure({ a: { C: [10] }, b: { C: [8] } }),
      () => false,
      5,
      pre,
    );
    expect(hiddenAt(d, 'C')).toEqual(['a', 'b']);
  });

  it('no group of a unit whose own figure is hidden', () => {
    const d = decideDimensionFigure(
      ONE_TEAM,
      'respondents',
      figure({ a: { C: [10] }, b: { C: [8] } }),
      () => true,
      5,
    );
    expect(d.get('a')!.get('C')).toBe(demographicReasons.unitHidden);
    expect(hiddenAt(d, 'C')).toEqual(['a', 'b']);
  });

  it("(c) the tree rule on one group's people: U's g minus its children's g never isolates a few", () => {
    const units = [
      { id: 'U', parentId: null },
      { id: 'T1', parentId: 'U' },
      { id: 'T2', parentId: 'U' },
    ];
    // Leaders: 6 in T1 and 2 in T2. U's 8 leaders minus T1's 6 would be T2's 2.
    const d = decideDimensionFigure(
      units,
      'respondents',
      figure({
        leader: { T1: [6], T2: [2] },
        front: { T1: [9], T2: [9] },
      }),
      () => false,
      5,
    );
    expect(d.get('leader')!.has('T2')).toBe(true);
    expect(d.get('leader')!.has('T1')).toBe(true);
    expect(d.get('leader')!.has('U')).toBe(false);
    // T1's total minus its front line would be its leaders: T1's front line is hidden too.
    expect(d.get('front')!.has('T1')).toBe(true);
  });

  it('(e) a scope whose hidden groups all answered alike hides the smallest group that breaks it', () => {
    // a: 12 (half favourable), b: 6 all favourable, c: 3 all favourable (small).
    const d = decideDimensionFigure(
      ONE_TEAM,
      'value:X',
      figure({ a: { C: [12, 6] }, b: { C: [6, 6] }, c: { C: [3, 3] } }),
      () => false,
      5,
    );
    expect(hiddenAt(d, 'C')).toEqual(['a', 'b', 'c']);
    expect(d.get('a')!.get('C')).toBe(demographicReasons.alike(5));
    // With mixed answers in the hidden groups, the next-smallest rule alone.
    const mixed = decideDimensionFigure(
      ONE_TEAM,
      'value:X',
      figure({ a: { C: [12, 6] }, b: { C: [6, 2] }, c: { C: [3, 3] } }),
      () => false,
      5,
    );
    expect(hiddenAt(mixed, 'C')).toEqual(['b', 'c']);
  });
});
