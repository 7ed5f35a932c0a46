import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  drilldownOutputSchema,
  type DrilldownInput,
  type DrilldownOutput,
} from '../../../src/shared/analytics/drilldown';
import { contract, metricValueSchema, type MethodOutput } from '../../../src/shared/contract';
import { dispatch } from '../../../src/main/engine/dispatch';
import { drilldown } from '../../../src/main/engine/handlers/drilldown';
import { UpstreamError } from '../../../src/shared/result';
import {
  tinyCalls,
  tinyHeadcount,
  tinyRecognition,
  tinyItems,
  tinyOrgSnapshots,
  tinyRespondents,
  type TinyRespondent,
} from '../../fixtures/tinyCompany';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

// Independent computations straight from the fixture's arrays and DOMAIN.md; no engine code.
function teamsUnder(unit: string, period: string): string[] {
  const snapshot = period === '2025-Q1' ? tinyOrgSnapshots[0]! : tinyOrgSnapshots[1]!;
  const children = (id: string): string[] =>
    snapshot.rows.filter((r) => r[2] === id).map((r) => r[0]!);
  const all = (id: string): string[] => [id, ...children(id).flatMap(all)];
  return all(unit);
}
const people = (unit: string, period: string): TinyRespondent[] =>
  tinyRespondents.filter((r) => r.period === period && teamsUnder(unit, period).includes(r.unit));

/** The scored answer (reverse-coded L1 flipped) to one item, or null. */
function scored(p: TinyRespondent, item: string): number | null {
  const raw = p[item as 'E1' | 'E2' | 'V1' | 'L1'];
  if (raw === null) return null;
  return item === 'L1' ? 6 - raw : raw;
}
function itemFavourable(group: TinyRespondent[], item: string) {
  const answers = group.map((p) => scored(p, item)).filter((v): v is number => v !== null);
  return { pct: (answers.filter((v) => v >= 4).length / answers.length) * 100, n: answers.length };
}

const expectRounded = (actual: number | null | undefined, expected: number) =>
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(0.0051);

describe('drilldown on the tiny company', () => {
  let t: TinyWorkspace;
  const call = async (input: DrilldownInput): Promise<DrilldownOutput> =>
    drilldownOutputSchema.parse(await drilldown(input, t.ctx));
  const overview = async (input: unknown): Promise<MethodOutput<'overview'>> => {
    const result = await dispatch('overview', input, t.ctx);
    if (!result.ok) throw new Error(result.error.message);
    return contract.overview.output.parse(result.value);
  };
  const headline = (d: DrilldownOutput, metric: string) =>
    d.headline.find((v) => v.metric === metric)!;

  beforeAll(async () => {
    t = await tinyWorkspace();
  });
  afterAll(() => t.cleanup());

  it('gives breadcrumbs from the company to the unit in the period’s hierarchy', async () => {
    const q1 = await call({ unitId: 'T2', period: '2025-Q1' });
    expect(q1.breadcrumbs).toEqual([
      { id: 'C', name: 'Acme Retail', level: 'company' },
      { id: 'R1', name: 'North', level: 'region' },
      { id: 'T2', name: 'Store B', level: 'team' },
    ]);
    const q2 = await call({ unitId: 'T2' });
    expect(q2.period).toBe('2025-Q2');
    expect(q2.scope).toBe('rollup');
    expect(q2.breadcrumbs.map((b) => b.id)).toEqual(['C', 'R2', 'T2']);
    expect((await call({ unitId: 'C' })).breadcrumbs.map((b) => b.id)).toEqual(['C']);
  });

  it.each([
    ['C', '2025-Q1'],
    ['C', '2025-Q2'],
    ['R1', '2025-Q1'],
    ['R1', '2025-Q2'],
    ['R2', '2025-Q1'],
    ['T1', '2025-Q2'],
    ['T2', '2025-Q1'],
    ['T3', '2025-Q1'],
    ['T4', '2025-Q1'],
  ])('headline for %s in %s equals the overview’s tiles', async (unitId, period) => {
    const d = await call({ unitId, period });
    const o = await overview({ unitId, period });
    expect(d.headline.map((v) => v.metric)).toEqual([
      'engagement_index',
      'enps',
      'pct_favourable',
      'respondents',
      'nps',
      'csat',
    ]);
    for (const v of d.headline) {
      const tile = o.tiles.find((x) => x.metric === v.metric)!;
      expect(v).toEqual({
        metric: tile.metric,
        value: tile.value,
        n: tile.n,
        status: tile.status,
        reason: tile.reason,
      });
      // The contract's own MetricValue shape.
      expect(metricValueSchema.parse(v)).toEqual(v);
    }
    // Trends, period by period, equal the overview's trend too.
    for (const point of d.trends) {
      const theirs = o.trend.find((x) => x.period === point.period)!;
      for (const v of point.values) {
        expect(v).toEqual(theirs.values.find((x) => x.metric === v.metric));
      }
    }
  });

  it('profiles each value against parent and company, as computed independently', async () => {
    const d = await call({ unitId: 'T1', period: '2025-Q1' });
    expect(d.values.map((v) => [v.value, v.name])).toEqual([['value:Integrity', 'Integrity']]);
    const v = d.values[0]!;
    for (const [cell, unit] of [
      [v.unit, 'T1'],
      [v.parent, 'R1'],
      [v.company, 'C'],
    ] as const) {
      const expected = itemFavourable(people(unit, '2025-Q1'), 'V1');
      expect(cell.status).toBe('ok');
      expect(cell.n).toBe(expected.n);
      expectRounded(cell.pctFavourable, expected.pct);
    }
    // The company has no parent; that is "no data", not suppression.
    const top = await call({ unitId: 'C', period: '2025-Q2' });
    expect(top.values[0]!.parent).toMatchObject({ status: 'no_data', pctFavourable: null });
    expectRounded(
      top.values[0]!.company.pctFavourable,
      itemFavourable(people('C', '2025-Q2'), 'V1').pct,
    );
  });

  it('lists the strongest and weakest items, leaving out items answered by too few', async () => {
    const period = '2025-Q2';
    const group = people('R1', period);
    const likert = tinyItems.filter((i) => i[3] === 1 && i[4] === 5);
    const ranked = likert
      .map((i) => ({ itemId: i[0], text: i[1], factor: i[2], ...itemFavourable(group, i[0]) }))
      .filter((i) => i.n >= 5)
      .sort((a, b) => b.pct - a.pct || a.itemId.localeCompare(b.itemId));
    const d = await call({ unitId: 'R1', period });
    expect(d.items.status).toBe('ok');
    const half = Math.ceil(ranked.length / 2);
    expect(d.items.strongest.map((i) => i.itemId)).toEqual(
      ranked.slice(0, Math.min(3, half)).map((i) => i.itemId),
    );
    expect(d.items.weakest.map((i) => i.itemId)).toEqual(
      [...ranked]
        .reverse()
        .slice(0, Math.min(3, ranked.length - half))
        .map((i) => i.itemId),
    );
    for (const item of [...d.items.strongest, ...d.items.weakest]) {
      const expected = ranked.find((r) => r.itemId === item.itemId)!;
      expect(item.n).toBe(expected.n);
      expect(item.text).toBe(expected.text);
      expectRounded(item.pctFavourable, expected.pct);
    }
    // Store B in 2025-Q1: 5 respondents, but E2 was answered by fewer than 5: left out.
    const e2 = tinyRespondents.filter(
      (r) => r.unit === 'T2' && r.period === '2025-Q1' && r.E2 !== null,
    );
    expect(e2.length).toBeLessThan(5);
    const b = await call({ unitId: 'T2', period: '2025-Q1' });
    const shown = [...b.items.strongest, ...b.items.weakest].map((i) => i.itemId);
    expect(shown).not.toContain('E2');
    expect(shown.length).toBeGreaterThan(0);
  });

  it('shows no employee number for a suppressed team, anywhere in its output', async () => {
    const d = await call({ unitId: 'T3', period: '2025-Q1' });
    // Every object marked suppressed carries no number at all.
    const suppressed: Record<string, unknown>[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.status === 'suppressed') suppressed.push(record);
        Object.values(record).forEach(walk);
      }
    };
    walk(d);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const record of suppressed) {
      for (const [key, value] of Object.entries(record)) {
        if (key === 'status' || key === 'reason' || key === 'metric') continue;
        // Every other field of a suppressed object is null (or an empty list).
        if (Array.isArray(value)) expect(value).toEqual([]);
        else expect(value, key).toBeNull();
      }
      expect(record.reason).toMatch(/^Suppressed/);
    }
    // Every employee figure of the team in the period is among them.
    for (const v of d.headline.filter((x) => !['nps', 'csat'].includes(x.metric))) {
      expect(v).toMatchObject({ value: null, n: null, status: 'suppressed' });
    }
    const q1 = d.trends.find((p) => p.period === '2025-Q1')!;
    expect(q1.values.filter((v) => v.status === 'suppressed')).toHaveLength(4);
    expect(d.values[0]!.unit).toMatchObject({ pctFavourable: null, n: null, status: 'suppressed' });
    expect(d.items).toMatchObject({ strongest: [], weakest: [], status: 'suppressed' });
    // Customers are not the protected party: still shown. HR records need a headcount of at
    // least the minimum (Store C has 4 people); the headcount itself is the org chart's.
    expect(headline(d, 'nps').status).toBe('ok');
    expect([d.headcount, d.attrition, d.absenceDaysPerHead, d.recognitionPerHead]).toEqual([
      4,
      null,
      null,
      null,
    ]);
    expect(d.hr.map((v) => [v.metric, v.status, v.value, v.n])).toEqual([
      ['attrition', 'suppressed', null, null],
      ['absence_days_per_head', 'suppressed', null, null],
      ['recognition_per_head', 'suppressed', null, null],
    ]);
    for (const v of d.hr)
      expect(v.reason).toBe('Suppressed: fewer than 5 people in the HR headcount');
  });

  it('applies the next-smallest rule among the direct reports (Store C and D in 2025-Q1)', async () => {
    const d = await call({ unitId: 'R2', period: '2025-Q1' });
    expect(d.children.map((c) => [c.id, c.status, c.respondents, c.engagement.value])).toEqual([
      ['T3', 'suppressed', null, null],
      ['T4', 'suppressed', null, null],
    ]);
    expect(d.children[0]!.reason).toBe('Suppressed: fewer than 5 respondents');
    expect(d.children[1]!.reason).toMatch(/neighbouring group/);
    const north = await call({ unitId: 'R1', period: '2025-Q1' });
    expect(north.children.map((c) => [c.id, c.status, c.respondents])).toEqual([
      ['T1', 'ok', 6],
      ['T2', 'ok', 5],
    ]);
    expect(north.children[0]!.engagement.status).toBe('ok');
    // Teams have no direct reports.
    expect((await call({ unitId: 'T1', period: '2025-Q1' })).children).toEqual([]);
  });

  it('marks the reorganisation of North in 2025-Q2 on its trend', async () => {
    const d = await call({ unitId: 'R1', period: '2025-Q2' });
    expect(d.trends.map((p) => [p.period, p.reorg])).toEqual([
      ['2025-Q1', null],
      ['2025-Q2', 'Reorganisation: 0 teams moved in, 1 moved out'],
    ]);
    const company = await call({ unitId: 'C' });
    expect(company.trends.every((p) => p.reorg === null)).toBe(true);
  });

  it('gives HR figures per head of headcount', async () => {
    const d = await call({ unitId: 'R1', period: '2025-Q1' });
    // The fixture's hr_metrics rows: leavers = row index % 3, absence days = 1.5 + row index.
    const rows = tinyHeadcount
      .map((h, i) => ({ unit: h[0], period: h[1], heads: h[2], leavers: i % 3, absence: 1.5 + i }))
      .filter((h) => h.period === '2025-Q1' && teamsUnder('R1', '2025-Q1').includes(h.unit));
    const heads = rows.reduce((s, h) => s + h.heads, 0);
    expect(d.headcount).toBe(heads);
    expectRounded(d.attrition, (rows.reduce((s, h) => s + h.leavers, 0) * 100) / heads);
    expectRounded(d.absenceDaysPerHead, rows.reduce((s, h) => s + h.absence, 0) / heads);
    const events = tinyRecognition.filter(
      (e) => e.at < '2025-04-01' && teamsUnder('R1', '2025-Q1').includes(e.unit),
    ).length;
    expectRounded(d.recognitionPerHead, events / heads);
  });

  it("gives the IVR reasons of the calls to the unit's queues, most frequent first", async () => {
    const d = await call({ unitId: 'R1', period: '2025-Q1' });
    const codes = ['S-A', 'S-B']; // North's stores in 2025-Q1
    const calls = tinyCalls.filter((c) => c.at < '2025-04-01' && codes.includes(c.queue));
    const counts = new Map<string, number>();
    for (const c of calls) counts.set(c.ivr, (counts.get(c.ivr) ?? 0) + 1);
    expect(d.ivrMix.interactions).toBe(calls.length);
    expect(Object.fromEntries(d.ivrMix.reasons.map((r) => [r.reason, r.interactions]))).toEqual(
      Object.fromEntries(counts),
    );
    const shares = d.ivrMix.reasons.map((r) => r.share);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
  });

  it('direct scope: a team is its own members; a region its own people and its teams’; the company its own and its regions’', async () => {
    const team = await call({ unitId: 'T1', period: '2025-Q2', scope: 'direct' });
    const teamRollup = await call({ unitId: 'T1', period: '2025-Q2' });
    expect(team.scope).toBe('direct');
    expect(team.headline).toEqual(teamRollup.headline);
    expect(team.values).toEqual(teamRollup.values);
    // North's teams are one level down: the same people as the roll-up.
    const north = await call({ unitId: 'R1', period: '2025-Q2', scope: 'direct' });
    expect(headline(north, 'respondents').value).toBe(people('R1', '2025-Q2').length);
    // Nobody is attached to the company or the regions themselves, and teams are two levels down.
    const top = await call({ unitId: 'C', period: '2025-Q2', scope: 'direct' });
    expect(headline(top, 'respondents')).toMatchObject({ value: null, status: 'no_data' });
    expect(top.items.status).toBe('no_data');
    expect(top.values[0]!.unit.status).toBe('no_data');
    expect(top.headcount).toBeNull();
    // The children list is the same in both scopes.
    expect(top.children).toEqual((await call({ unitId: 'C', period: '2025-Q2' })).children);
  });

  it('gives clear errors for an unknown unit, a period without data and bad input', async () => {
    await expect(call({ unitId: 'T42' })).rejects.toThrow(
      "Unit 'T42' is not in the hierarchy in force for 2025-Q2.",
    );
    await expect(call({ unitId: 'C', period: '2019-Q1' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No data for period 2019-Q1. Periods in this workspace: 2025-Q1, 2025-Q2.',
    });
    await expect(
      call({ unitId: 'C', scope: 'sideways' } as unknown as DrilldownInput),
    ).rejects.toBeInstanceOf(UpstreamError);
    await expect(call({} as DrilldownInput)).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' });
  });
});

describe('drilldown: place on the linkage chart', () => {
  let t2: TinyWorkspace;
  beforeAll(async () => {
    t2 = await tinyWorkspace();
  });
  afterAll(() => t2?.cleanup());

  it('places a store by its engagement against its customers, split at the company', async () => {
    const out = await drilldown({ unitId: 'T1', period: '2025-Q1' }, t2.ctx);
    const overview = async (unitId: string, period: string) =>
      (await dispatch('overview', { unitId, period }, t2.ctx)) as {
        ok: true;
        value: { tiles: { metric: string; value: number | null; n: number | null }[] };
      };
    const tile = async (unitId: string, period: string, metric: string) =>
      (await overview(unitId, period)).value.tiles.find((x) => x.metric === metric)!;
    // The next quarter has customer data: engagement in 2025-Q1 against NPS in 2025-Q2.
    expect(out.linkage).toMatchObject({
      employeePeriod: '2025-Q1',
      customerPeriod: '2025-Q2',
      lag: 1,
      point: { status: 'ok' },
    });
    expect(out.linkage.point.x).toBe((await tile('T1', '2025-Q1', 'engagement_index')).value);
    expect(out.linkage.point.y).toBe((await tile('T1', '2025-Q2', 'nps')).value);
    expect(out.linkage.point.companyX).toBe((await tile('C', '2025-Q1', 'engagement_index')).value);
    expect(out.linkage.point.companyY).toBe((await tile('C', '2025-Q2', 'nps')).value);
    const p = out.linkage.point;
    const highE = p.x! >= p.companyX!;
    const highC = p.y! >= p.companyY!;
    expect(p.quadrant).toBe(
      highE ? (highC ? 'bright_spot' : 'employee_only') : highC ? 'customer_only' : 'at_risk',
    );
  });

  it('gives no position for a suppressed store, and no number', async () => {
    const out = await drilldown({ unitId: 'T3', period: '2025-Q1' }, t2.ctx);
    expect(out.linkage.point).toMatchObject({
      status: 'suppressed',
      x: null,
      y: null,
      quadrant: null,
    });
  });
});
