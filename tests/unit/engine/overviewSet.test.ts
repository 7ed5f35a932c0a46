import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import { callOverview, tileOf, type Overview } from '../../helpers/overviewCall';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

const tile = tileOf;

// A set's figures are made of its members' shown figures only, so whatever set is asked for,
// nothing is revealed that the members' own figures do not show.
describe('overview for a set of units', () => {
  let t: TinyWorkspace;
  const call = (input: unknown): Promise<Overview> => callOverview(t.ctx, input);
  beforeAll(async () => {
    t = await tinyWorkspace();
  });
  afterAll(() => t.cleanup());

  it('weights each member figure by its n and sums counts, in every period of the trend', async () => {
    const period = '2025-Q2';
    const set = await call({ unitIds: ['T1', 'T2', 'T4'], period });
    const members = await Promise.all(['T1', 'T2', 'T4'].map((u) => call({ unitId: u, period })));
    expect(set.unit).toEqual({ id: 'selection', name: '3 units', level: 'selection' });
    expect(set.set?.units.map((u) => u.id)).toEqual(['T1', 'T2', 'T4']);
    for (const metric of ['engagement_index', 'enps', 'nps', 'csat', 'respondents', 'attrition']) {
      const shown = members.map((m) => tile(m, metric)).filter((v) => v.status === 'ok');
      const got = tile(set, metric);
      if (shown.length === 0) {
        expect(got.value).toBeNull();
        continue;
      }
      const n = shown.reduce((s, v) => s + v.n!, 0);
      const expected =
        metric === 'respondents'
          ? shown.reduce((s, v) => s + v.value!, 0)
          : shown.reduce((s, v) => s + v.value! * v.n!, 0) / n;
      expect(got.status).toBe('ok');
      expect(got.n).toBe(n);
      expect(Math.abs(got.value! - expected)).toBeLessThanOrEqual(0.005);
      const hidden = members.filter((m) => tile(m, metric).status === 'suppressed').length;
      expect(set.set?.leftOut.find((l) => l.metric === metric)?.units).toBe(hidden);
    }
    expect(set.trend.map((p) => p.period)).toEqual(members[0]!.trend.map((p) => p.period));
  });

  it('two regions together equal the company where the company has no one of its own', async () => {
    const period = '2025-Q1';
    const set = await call({ unitIds: ['R1', 'R2'], period });
    const company = await call({ period });
    for (const metric of ['engagement_index', 'enps', 'nps', 'csat', 'customer_responses']) {
      expect(tile(set, metric).n).toBe(tile(company, metric).n);
      expect(Math.abs(tile(set, metric).value! - tile(company, metric).value!)).toBeLessThan(0.011);
    }
  });

  it("leaves a member's hidden figure out and says how many were left out", async () => {
    // Store C (T3) has 4 people in its 2025-Q1 headcount: its attrition is hidden.
    const alone = await call({ unitId: 'T3', period: '2025-Q1' });
    expect(tile(alone, 'attrition').status).toBe('suppressed');
    const set = await call({ unitIds: ['T3'], period: '2025-Q1' });
    expect(tile(set, 'attrition')).toMatchObject({ status: 'suppressed', value: null, n: null });
    expect(set.set?.leftOut.find((l) => l.metric === 'attrition')?.units).toBe(1);
    // A set of one shows exactly what the unit shows: hidden stays hidden.
    for (const t of alone.tiles)
      expect(tile(set, t.metric)).toMatchObject({ status: t.status, value: t.value });
  });

  it('counts a unit inside another member once, through it, and lists ids not in the organisation', async () => {
    const set = await call({ unitIds: ['T1', 'R1', 'NOPE'], period: '2025-Q1' });
    const region = await call({ unitId: 'R1', period: '2025-Q1' });
    expect(set.set).toMatchObject({ units: [{ id: 'R1' }], unknown: ['NOPE'] });
    expect(tile(set, 'enps')).toMatchObject({
      value: tile(region, 'enps').value,
      n: tile(region, 'enps').n,
    });
  });

  it('refuses one unit and a set at once', async () => {
    const result = await dispatch('overview', { unitId: 'R1', unitIds: ['R2'] }, t.ctx);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        'Give either unitId (one unit) or unitIds (a set of units), not both.',
      );
  });
});
