import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  heatmapMethod,
  heatmapOutputSchema,
  type HeatmapInput,
  type HeatmapOutput,
  type HeatmapRow,
} from '../../../src/shared/analytics/heatmap';
import { heatmap } from '../../../src/main/engine/handlers/heatmap';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

// The heatmap of a chosen set of units (unitIds) on the tiny company, through the real import
// and DuckDB: each row is the same as in the ordinary heatmap of the unit's parent, and the
// combined row is the n-weighted mean of the shown member cells, computed here from the rows.

let tiny: TinyWorkspace;
const call = async (input: HeatmapInput): Promise<HeatmapOutput> =>
  heatmapOutputSchema.parse(await heatmap(heatmapMethod.input.parse(input), tiny.ctx));

beforeAll(async () => {
  tiny = await tinyWorkspace();
});
afterAll(() => tiny.cleanup());

/** What the test expects of the selection: sum(n x pct) / sum(n) over the shown member cells. */
function weighted(rows: HeatmapRow[], v: number): { pct: number; n: number } | null {
  const shown = rows.map((r) => r.cells[v]!).filter((c) => c.status === 'ok');
  if (shown.length === 0) return null;
  const n = shown.reduce((s, c) => s + c.n!, 0);
  return { pct: shown.reduce((s, c) => s + c.n! * c.pctFavourable!, 0) / n, n };
}

describe('heatmap rows for a set of units (unitIds)', () => {
  it('rows equal the ordinary heatmap rows of the same units, in every mode', async () => {
    for (const period of ['2025-Q1', '2025-Q2']) {
      for (const mode of ['absolute', 'vs_company', 'vs_parent', 'vs_previous'] as const) {
        const set = await call({ period, mode, unitIds: ['T4', 'R1', 'T1', 'T3', 'T2', 'R2'] });
        const ordinary = new Map<string, HeatmapRow>();
        for (const parentId of ['C', 'R1', 'R2']) {
          for (const row of (await call({ period, mode, parentId })).rows)
            ordinary.set(row.unitId, row);
        }
        expect(set.rows.map((r) => r.unitId)).toEqual(['T4', 'R1', 'T1', 'T3', 'T2', 'R2']);
        for (const row of set.rows) expect(row).toEqual(ordinary.get(row.unitId));
        expect(set.unknownUnits).toEqual([]);
        expect(set.groupBy).toBe('org');
        expect(set.selection).not.toBeNull();
      }
    }
  });

  it('the selection is the n-weighted mean of the shown member cells; a suppressed member adds nothing', async () => {
    // 2025-Q1: Store C (3 respondents) and Store D (its neighbour) are suppressed.
    const out = await call({ period: '2025-Q1', unitIds: ['T1', 'T2', 'T3', 'T4'] });
    const [a, b, c, d] = out.rows;
    expect([c!.status, d!.status]).toEqual(['suppressed', 'suppressed']);
    const expected = weighted([a!, b!], 0)!;
    const cell = out.selection!.cells[0]!;
    expect(cell.status).toBe('ok');
    expect(cell.n).toBe(expected.n);
    expect(cell.pctFavourable).toBeCloseTo(expected.pct, 2);
    expect(out.selection!.n).toBe(a!.n! + b!.n!);
    expect(out.selection!.unitId).toBe('selection');
    expect(out.formula).toMatch(/sum\(n_i x pct_i\) \/ sum\(n_i\)/);
    expect(out.selection!.leaderGap).toBeNull();
    // Exactly the selection of the shown members alone.
    const shownOnly = await call({ period: '2025-Q1', unitIds: ['T1', 'T2'] });
    expect(shownOnly.selection!.cells[0]).toEqual(cell);

    // Only suppressed members: no figure, with the reason, never a number.
    const hidden = await call({ period: '2025-Q1', unitIds: ['T3', 'T4'] });
    expect(hidden.selection!.cells[0]).toMatchObject({
      status: 'no_data',
      pctFavourable: null,
      n: null,
      delta: null,
    });
    expect(hidden.selection!.cells[0]!.reason).toMatch(/suppressed/);
    expect(hidden.selection!).toMatchObject({ status: 'no_data', n: null });
  });

  it('deltas of the selection: vs company, vs the parent asked for, vs the same set before', async () => {
    const vsCompany = await call({ mode: 'vs_company', unitIds: ['T1', 'T2', 'T4'] });
    const sel = vsCompany.selection!.cells[0]!;
    expect(sel.delta).toBeCloseTo(
      sel.pctFavourable! - vsCompany.company.cells[0]!.pctFavourable!,
      1,
    );
    expect(sel.pctFavourable).toBeCloseTo(weighted(vsCompany.rows, 0)!.pct, 2);

    const vsParent = await call({ mode: 'vs_parent', parentId: 'R2', unitIds: ['T3', 'T4'] });
    const p = vsParent.selection!.cells[0]!;
    expect(p.delta).toBeCloseTo(p.pctFavourable! - vsParent.parentRow.cells[0]!.pctFavourable!, 1);

    const vsPrevious = await call({ mode: 'vs_previous', unitIds: ['T1', 'T2'] });
    const before = await call({ period: '2025-Q1', unitIds: ['T1', 'T2'] });
    const now = vsPrevious.selection!.cells[0]!;
    expect(now.delta).toBeCloseTo(
      now.pctFavourable! - before.selection!.cells[0]!.pctFavourable!,
      1,
    );
  });

  it('a unit listed with one above it keeps its row, but its people count once in the selection', async () => {
    const out = await call({ unitIds: ['R1', 'T1'] });
    expect(out.rows.map((r) => r.unitId)).toEqual(['R1', 'T1']);
    const region = out.rows[0]!;
    expect(region.status).toBe('ok');
    expect(out.selection!.cells[0]).toMatchObject({
      pctFavourable: region.cells[0]!.pctFavourable,
      n: region.cells[0]!.n,
    });
    expect(out.selection!.n).toBe(region.n);
  });

  it('unknown ids are listed and get no row; duplicates give one row', async () => {
    const out = await call({ unitIds: ['T1', 'nope', 'T1', 'also-missing'] });
    expect(out.rows.map((r) => r.unitId)).toEqual(['T1']);
    expect(out.unknownUnits).toEqual(['nope', 'also-missing']);
    const none = await call({ unitIds: ['nope'] });
    expect(none.rows).toEqual([]);
    expect(none.unknownUnits).toEqual(['nope']);
    expect(none.selection!.cells[0]!.status).toBe('no_data');
  });

  it('a team can be listed (no error), and a set with a demographic grouping is refused', async () => {
    expect((await call({ unitIds: ['T1'] })).rows[0]!.unitId).toBe('T1');
    await expect(call({ unitIds: ['T1'], groupBy: 'role' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
      message: expect.stringMatching(/unitIds and groupBy 'role' cannot be asked together/),
    });
    await expect(call({ groupBy: 'shoe_size' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
    });
  });

  it('every difference mode has the same fixed -20..+20 colour range; absolute 0..100', async () => {
    for (const mode of ['vs_company', 'vs_parent', 'vs_previous'] as const) {
      expect((await call({ mode })).scale).toEqual({
        family: 'delta',
        min: -20,
        max: 20,
        diverging: true,
      });
    }
    expect((await call({})).scale).toEqual({
      family: 'percent',
      min: 0,
      max: 100,
      diverging: false,
    });
    const out = await call({});
    expect(out.selection).toBeNull();
    expect(out.unknownUnits).toEqual([]);
    expect(out.groupings[0]).toEqual({ id: 'org', label: 'Org units' });
  });

  it('the input schema takes unitIds and groupBy, and the old inputs unchanged', () => {
    expect(heatmapMethod.input.parse({})).toEqual({ mode: 'absolute' });
    expect(() => heatmapMethod.input.parse({ unitIds: [] })).toThrow();
    expect(() => heatmapMethod.input.parse({ groupBy: '' })).toThrow();
    expect(heatmapMethod.input.parse({ unitIds: ['a'], groupBy: 'org' })).toMatchObject({
      unitIds: ['a'],
    });
  });
});
