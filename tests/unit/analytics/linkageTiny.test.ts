import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkageOutputSchema } from '../../../src/shared/analytics/linkage';
import { UpstreamError } from '../../../src/shared/result';
import { lagProfile, linkage } from '../../../src/main/engine/handlers/linkage';
import { tinyCustomers, tinyMapping, tinyRespondents } from '../../fixtures/tinyCompany';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

// The tiny company through the real import path; every figure recomputed here from the fixture's
// arrays. 2025-Q1: Store C has 3 respondents (suppressed) and Store D, its only sibling, is hidden
// by the next-smallest rule; Store A has only 9 NPS answers in 2025-Q1 (below the floor of 10);
// in 2025-Q2 Store B has moved from North to South.

const round2 = (v: number) => Math.round(v * 100) / 100;
const quarterOf = (at: string) => `${at.slice(0, 4)}-Q${Math.ceil(Number(at.slice(5, 7)) / 3)}`;

function engagement(period: string, unit: string): number {
  const people = tinyRespondents.filter((r) => r.period === period && r.unit === unit);
  const scores = people.map((r) => {
    const items = [r.E1, r.E2].filter((v): v is number => v !== null);
    return items.reduce((a, v) => a + ((v - 1) / 4) * 100, 0) / items.length;
  });
  return round2(scores.reduce((a, b) => a + b, 0) / scores.length);
}

function nps(period: string, unit: string): { value: number; n: number } {
  const codes = tinyMapping.filter((m) => m[1] === unit).map((m) => m[0]);
  const answers = tinyCustomers
    .filter((c) => codes.includes(c.code) && quarterOf(c.at) === period && c.nps !== null)
    .map((c) => c.nps!);
  const promoters = answers.filter((v) => v >= 9).length;
  const detractors = answers.filter((v) => v <= 6).length;
  return { value: round2(((promoters - detractors) * 100) / answers.length), n: answers.length };
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    return error as UpstreamError;
  }
  throw new Error('expected an UpstreamError');
}

describe('linkage on the tiny company', () => {
  let tiny: TinyWorkspace;
  beforeAll(async () => {
    tiny = await tinyWorkspace();
  });
  afterAll(() => tiny.cleanup());

  it('one point per visible team, equal to the figures computed from the fixture', async () => {
    const out = await linkage(
      {
        employeeMetric: 'engagement_index',
        customerMetric: 'nps',
        level: 'team',
        period: '2025-Q2',
        lag: 0,
      },
      tiny.ctx,
    );
    expect(linkageOutputSchema.parse(out)).toEqual(out);
    const units = ['T1', 'T2', 'T3', 'T4'];
    expect(out.points.map((p) => p.unitId).sort()).toEqual(units);
    for (const p of out.points) {
      expect(p.x).toBeCloseTo(engagement('2025-Q2', p.unitId), 6);
      expect(p.y).toBeCloseTo(nps('2025-Q2', p.unitId).value, 6);
      expect(p.nCustomers).toBe(nps('2025-Q2', p.unitId).n);
      expect(p.nEmployees).toBe(
        tinyRespondents.filter((r) => r.period === '2025-Q2' && r.unit === p.unitId).length,
      );
    }
    const xs = units.map((u) => engagement('2025-Q2', u));
    const ys = units.map((u) => nps('2025-Q2', u).value);
    expect(out.r!).toBeCloseTo(pearson(xs, ys), 10);
    expect(out.n).toBe(4);
    expect(out.employeePeriod).toBe('2025-Q2');
    expect(out.customerPeriod).toBe('2025-Q2');
    expect(out.excluded.total).toBe(0);
    // Units follow the snapshot in force: Store B is in South (R2) in 2025-Q2.
    expect(out.points.find((p) => p.unitId === 'T2')).toMatchObject({ name: 'Store B' });
    // Quadrants split at the company figure for the pair.
    const split = out.quadrants.splits[0]!;
    for (const p of out.points) {
      const expected =
        p.x >= split.x
          ? p.y >= split.y
            ? 'bright_spot'
            : 'employee_only'
          : p.y >= split.y
            ? 'customer_only'
            : 'at_risk';
      expect(p.quadrant).toBe(expected);
    }
    expect(Object.values(out.quadrants.counts).reduce((a, b) => a + b, 0)).toBe(4);
    expect(out.message).toMatch(/With 4 units/);
    expect(out.message).toMatch(/85 needed to detect an r of \.30/);
  });

  it('suppressed teams are left out with the reason, and their figures never leave the engine', async () => {
    const out = await linkage(
      { employeeMetric: 'engagement_index', customerMetric: 'nps', level: 'team', lag: 0 },
      tiny.ctx,
    );
    expect(out.pooled).toBe(true);
    expect(out.employeePeriods).toEqual(['2025-Q1', '2025-Q2']);
    const q1 = out.points.filter((p) => p.employeePeriod === '2025-Q1').map((p) => p.unitId);
    expect(nps('2025-Q1', 'T1').n).toBe(9);
    expect(q1.sort()).toEqual(['T2']);
    expect(out.n).toBe(5);
    expect(out.excluded.total).toBe(3);
    expect(out.excluded.reasons.map((r) => r.reason).sort()).toEqual([
      'Fewer than 10 customer responses',
      'Suppressed: a smaller neighbouring group (under 5) could otherwise be worked out by subtraction',
      'Suppressed: fewer than 5 respondents',
    ]);
    // No number anywhere in the answer is a hidden figure, unless it is a visible unit's own
    // figure that happens to be equal (the fixture's answers repeat).
    const hidden = [engagement('2025-Q1', 'T3'), engagement('2025-Q1', 'T4')];
    const leaks: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node === 'number' && hidden.includes(node)) leaks.push(path);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
      }
    };
    walk(out, '');
    for (const path of leaks) {
      const match = /^\.points\.(\d+)\.x$/.exec(path);
      expect(match, path).not.toBeNull();
      const point = out.points[Number(match![1])]!;
      expect(point.x).toBe(engagement(point.employeePeriod, point.unitId));
    }
    expect(
      out.points.some((p) => p.employeePeriod === '2025-Q1' && ['T3', 'T4'].includes(p.unitId)),
    ).toBe(false);
    expect(out.message).toMatch(/3 left out/);
  });

  it('too few units, an unknown level or metric, and a lag past the data are typed errors', async () => {
    const tooFew = await failure(
      linkage(
        { employeeMetric: 'engagement_index', level: 'team', period: '2025-Q1', lag: 0 },
        tiny.ctx,
      ),
    );
    expect(tooFew.code).toBe('NOT_FOUND');
    expect(tooFew.message).toMatch(/Only 1 unit .* at least 3/);
    expect(tooFew.message).toMatch(/Suppressed: fewer than 5 respondents/);

    const regions = await failure(
      linkage(
        { employeeMetric: 'engagement_index', level: 'region', period: '2025-Q2', lag: 0 },
        tiny.ctx,
      ),
    );
    expect(regions.message).toMatch(/at least 3/);

    const level = await failure(
      linkage({ employeeMetric: 'engagement_index', level: 'galaxy', lag: 0 }, tiny.ctx),
    );
    expect(level.code).toBe('INVALID_ARGUMENTS');
    expect(level.message).toBe(
      "Unknown level 'galaxy'. Levels in this workspace: company, region, team.",
    );

    const metric = await failure(
      linkage({ employeeMetric: 'happiness', level: 'team', lag: 0 } as never, tiny.ctx),
    );
    expect(metric.code).toBe('INVALID_ARGUMENTS');
    expect(metric.message).toMatch(/employeeMetric/);

    const lag = await failure(
      linkage(
        { employeeMetric: 'engagement_index', level: 'team', period: '2025-Q2', lag: 2 },
        tiny.ctx,
      ),
    );
    expect(lag.code).toBe('NOT_FOUND');
    expect(lag.message).toBe(
      'No customer data for 2025-Q4 (2025-Q2 with a lag of 2); latest is 2025-Q2.',
    );

    const before = await failure(
      linkage(
        { employeeMetric: 'engagement_index', level: 'team', period: '2025-Q1', lag: -1 },
        tiny.ctx,
      ),
    );
    expect(before.message).toMatch(/No customer data for 2024-Q4 .*earliest is 2025-Q1/);

    const noPairs = await failure(
      linkage({ employeeMetric: 'engagement_index', level: 'team', lag: 2 }, tiny.ctx),
    );
    expect(noPairs.message).toMatch(/No period has survey data in t and customer data in t\+2/);

    const group = await failure(
      linkage(
        {
          employeeMetric: 'engagement_index',
          level: 'team',
          lag: 0,
          withinGroup: 'demean',
          groupLevel: 'team',
        },
        tiny.ctx,
      ),
    );
    expect(group.code).toBe('INVALID_ARGUMENTS');
  });

  it('per region: groups follow the snapshot in force for each period', async () => {
    const out = await linkage(
      {
        employeeMetric: 'engagement_index',
        level: 'team',
        lag: 0,
        withinGroup: 'per_group',
        groupLevel: 'region',
      },
      tiny.ctx,
    );
    const storeB = out.points.filter((p) => p.unitId === 'T2');
    expect(storeB.map((p) => [p.employeePeriod, p.groupId])).toEqual([
      ['2025-Q1', 'R1'],
      ['2025-Q2', 'R2'],
    ]);
    expect(out.groups!.map((g) => [g.groupId, g.n])).toEqual([
      ['R1', 2],
      ['R2', 3],
    ]);
    // Demeaned within (region, period) cells: the fitted line passes through zero.
    expect(out.intercept!).toBeCloseTo(0, 9);
    expect(out.message).toMatch(/Within region/);
  });

  it('lag profile: every lag listed; lags with no period pairs have n = 0', async () => {
    const out = await lagProfile(
      { employeeMetric: 'engagement_index', customerMetric: 'nps', level: 'team' },
      tiny.ctx,
    );
    expect(out.lags.map((l) => l.lag)).toEqual([-2, -1, 0, 1, 2]);
    expect(out.lags.map((l) => l.n)).toEqual([0, 3, 5, 2, 0]);
    const same = out.lags[2]!;
    expect(same.employeePeriods).toEqual(['2025-Q1', '2025-Q2']);
    const pooled = await linkage(
      { employeeMetric: 'engagement_index', level: 'team', lag: 0 },
      tiny.ctx,
    );
    expect(same.r).toBeCloseTo(pooled.r!, 12);
    expect(out.lags[3]!).toMatchObject({
      r: null,
      employeePeriods: ['2025-Q1'],
      customerPeriods: ['2025-Q2'],
    });
  });
});
