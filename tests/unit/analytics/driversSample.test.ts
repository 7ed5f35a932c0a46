import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import type { SampleTruth } from '../../../src/main/engine/sample';
import { contract, type MethodName, type MethodOutput } from '../../../src/shared/contract';
import {
  driversOutputSchema,
  type DriversInput,
  type DriversOutput,
} from '../../../src/shared/analytics/drivers';
import { openSampleCompany } from '../../helpers/sampleCompany';

// The default sample company (seed 42) against what its generator plants: every item loads on
// one general factor, engagement items most (1), values .75, enablement .6 (MODEL.factorLoadings),
// so across respondents engagement items move most with eNPS and enablement items least; customers
// follow last quarter's engagement (lag +1), not the reverse; South is planted weak on one value.

let ctx: EngineContext;
let truth: SampleTruth;
let remove: () => void;

beforeAll(async () => {
  const sample = await openSampleCompany();
  ({ ctx, truth } = sample);
  remove = sample.close;
});
afterAll(() => remove?.());

async function run<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input, ctx);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return contract[method].output.parse(result.value) as MethodOutput<M>;
}
const drivers = async (input: DriversInput): Promise<DriversOutput> =>
  driversOutputSchema.parse(await run('drivers', input));

const meanR = (out: DriversOutput, factor: (f: string) => boolean) => {
  const rs = out.drivers.filter((d) => factor(d.factor)).map((d) => d.importance.r!);
  expect(rs.length).toBeGreaterThan(0);
  return rs.reduce((a, b) => a + b, 0) / rs.length;
};

describe('drivers on the sample company', () => {
  it('across respondents, items move with eNPS in the order of their planted loadings', async () => {
    const out = await drivers({});
    expect(out.status).toBe('ok');
    // Everyone in the company who answered eNPS, as the overview counts them.
    const overview = await run('overview', { period: out.period });
    expect(out.n).toBe(overview.tiles.find((t) => t.metric === 'enps')!.n);
    expect(out.drivers.every((d) => d.importance.status === 'ok')).toBe(true);
    const engagement = meanR(out, (f) => f === 'engagement');
    const values = meanR(out, (f) => f.startsWith('value:'));
    const enablement = meanR(out, (f) => f === 'enablement');
    expect(engagement).toBeGreaterThan(values + 0.03);
    expect(values).toBeGreaterThan(enablement + 0.02);
    expect(out.drivers[0]!.factor).toBe('engagement');
    expect(out.drivers.at(-1)!.factor).toBe('enablement');
  });

  it('relative weights are computed at company scale and add up to R²', async () => {
    const out = await drivers({});
    expect(out.importanceMethod.relativeWeights).toBe(true);
    const raw = out.drivers.map((d) => d.relativeWeight!.raw);
    expect(raw.reduce((a, b) => a + b, 0)).toBeCloseTo(out.importanceMethod.rSquared!, 10);
    const shares = out.drivers.map((d) => d.relativeWeight!.share);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    const counts = Object.values(out.quadrants.counts).reduce((a, b) => a + b, 0);
    expect(counts).toBe(out.drivers.length);
  });

  it("performance is the figure the heatmap and drill-down show; South's weak value shows", async () => {
    const period = (await drivers({})).period;
    const south = await drivers({ by: 'value', unitId: truth.weakValue.regionId, period });
    const company = await drivers({ by: 'value', period });
    const heatmap = await run('heatmap', { period });
    const row = heatmap.rows.find((r) => r.unitId === truth.weakValue.regionId)!;
    for (const d of south.drivers) {
      expect(d.performance.value).toBe(row.cells.find((c) => c.value === d.id)!.pctFavourable);
    }
    const weak = (out: DriversOutput) =>
      out.drivers.find((d) => d.id === truth.weakValue.factor)!.performance.value!;
    expect(weak(company) - weak(south)).toBeGreaterThan(truth.weakValue.gapPoints / 2);

    const items = await drivers({ period });
    const page = await run('drilldown', { unitId: truth.company.unitId, period });
    for (const item of [...page.items.strongest, ...page.items.weakest]) {
      expect(items.drivers.find((d) => d.id === item.itemId)!.performance).toMatchObject({
        value: item.pctFavourable,
        n: item.n,
      });
    }
  });

  it('across teams, values move with NPS a quarter later, not with NPS a quarter before', async () => {
    const later = await drivers({ outcome: 'nps', by: 'value', level: 'team', lag: 1 });
    const before = await drivers({
      outcome: 'nps',
      by: 'value',
      level: 'team',
      lag: -1,
      period: later.period,
    });
    for (const out of [later, before]) {
      expect(out.status).toBe('ok');
      // Every team of the period is either in the analysis or left out with a reason.
      const period = await run('hierarchy', { period: out.period });
      const teams = period.units.filter((u) => u.level === 'team').length;
      expect(out.n! + out.excludedUnits.total).toBe(teams);
    }
    expect(later.drivers.every((d) => d.importance.r! > 0 && d.importance.ciLow! > 0)).toBe(true);
    expect(meanR(later, () => true)).toBeGreaterThan(meanR(before, () => true) + 0.1);
  });

  it('a team under 25 respondents is suppressed with no figures', async () => {
    const out = await drivers({ unitId: truth.smallTeams.unitIds[0]! });
    expect(out).toMatchObject({ status: 'suppressed', n: null, drivers: [] });
    expect(out.reason).toMatch(/^Suppressed: /);
  });
});
