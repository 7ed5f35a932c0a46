import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { lagProfile, linkage } from '../../../src/main/engine/handlers/linkage';
import {
  lagProfileOutputSchema,
  linkageOutputSchema,
  type LagProfileOutput,
} from '../../../src/shared/analytics/linkage';
import type { SampleTruth } from '../../../src/main/engine/sample';
import { UpstreamError } from '../../../src/shared/result';
import { openSampleCompany } from '../../helpers/sampleCompany';

// The default sample company (seed 42) through the real import path, against the lag effect it
// plants. truth.lagEffect.observedR pools team-quarters with at least 5 respondents; the app also
// applies the next-smallest rule (a team needed to hide a smaller sibling is left out too) and a
// floor of 10 customer answers, so it sees slightly fewer pairs and a slightly different r.

describe('linkage on the default sample company', () => {
  let ctx: EngineContext;
  let truth: SampleTruth;
  let profile: LagProfileOutput;
  let remove: () => void;

  beforeAll(async () => {
    const sample = await openSampleCompany();
    ({ ctx, truth } = sample);
    remove = sample.close;
    profile = await lagProfile(
      { employeeMetric: 'engagement_index', customerMetric: 'nps', level: 'team' },
      ctx,
    );
  });
  afterAll(() => remove?.());

  const at = (lag: number) => profile.lags.find((l) => l.lag === lag)!;

  it('the lag-1 pooled team r is inside its interval and within .03 of the planted truth', () => {
    expect(lagProfileOutputSchema.parse(profile)).toEqual(profile);
    const lag1 = at(1);
    expect(lag1.r!).toBeGreaterThanOrEqual(lag1.ciLow!);
    expect(lag1.r!).toBeLessThanOrEqual(lag1.ciHigh!);
    expect(Math.abs(lag1.r! - truth.lagEffect.observedR)).toBeLessThan(0.03);
    // Fewer pairs than the truth counts, never more: the app only removes (suppression, floor).
    expect(lag1.n).toBeLessThanOrEqual(truth.lagEffect.pairs.lag);
    expect(lag1.n).toBeGreaterThan(truth.lagEffect.pairs.lag * 0.9);
  });

  it('the same-quarter and reverse figures match the truth too', () => {
    expect(Math.abs(at(0).r! - truth.lagEffect.observedSameQuarterR)).toBeLessThan(0.03);
    // Reverse lag: customer in t against employee in t+1, i.e. lag -1.
    expect(Math.abs(at(-1).r! - truth.lagEffect.observedReverseR)).toBeLessThan(0.03);
  });

  it('employee-first (lag +1) is stronger than customer-first (lag -1) and than the same quarter', () => {
    expect(at(1).r!).toBeGreaterThan(Math.abs(at(-1).r!));
    expect(at(1).r!).toBeGreaterThan(at(0).r!);
    expect(profile.message).toMatch(/strongest with customers 1 quarter later/);
  });

  it('linkage pooled at lag 1 agrees with the profile; one period gives units, none suppressed', async () => {
    const pooled = await linkage(
      { employeeMetric: 'engagement_index', customerMetric: 'nps', level: 'team', lag: 1 },
      ctx,
    );
    expect(pooled.r).toBeCloseTo(at(1).r!, 12);
    expect(pooled.n).toBe(at(1).n);

    const one = await linkage(
      {
        employeeMetric: 'engagement_index',
        customerMetric: 'nps',
        level: 'team',
        lag: 1,
        period: '2025-Q3',
      },
      ctx,
    );
    expect(linkageOutputSchema.parse(one)).toEqual(one);
    expect(one.customerPeriod).toBe('2025-Q4');
    expect(one.points.length).toBe(one.n);
    expect(new Set(one.points.map((p) => p.unitId)).size).toBe(one.n);
    for (const p of one.points) {
      expect(p.nEmployees).toBeGreaterThanOrEqual(one.minGroupSize);
      expect(p.nCustomers).toBeGreaterThanOrEqual(one.minCustomerResponses);
    }
    expect(one.excluded.total).toBeGreaterThan(0);
    expect(one.r!).toBeGreaterThan(one.ciLow!);
    expect(one.minDetectableR!).toBeLessThan(0.2);
  });

  it('within region: demeaned and per-region views', async () => {
    const perGroup = await linkage(
      {
        employeeMetric: 'engagement_index',
        level: 'area',
        lag: 1,
        period: '2025-Q3',
        withinGroup: 'per_group',
        groupLevel: 'region',
      },
      ctx,
    );
    expect(perGroup.groups!.length).toBeGreaterThanOrEqual(4);
    expect(perGroup.groups!.reduce((a, g) => a + g.n, 0)).toBe(perGroup.n);
    expect(perGroup.message).toMatch(/With \d+ units/);
  });

  it('a lag past the last customer quarter is a clear error', async () => {
    const last = profile.lags.find((l) => l.lag === 0)!.employeePeriods.at(-1)!;
    await expect(
      linkage({ employeeMetric: 'engagement_index', level: 'team', lag: 2, period: last }, ctx),
    ).rejects.toThrow(UpstreamError);
    await expect(
      linkage(
        { employeeMetric: 'engagement_index', level: 'team', lag: 2, period: '2026-Q2' },
        ctx,
      ),
    ).rejects.toThrow('No customer data for 2026-Q4 (2026-Q2 with a lag of 2); latest is 2026-Q2.');
  });
});
