import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatmapOutputSchema, type HeatmapInput } from '../../../src/shared/analytics/heatmap';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { heatmap } from '../../../src/main/engine/handlers/heatmap';
import type { SampleTruth } from '../../../src/main/engine/sample';
import { openSampleCompany } from '../../helpers/sampleCompany';

// The sample company as `npm start` loads it: the planted effects in truth.json must show.
let truth: SampleTruth;
let ctx: EngineContext;
let remove: () => void;

beforeAll(async () => {
  const sample = await openSampleCompany();
  ({ ctx, truth } = sample);
  remove = sample.close;
});
afterAll(() => remove?.());

const call = async (input: HeatmapInput) => heatmapOutputSchema.parse(await heatmap(input, ctx));

describe('heatmap on the sample company', () => {
  it('shows the planted weak value in its region, about gapPoints below the company', async () => {
    const out = await call({});
    const valueId = `value:${truth.weakValue.value}`;
    const col = out.values.findIndex((v) => v.id === valueId);
    expect(col).toBeGreaterThanOrEqual(0);
    const visible = out.rows.filter((r) => r.cells[col]!.status === 'ok');
    const region = out.rows.find((r) => r.unitId === truth.weakValue.regionId)!;
    expect(region.name).toBe(truth.weakValue.regionName);
    const regionPct = region.cells[col]!.pctFavourable!;
    expect(regionPct).toBe(Math.min(...visible.map((r) => r.cells[col]!.pctFavourable!)));
    const companyPct = out.company.cells[col]!.pctFavourable!;
    expect(Math.abs(companyPct - regionPct - truth.weakValue.gapPoints)).toBeLessThan(4);
    // The same gap as a delta vs the company, on a diverging scale.
    const vs = await call({ mode: 'vs_company' });
    const delta = vs.rows.find((r) => r.unitId === truth.weakValue.regionId)!.cells[col]!.delta!;
    expect(delta).toBeCloseTo(regionPct - companyPct, 1);
    expect(vs.scale).toMatchObject({ family: 'delta', diverging: true });
    expect(vs.scale.max).toBeGreaterThanOrEqual(Math.abs(delta));
  });

  it('shows the planted leader gap at company level', async () => {
    const out = await call({});
    const gap = out.company.leaderGap!.find((g) => g.value === `value:${truth.leaderGap.value}`)!;
    expect(gap.status).toBe('ok');
    expect(gap.leaders! - gap.frontLine!).toBeCloseTo(gap.gap!, 1);
    expect(Math.abs(gap.gap! - truth.leaderGap.gapPoints)).toBeLessThan(4);
    expect(out.company.unitId).toBe(truth.company.unitId);
  });

  it('drills down a level and keeps every figure behind the minimum', async () => {
    const regions = await call({});
    const first = regions.rows.find((r) => r.status === 'ok')!;
    const areas = await call({ parentId: first.unitId, mode: 'vs_parent' });
    expect(areas.parent.id).toBe(first.unitId);
    expect(areas.rows.length).toBeGreaterThan(0);
    for (const row of areas.rows) {
      if (row.status === 'ok') expect(row.n!).toBeGreaterThanOrEqual(areas.minGroupSize);
      for (const cell of row.cells) {
        if (cell.status !== 'ok') expect(cell.pctFavourable).toBeNull();
        else expect(cell.n!).toBeGreaterThanOrEqual(areas.minGroupSize);
      }
    }
  });
});
