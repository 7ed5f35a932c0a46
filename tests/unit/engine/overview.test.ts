import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import {
  tinyCustomers,
  tinyHeadcount,
  tinyMapping,
  tinyOrgSnapshots,
  tinyRespondents,
  type TinyRespondent,
} from '../../fixtures/tinyCompany';
import { callOverview, tileOf, type Overview } from '../../helpers/overviewCall';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

// An independent computation of each figure, straight from DOMAIN.md's definitions and the
// fixture's own arrays: it shares no code with the engine.
function teamsUnder(unit: string, period: string): string[] {
  const snapshot = period === '2025-Q1' ? tinyOrgSnapshots[0]! : tinyOrgSnapshots[1]!;
  const children = (id: string): string[] =>
    snapshot.rows.filter((r) => r[2] === id).map((r) => r[0]!);
  const all = (id: string): string[] => [id, ...children(id).flatMap(all)];
  return all(unit);
}

function expectedEmployee(unit: string, period: string) {
  const people = tinyRespondents.filter(
    (r) => r.period === period && teamsUnder(unit, period).includes(r.unit),
  );
  const engagement = people.map((p) => {
    const answered = [p.E1, p.E2].filter((v): v is number => v !== null);
    return answered.reduce((s, v) => s + ((v - 1) / 4) * 100, 0) / answered.length;
  });
  const likert = people.flatMap((p: TinyRespondent) =>
    [p.E1, p.E2, p.V1, p.L1 === null ? null : 6 - p.L1].filter((v): v is number => v !== null),
  );
  const enps = people.map((p) => p.ENPS).filter((v): v is number => v !== null);
  const headcount = tinyHeadcount
    .filter((h) => h[1] === period && teamsUnder(unit, period).includes(h[0]))
    .reduce((s, h) => s + h[2], 0);
  return {
    respondents: people.length,
    engagement_index: engagement.reduce((a, b) => a + b, 0) / engagement.length,
    pct_favourable: (likert.filter((v) => v >= 4).length / likert.length) * 100,
    enps:
      ((enps.filter((v) => v >= 9).length - enps.filter((v) => v <= 6).length) / enps.length) * 100,
    enps_n: enps.length,
    response_rate: (people.length / headcount) * 100,
  };
}

function expectedCustomer(unit: string, period: string) {
  const quarter = (at: string) => `${at.slice(0, 4)}-Q${Math.ceil(Number(at.slice(5, 7)) / 3)}`;
  const codes = tinyMapping
    .filter((m) => teamsUnder(unit, period).includes(m[1]!))
    .map((m) => m[0]);
  const rows = tinyCustomers.filter((c) => quarter(c.at) === period && codes.includes(c.code));
  const nps = rows.map((r) => r.nps).filter((v): v is number => v !== null);
  const csat = rows.map((r) => r.csat).filter((v): v is number => v !== null);
  return {
    responses: rows.length,
    nps: ((nps.filter((v) => v >= 9).length - nps.filter((v) => v <= 6).length) / nps.length) * 100,
    nps_n: nps.length,
    csat: (csat.filter((v) => v >= 4).length / csat.length) * 100,
    csat_n: csat.length,
  };
}

/** The API rounds to two decimals. */
const expectRounded = (actual: number | null, expected: number) =>
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(0.0051);
const tile = tileOf;

describe('overview', () => {
  let t: TinyWorkspace;
  const call = (input: unknown): Promise<Overview> => callOverview(t.ctx, input);
  beforeAll(async () => {
    t = await tinyWorkspace();
  });
  afterAll(() => t.cleanup());

  it.each([
    ['C', '2025-Q1'],
    ['C', '2025-Q2'],
    ['R1', '2025-Q1'],
    ['R2', '2025-Q2'],
  ])('matches an independent computation for %s in %s', async (unit, period) => {
    const o = await call({ unitId: unit, period });
    const e = expectedEmployee(unit, period);
    const c = expectedCustomer(unit, period);
    expect(tile(o, 'respondents')).toMatchObject({ value: e.respondents, status: 'ok' });
    expectRounded(tile(o, 'engagement_index').value, e.engagement_index);
    expectRounded(tile(o, 'pct_favourable').value, e.pct_favourable);
    expect(tile(o, 'enps')).toMatchObject({ n: e.enps_n });
    expectRounded(tile(o, 'enps').value, e.enps);
    expectRounded(tile(o, 'response_rate').value, e.response_rate);
    expect(tile(o, 'nps')).toMatchObject({ n: c.nps_n });
    expectRounded(tile(o, 'nps').value, c.nps);
    expect(tile(o, 'csat')).toMatchObject({ n: c.csat_n });
    expectRounded(tile(o, 'csat').value, c.csat);
    expect(tile(o, 'customer_responses').value).toBe(c.responses);
  });

  it('shows HR figures only for a headcount of at least the minimum; customer effort and calls always, with n', async () => {
    // Store C has 4 people in its 2025-Q1 headcount: its attrition would be about one person.
    const small = await call({ unitId: 'T3', period: '2025-Q1' });
    for (const m of ['attrition', 'absence_days_per_head', 'recognition_per_head'] as const) {
      expect(tile(small, m)).toMatchObject({ status: 'suppressed', value: null, n: null });
      expect(tile(small, m).reason).toMatch(/fewer than 5 people in the HR headcount/);
    }
    const store = await call({ unitId: 'T1', period: '2025-Q1' });
    expect(tile(store, 'attrition')).toMatchObject({ status: 'ok', n: 8 });
    for (const m of ['ces', 'avg_handle_seconds', 'repeat_contact_rate', 'transfer_rate'] as const)
      expect(tile(store, m).status).toBe('ok');
    expect(tile(store, 'avg_handle_seconds').n).toBeGreaterThan(0);
  });

  it('defaults to the latest period and the whole company', async () => {
    const o = await call({});
    expect(o.period).toBe('2025-Q2');
    expect(o.unit).toEqual({ id: 'C', name: 'Acme Retail', level: 'company' });
    expect(o.trend.map((p) => p.period)).toEqual(['2025-Q1', '2025-Q2']);
    expect(o.tiles.every((x) => x.formula.length > 20)).toBe(true);
    // Store B moved between regions, but the company as a whole kept the same teams.
    expect(o.reorgs).toEqual([]);
  });

  it('suppresses a team below the minimum group size, with the reason and no number', async () => {
    const o = await call({ unitId: 'T3', period: '2025-Q1' });
    for (const metric of [
      'engagement_index',
      'pct_favourable',
      'enps',
      'respondents',
      'response_rate',
    ]) {
      expect(tile(o, metric)).toMatchObject({
        value: null,
        n: null,
        status: 'suppressed',
        reason: 'Suppressed: fewer than 5 respondents',
      });
    }
    // Customers are not the protected party.
    expect(tile(o, 'nps').status).toBe('ok');
  });

  it('suppresses the next-smallest sibling so South minus Store D cannot reveal Store C', async () => {
    const o = await call({ unitId: 'T4', period: '2025-Q1' });
    expect(tile(o, 'engagement_index')).toMatchObject({
      value: null,
      status: 'suppressed',
      reason:
        'Suppressed: a smaller neighbouring group (under 5) could otherwise be worked out by subtraction',
    });
    const south = await call({ unitId: 'R2', period: '2025-Q1' });
    expect(tile(south, 'engagement_index').status).toBe('ok');
  });

  it('suppresses a metric answered by fewer than the minimum even when the group is large enough', async () => {
    // Store B in 2025-Q1: 5 respondents, but only some answered the eNPS item.
    const answered = tinyRespondents.filter(
      (r) => r.unit === 'T2' && r.period === '2025-Q1' && r.ENPS !== null,
    ).length;
    expect(answered).toBeLessThan(5);
    const o = await call({ unitId: 'T2', period: '2025-Q1' });
    expect(tile(o, 'respondents').status).toBe('ok');
    expect(tile(o, 'enps')).toMatchObject({
      value: null,
      status: 'suppressed',
      reason: 'Suppressed: fewer than 5 people answered this question',
    });
  });

  it('follows the reorganisation: North loses Store B in 2025-Q2, and says so', async () => {
    const o = await call({ unitId: 'R1', period: '2025-Q2' });
    expect(o.reorgs).toEqual([
      { period: '2025-Q2', note: 'Reorganisation: 0 teams moved in, 1 moved out' },
    ]);
    expect(tile(o, 'respondents').value).toBe(expectedEmployee('R1', '2025-Q2').respondents);
  });

  it('gives clear errors for an unknown unit or a period without data', async () => {
    expect(await dispatch('overview', { unitId: 'T42' }, t.ctx)).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: "Unit 'T42' is not in the hierarchy in force for 2025-Q2.",
      },
    });
    expect(await dispatch('overview', { period: '2019-Q1' }, t.ctx)).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'No data for period 2019-Q1. Periods in this workspace: 2025-Q1, 2025-Q2.',
      },
    });
  });
});
