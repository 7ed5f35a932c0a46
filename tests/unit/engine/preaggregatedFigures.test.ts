import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../src/shared/contract';
import { METRIC_IDS, type MetricId } from '../../../src/shared/metrics';
import { groupStats } from '../../../src/main/engine/analytics/heatmap/stats';
import { loadLinkageData } from '../../../src/main/engine/analytics/linkage/data';
import { pearson } from '../../../src/main/engine/analytics/linkage/stats';
import { queryRows } from '../../../src/main/engine/db/query';
import { dispatch } from '../../../src/main/engine/dispatch';
import { rebuildDerived } from '../../../src/main/engine/derived/refresh';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { FileRegistry } from '../../../src/main/engine/import/fileRegistry';
import { importFile } from '../../../src/main/engine/import/importFile';
import { unitFigures } from '../../../src/main/engine/metrics/rollups';
import { csv, hierarchyWorkspace, unitsUnder, type Figures } from './preaggregatedFixture';

// Figures given pre-aggregated, used by every method as if the rows behind them had been loaded:
// each figure below is computed here from the file's own rows by the stated rules (sums value x
// n over the teams under a unit, divided by the sum of n; HR figures over the largest n of the
// team's HR figures), sharing no code with the engine. The file gives team figures only, for
// two quarters; from 2025-Q2 T3 reports to R2, and T5 has 3 people in 2025-Q2.

const TEAMS = ['T1', 'T2', 'T3', 'T4', 'T5'];
const PERIODS = ['2025-Q1', '2025-Q2'];
const UNITS = ['C', 'R1', 'R2', ...TEAMS];
const PEOPLE: Record<string, number[]> = {
  '2025-Q1': [12, 9, 8, 15, 7],
  '2025-Q2': [12, 9, 8, 14, 3],
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

interface Given {
  unit: string;
  period: string;
  metric: MetricId;
  value: number;
  n: number;
}

const GIVEN: Given[] = PERIODS.flatMap((period, j) =>
  TEAMS.flatMap((unit, i): Given[] => {
    const people = PEOPLE[period]![i]!;
    const row = (metric: MetricId, value: number, n: number): Given => ({
      unit,
      period,
      metric,
      value: r1(value),
      n,
    });
    return [
      row('engagement_index', 55 + 7.3 * i - 2.1 * j, people),
      row('pct_favourable', 60 + 5.5 * i + j, people),
      row('enps', -20 + 11.7 * i + 3 * j, people),
      row('respondents', people, people),
      row('nps', 10 + 9.1 * i - 4 * j, 100 + 20 * i),
      row('csat', 70 + 3.3 * i, 90 + 10 * i),
      row('ces', 4.1 + 0.35 * i, 60 + 5 * i),
      row('ces_agree', 55 + 4.4 * i, 50 + 5 * i),
      ...(i % 2 === 0 ? [row('customer_responses', 150 + 20 * i, 150 + 20 * i)] : []),
      row('avg_handle_seconds', 300 - 10 * i + j, 800 + 50 * i),
      ...(i < 2 ? [row('avg_hold_seconds', 40 + 5 * i, 700)] : []),
      row('transfer_rate', 8 + i, 800 + 50 * i),
      row('repeat_contact_rate', 12 - i + 0.5 * j, 810 + 50 * i),
      ...(i === 1 ? [row('interactions', 900, 900)] : []),
      row('attrition', 3 + i + 0.5 * j, 20 + 2 * i),
      row('absence_days_per_head', 1.5 + 0.25 * i, 21 + 2 * i),
      row('recognition_per_head', 0.4 + 0.1 * i, 19 + 2 * i),
    ];
  }),
);

const CUSTOMER: MetricId[] = ['nps', 'csat', 'ces', 'ces_agree', 'customer_responses'];
const CONTACT: MetricId[] = [
  'interactions',
  'avg_handle_seconds',
  'avg_hold_seconds',
  'avg_talk_seconds',
  'avg_wrap_seconds',
  'repeat_contact_rate',
  'transfer_rate',
];
const HR: MetricId[] = ['attrition', 'absence_days_per_head', 'recognition_per_head'];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The figure the stated rules give for a unit's roll-up, or null when nothing is given. */
function expected(metric: MetricId, unit: string, period: string): number | null {
  const teams = unitsUnder(unit, period);
  const rows = GIVEN.filter((g) => g.period === period && teams.includes(g.unit));
  const of = (m: MetricId) => rows.filter((g) => g.metric === m);
  const weighted = (m: MetricId) => {
    const given = of(m);
    const n = sum(given.map((g) => g.n));
    return given.length === 0 || n === 0 ? null : sum(given.map((g) => g.value * g.n)) / n;
  };
  // A team's headcount: the largest n among its HR figures; a count: the figure, or the largest n.
  const teamsWith = (ms: MetricId[]) => [
    ...new Set(rows.filter((g) => ms.includes(g.metric)).map((g) => g.unit)),
  ];
  const largestN = (team: string, ms: MetricId[]) =>
    Math.max(...rows.filter((g) => g.unit === team && ms.includes(g.metric)).map((g) => g.n));
  const heads = (team: string) => largestN(team, HR);
  const headcount = sum(teamsWith(HR).map(heads));
  const perHead = (m: MetricId) => sum(of(m).map((g) => g.value * heads(g.unit))) / headcount;
  const count = (m: MetricId, family: MetricId[]) =>
    sum(
      teamsWith(family).map((t) => of(m).find((g) => g.unit === t)?.value ?? largestN(t, family)),
    );
  switch (metric) {
    case 'respondents':
      return sum(of('respondents').map((g) => g.n));
    case 'response_rate':
      return (sum(of('respondents').map((g) => g.n)) * 100) / headcount;
    case 'attrition':
    case 'absence_days_per_head':
    case 'recognition_per_head':
      return perHead(metric);
    case 'customer_responses':
      return count(metric, CUSTOMER);
    case 'interactions':
      return count(metric, CONTACT);
    default:
      return weighted(metric);
  }
}

let f: Figures;
let ctx: EngineContext;

async function call<M extends 'overview' | 'drilldown'>(
  method: M,
  input: unknown,
): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as MethodOutput<M>;
}

beforeAll(async () => {
  f = await hierarchyWorkspace();
  ctx = {
    ws: f.ws,
    files: new FileRegistry(),
    imports: { current: null },
    emitProgress: () => undefined,
  };
  const report = await importFile(
    f.ws,
    f.write(
      'warehouse.csv',
      csv([
        ['unit_id', 'period', 'metric', 'value', 'n'],
        ...GIVEN.map((g) => [g.unit, g.period, g.metric, g.value, g.n]),
      ]),
    ),
    { kind: 'preaggregated' },
  );
  expect(report.rowsQuarantined).toBe(0);
});
afterAll(() => f.cleanup());

describe('pre-aggregated figures in the derived tables', () => {
  it('every registry metric of every unit and quarter is what the rules give', async () => {
    const rows = await unitFigures(f.ws.conn, UNITS, PERIODS, METRIC_IDS);
    expect(rows).toHaveLength(UNITS.length * PERIODS.length);
    for (const row of rows) {
      for (const metric of METRIC_IDS) {
        const want = expected(metric, row.unit_id, row.period);
        const got = row[metric] as number | null;
        const where = `${metric} ${row.unit_id} ${row.period}`;
        if (want === null) expect(got, where).toBeNull();
        else expect(got, where).toBeCloseTo(want, 9);
      }
    }
    // A team's own figure comes back as given, exactly as the formula says.
    const t4 = rows.find((r) => r.unit_id === 'T4' && r.period === '2025-Q1')!;
    for (const g of GIVEN.filter((x) => x.unit === 'T4' && x.period === '2025-Q1'))
      expect(t4[g.metric] as number, g.metric).toBeCloseTo(g.value, 9);
    // Means and rates have their own n: hold time is given for T1 and T2 only.
    expect(
      rows.find((r) => r.unit_id === 'R2' && r.period === '2025-Q1')!.avg_hold_seconds,
    ).toBeNull();
    expect(rows.find((r) => r.unit_id === 'C' && r.period === '2025-Q1')!.avg_hold_seconds_n).toBe(
      1400,
    );
  });

  it('the overview shows them under each source rule, with the n behind them', async () => {
    const out = await call('overview', { period: '2025-Q1', unitId: 'R1' });
    const tile = (m: MetricId) => out.tiles.find((t) => t.metric === m)!;
    for (const m of out.tiles.map((t) => t.metric)) {
      const want = expected(m, 'R1', '2025-Q1');
      expect(tile(m).status, m).toBe('ok');
      expect(tile(m).value, m).toBe(round2(want!));
    }
    expect(tile('engagement_index').n).toBe(12 + 9 + 8);
    expect(tile('nps').n).toBe(100 + 120 + 140);
    // HR figures: n is the headcount, the largest n of each team's HR figures.
    expect(tile('attrition').n).toBe(21 + 23 + 25);
    // The trend has the next quarter, after T3 moved to R2.
    const q2 = out.trend.find((t) => t.period === '2025-Q2')!.values;
    expect(q2.find((v) => v.metric === 'respondents')!.value).toBe(12 + 9);
  });

  it('a team under the minimum is suppressed, and so is its next-smallest sibling (the stored decisions)', async () => {
    const decided = await queryRows<{ unit_id: string; figure: string; reason: string }>(
      f.ws.conn,
      `SELECT unit_id, figure, reason FROM suppressed_figures
       WHERE period = '2025-Q2' AND figure IN ('engagement_index', 'respondents')
       ORDER BY figure, unit_id`,
    );
    expect(decided.map((d) => `${d.figure} ${d.unit_id}`)).toEqual([
      'engagement_index T3',
      'engagement_index T5',
      'respondents T3',
      'respondents T5',
    ]);
    expect(decided.find((d) => d.unit_id === 'T5')!.reason).toMatch(/fewer than 5/);
    expect(decided.find((d) => d.unit_id === 'T3')!.reason).toMatch(/neighbouring group/);
    // 2025-Q1: every team has at least 5 people, nothing is hidden.
    const q1 = await queryRows(
      f.ws.conn,
      "SELECT * FROM suppressed_figures WHERE period = '2025-Q1'",
    );
    expect(q1).toEqual([]);

    for (const unitId of ['T5', 'T3']) {
      const out = await call('overview', { period: '2025-Q2', unitId });
      for (const m of ['engagement_index', 'pct_favourable', 'enps', 'respondents'] as const) {
        const t = out.tiles.find((x) => x.metric === m)!;
        expect(t, `${unitId} ${m}`).toMatchObject({ status: 'suppressed', value: null, n: null });
      }
      // Customer figures are never hidden.
      expect(out.tiles.find((x) => x.metric === 'nps')!.status).toBe('ok');
    }
    const t4 = await call('overview', { period: '2025-Q2', unitId: 'T4' });
    expect(t4.tiles.find((x) => x.metric === 'engagement_index')).toMatchObject({
      status: 'ok',
      value: round2(expected('engagement_index', 'T4', '2025-Q2')!),
      n: 14,
    });
  });

  it('heatmap roll-ups read the same respondents, per unit and period', async () => {
    // The heatmap's rows are each unit's full roll-up from the figure statistics; its period
    // guard still asks for survey answers (see the report), so the roll-ups are read directly.
    const stats = await groupStats(f.ws.conn, ['2025-Q2'], ['C', 'R1', 'R2', 'T3', 'T4', 'T5']);
    const n = (id: string) => stats.get('2025-Q2')!.get(id)!.respondents;
    expect(['C', 'R1', 'R2', 'T3', 'T4', 'T5'].map(n)).toEqual([46, 21, 25, 8, 14, 3]);
  });

  it('linkage places each team at its figures and correlates them as the formula says', async () => {
    // The loader every linkage method reads (its period guard still asks for survey answers).
    const load = (period: string) =>
      loadLinkageData(f.ws.conn, {
        employeeMetric: 'engagement_index',
        customerMetric: 'nps',
        level: 'team',
        groupLevel: 'region',
        pairs: [{ employeePeriod: period, customerPeriod: period }],
        minSize: 5,
      });
    const q1 = await load('2025-Q1');
    expect(q1.observations.map((p) => p.unitId).sort()).toEqual(TEAMS);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const team of TEAMS) {
      const p = q1.observations.find((x) => x.unitId === team)!;
      const x = round2(expected('engagement_index', team, '2025-Q1')!);
      const y = round2(expected('nps', team, '2025-Q1')!);
      expect(p.x).toBeCloseTo(x, 9);
      expect(p.y).toBeCloseTo(y, 9);
      expect(p.nEmployees).toBe(PEOPLE['2025-Q1']![TEAMS.indexOf(team)]);
      expect(p.groupId).toBe(team <= 'T3' ? 'R1' : 'R2');
      xs.push(x);
      ys.push(y);
    }
    expect(q1.company.get('2025-Q1>2025-Q1')).toEqual({
      x: round2(expected('engagement_index', 'C', '2025-Q1')!),
      y: round2(expected('nps', 'C', '2025-Q1')!),
    });
    const mx = sum(xs) / xs.length;
    const my = sum(ys) / ys.length;
    const sxy = sum(xs.map((x, i) => (x - mx) * (ys[i]! - my)));
    const sxx = sum(xs.map((x) => (x - mx) ** 2));
    const syy = sum(ys.map((y) => (y - my) ** 2));
    expect(
      pearson(
        q1.observations.map((o) => o.x),
        q1.observations.map((o) => o.y),
      ),
    ).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 9);
    // In 2025-Q2 the suppressed teams are left out, with their reasons, and no figure of theirs.
    const q2 = await load('2025-Q2');
    expect(q2.observations.map((p) => p.unitId).sort()).toEqual(['T1', 'T2', 'T4']);
    expect(q2.exclusions.map((e) => e.unitId).sort()).toEqual(['T3', 'T5']);
  });

  it('the drill-down (roll-up scope) shows the same figures, HR per head over the shared headcount', async () => {
    const result = await dispatch('drilldown', { unitId: 'R1', period: '2025-Q1' }, ctx);
    if (!result.ok) throw new Error(result.error.message);
    const out = result.value as MethodOutput<'drilldown'>;
    for (const m of out.headline) {
      const want = expected(m.metric, 'R1', '2025-Q1');
      if (want === null) expect(m.status, m.metric).toBe('no_data');
      else expect(m.value, m.metric).toBe(round2(want));
    }
    expect(out.headcount).toBe(21 + 23 + 25);
    expect(out.attrition).toBe(round2(expected('attrition', 'R1', '2025-Q1')!));
    expect(out.absenceDaysPerHead).toBe(
      round2(expected('absence_days_per_head', 'R1', '2025-Q1')!),
    );
    expect(out.recognitionPerHead).toBe(round2(expected('recognition_per_head', 'R1', '2025-Q1')!));
  });

  it('the drill-down of direct reports counts given customer and HR figures of the units in it', async () => {
    // R1's teams all report to it directly: its direct scope holds the same units as its roll-up.
    const result = await dispatch(
      'drilldown',
      { unitId: 'R1', period: '2025-Q1', scope: 'direct' },
      ctx,
    );
    if (!result.ok) throw new Error(result.error.message);
    const out = result.value as MethodOutput<'drilldown'>;
    for (const metric of ['nps', 'csat'] as const) {
      const tile = out.headline.find((m) => m.metric === metric)!;
      expect(tile.value, metric).toBe(round2(expected(metric, 'R1', '2025-Q1')!));
    }
    expect(out.headcount).toBe(21 + 23 + 25);
    expect(out.attrition).toBe(round2(expected('attrition', 'R1', '2025-Q1')!));
    expect(out.absenceDaysPerHead).toBe(
      round2(expected('absence_days_per_head', 'R1', '2025-Q1')!),
    );
    expect(out.recognitionPerHead).toBe(round2(expected('recognition_per_head', 'R1', '2025-Q1')!));
  });

  it('a new minimum group size decides the given figures again; a full rebuild gives the same tables', async () => {
    const before = await queryRows(
      f.ws.conn,
      'SELECT * FROM unit_period_stats ORDER BY period, unit_id',
    );
    const stats = await queryRows(f.ws.conn, 'SELECT * FROM employee_figure_stats ORDER BY ALL');
    await rebuildDerived(f.ws.conn);
    // The same sums, up to the order DuckDB adds them in.
    const same = (a: Record<string, unknown>[], b: Record<string, unknown>[]) => {
      expect(a.length).toBe(b.length);
      a.forEach((row, i) => {
        for (const [k, v] of Object.entries(row)) {
          if (typeof v === 'number') expect(b[i]![k] as number, k).toBeCloseTo(v, 9);
          else expect(b[i]![k], k).toEqual(v);
        }
      });
    };
    same(
      before,
      await queryRows(f.ws.conn, 'SELECT * FROM unit_period_stats ORDER BY period, unit_id'),
    );
    same(stats, await queryRows(f.ws.conn, 'SELECT * FROM employee_figure_stats ORDER BY ALL'));

    const set = await dispatch('settings', { minGroupSize: 10 }, ctx);
    expect(set.ok).toBe(true);
    const hidden = await queryRows<{ unit_id: string }>(
      f.ws.conn,
      `SELECT unit_id FROM suppressed_figures WHERE period = '2025-Q1' AND figure = 'engagement_index' ORDER BY 1`,
    );
    // T2 (9), T3 (8) are under 10 in R1; T5 (7) in R2, and T4 beside it.
    expect(hidden.map((h) => h.unit_id)).toEqual(['T2', 'T3', 'T4', 'T5']);
    await dispatch('settings', { minGroupSize: 5 }, ctx);
  });
});
