import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  drilldownInputSchema,
  drilldownOutputSchema,
} from '../../../src/shared/analytics/drilldown';
import { rankItems } from '../../../src/main/engine/analytics/drilldown/build';
import { directVisibility } from '../../../src/main/engine/analytics/drilldown/directScope';

const visible = { visible: true } as const;

describe('directVisibility', () => {
  const part = (unitId: string, depth: number, attached: number, rollup = attached) => ({
    unitId,
    depth,
    attached,
    rollup,
  });

  it('shows a direct group whose every part is empty or at least the minimum', () => {
    const r = directVisibility(
      visible,
      [part('R', 0, 0, 30), part('A', 1, 6), part('B', 1, 5, 19)],
      5,
    );
    expect(r).toEqual({ visibility: visible, respondents: 11 });
  });

  it('never reopens a unit the tree rules hide', () => {
    const hidden = { visible: false, reason: 'Suppressed: x' } as const;
    expect(directVisibility(hidden, [part('T', 0, 9)], 5).visibility).toBe(hidden);
  });

  it('hides a direct group below the minimum', () => {
    expect(
      directVisibility(visible, [part('R', 0, 0, 20), part('A', 1, 3, 20)], 5).visibility,
    ).toMatchObject({
      visible: false,
      reason: 'Suppressed: fewer than 5 respondents',
    });
  });

  it('hides it when subtraction would isolate a small attached group or a small deeper group', () => {
    // 2 people attached to B: direct minus A's roll-up would give them away.
    const small = directVisibility(
      visible,
      [part('R', 0, 0, 26), part('A', 1, 6), part('B', 1, 2, 20)],
      5,
    );
    expect(small.visibility.visible).toBe(false);
    // 3 people below B: the roll-up minus the direct group would give them away.
    const deep = directVisibility(
      visible,
      [part('R', 0, 0, 17), part('A', 1, 6), part('B', 1, 8, 11)],
      5,
    );
    expect(deep.visibility).toMatchObject({
      visible: false,
      reason: expect.stringMatching(/subtraction/),
    });
  });
});

describe('rankItems', () => {
  const item = (itemId: string, pctFavourable: number) => ({
    itemId,
    text: itemId,
    factor: 'engagement',
    pctFavourable,
    n: 10,
  });

  it('takes three each way, never the same item twice', () => {
    const items = [10, 90, 50, 70, 30, 20, 80, 60].map((p, i) => item(`I${i}`, p));
    const { strongest, weakest } = rankItems(items);
    expect(strongest.map((i) => i.pctFavourable)).toEqual([90, 80, 70]);
    expect(weakest.map((i) => i.pctFavourable)).toEqual([10, 20, 30]);
    const few = rankItems(items.slice(0, 3));
    expect(few.strongest.map((i) => i.pctFavourable)).toEqual([90, 50]);
    expect(few.weakest.map((i) => i.pctFavourable)).toEqual([10]);
    expect(rankItems([])).toEqual({ strongest: [], weakest: [] });
  });
});

it('describes itself as JSON schema, as the methods listing will', () => {
  const input = z.toJSONSchema(drilldownInputSchema) as { required?: string[] };
  expect(input.required).toEqual(['unitId']);
  expect(() => z.toJSONSchema(drilldownOutputSchema, { unrepresentable: 'any' })).not.toThrow();
});
