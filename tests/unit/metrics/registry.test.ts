import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_IDS, METRICS, type MetricId } from '../../../src/shared/metrics';
import { unitFigures } from '../../../src/main/engine/metrics/rollups';
import {
  tinyCalls,
  tinyCustomers,
  tinyHeadcount,
  tinyItems,
  tinyMapping,
  tinyOrgSnapshots,
  tinyRecognition,
  tinyRespondents,
} from '../../fixtures/tinyCompany';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

// Every registry metric, as the engine stores and computes it (unit_period_stats and the
// registry's SQL), against a computation straight from the fixture's arrays and DOMAIN.md's
// definitions, for every unit and both quarters (Store B changes region between them).

const PERIODS = ['2025-Q1', '2025-Q2'] as const;
const UNITS = ['C', 'R1', 'R2', 'T1', 'T2', 'T3', 'T4'];

const quarterOf = (isoDate: string) =>
  `${isoDate.slice(0, 4)}-Q${Math.ceil(Number(isoDate.slice(5, 7)) / 3)}`;

function teamsUnder(unit: string, period: string): string[] {
  const snapshot = period === '2025-Q1' ? tinyOrgSnapshots[0]! : tinyOrgSnapshots[1]!;
  const children = (id: string): string[] =>
    snapshot.rows.filter((r) => r[2] === id).map((r) => r[0]!);
  const all = (id: string): string[] => [id, ...children(id).flatMap(all)];
  return all(unit);
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : null);
const share = (hits: number, of: number) => (of ? (hits * 100) / of : null);
const net = (xs: number[]) =>
  xs.length
    ? ((xs.filter((x) => x >= 9).length - xs.filter((x) => x <= 6).length) * 100) / xs.length
    : null;

function expected(metric: MetricId, unit: string, period: string): number | null {
  const teams = teamsUnder(unit, period);
  const people = tinyRespondents.filter((r) => r.period === period && teams.includes(r.unit));
  const heads = tinyHeadcount
    .map((h, i) => ({ unit: h[0], period: h[1], heads: h[2], leavers: i % 3, absence: 1.5 + i }))
    .filter((h) => h.period === period && teams.includes(h.unit));
  const headcount = heads.length ? heads.reduce((s, h) => s + h.heads, 0) : null;
  const codes = tinyMapping.filter((m) => teams.includes(m[1]!)).map((m) => m[0]);
  const customers = tinyCustomers.filter(
    (c) => quarterOf(c.at) === period && codes.includes(c.code),
  );
  const calls = tinyCalls.filter((c) => quarterOf(c.at) === period && codes.includes(c.queue));
  const likert = (r: (typeof people)[number]) =>
    [r.E1, r.E2, r.V1, r.L1 === null ? null : 6 - r.L1].filter((v): v is number => v !== null);
  const perCall = (f: (c: (typeof calls)[number]) => number) => mean(calls.map(f));
  switch (metric) {
    case 'engagement_index':
      return mean(
        people
          .map((r) => [r.E1, r.E2].filter((v): v is number => v !== null))
          .filter((e) => e.length > 0)
          .map((e) => mean(e.map((v) => ((v - 1) / 4) * 100))!),
      );
    case 'pct_favourable': {
      const answers = people.flatMap(likert);
      return share(answers.filter((v) => v >= 4).length, answers.length);
    }
    case 'enps':
      return net(people.map((r) => r.ENPS).filter((v): v is number => v !== null));
    case 'respondents':
      return people.length;
    case 'response_rate':
      return headcount ? (people.length * 100) / headcount : null;
    case 'attrition':
      return headcount ? (heads.reduce((s, h) => s + h.leavers, 0) * 100) / headcount : null;
    case 'absence_days_per_head':
      return headcount ? heads.reduce((s, h) => s + h.absence, 0) / headcount : null;
    case 'recognition_per_head':
      return headcount
        ? tinyRecognition.filter((e) => quarterOf(e.at) === period && teams.includes(e.unit))
            .length / headcount
        : null;
    case 'nps':
      return net(customers.map((c) => c.nps).filter((v): v is number => v !== null));
    case 'csat': {
      const answered = customers.map((c) => c.csat).filter((v): v is number => v !== null);
      return share(answered.filter((v) => v >= 4).length, answered.length);
    }
    case 'ces':
      return mean(customers.map((c) => c.ces).filter((v): v is number => v !== null));
    case 'ces_agree': {
      const answered = customers.map((c) => c.ces).filter((v): v is number => v !== null);
      return share(answered.filter((v) => v >= 5).length, answered.length);
    }
    case 'customer_responses':
      return customers.length;
    case 'interactions':
      return calls.length;
    case 'avg_handle_seconds':
      return perCall((c) => c.talk + c.hold + c.wrap);
    case 'avg_hold_seconds':
      return perCall((c) => c.hold);
    case 'avg_talk_seconds':
      return perCall((c) => c.talk);
    case 'avg_wrap_seconds':
      return perCall((c) => c.wrap);
    case 'repeat_contact_rate':
      return share(calls.filter((c) => c.repeat).length, calls.length);
    case 'transfer_rate':
      return share(calls.filter((c) => c.transferred).length, calls.length);
    case 'abandonment_rate':
      // The tiny company's log does not say whether calls were answered: no data, never 0.
      return null;
  }
}

let t: TinyWorkspace;
beforeAll(async () => {
  t = await tinyWorkspace();
});
afterAll(() => t?.cleanup());

describe('metric registry', () => {
  it('defines every metric once, with a formula, a scale family and a minimum n', () => {
    for (const id of METRIC_IDS) {
      const m = METRICS[id];
      expect(m.id).toBe(id);
      expect(m.formula.length).toBeGreaterThan(20);
      expect(m.minN.count === 'workspace' || m.minN.count >= 1).toBe(true);
      // Survey figures are the ones the confidentiality rules protect.
      expect(m.source === 'survey').toBe(m.minN.of === 'respondents');
    }
    expect(tinyItems.length).toBeGreaterThan(0);
  });

  it.each(METRIC_IDS)(
    'computes %s for every unit and quarter as the definition says',
    async (id) => {
      const rows = await unitFigures(t.ws.conn, UNITS, [...PERIODS], [id]);
      expect(rows).toHaveLength(UNITS.length * PERIODS.length);
      for (const row of rows) {
        const want = expected(id, row.unit_id, row.period);
        const got = row[id] as number | null;
        if (want === null) {
          expect(got, `${id} ${row.unit_id} ${row.period}`).toBeNull();
        } else {
          expect(got, `${id} ${row.unit_id} ${row.period}`).toBeCloseTo(want, 9);
        }
      }
    },
  );
});
