import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedFigure } from '../../../src/main/engine/export/content';
import { auditExport, loadAuditTree } from '../../../src/main/engine/export/disclosureAudit';
import { dispatch } from '../../../src/main/engine/dispatch';
import { buildStoryContent } from '../../../src/main/engine/export/buildStoryContent';
import { queryRows } from '../../../src/main/engine/db/query';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';
import {
  tinyHeadcount,
  tinyItems,
  tinyOrgSnapshots,
  tinyRespondents,
} from '../../fixtures/tinyCompany';

/*
 * Figures the real engine shows (only shown ones, with their n) for the tiny company, every unit
 * and every view that prints employee figures, all in one export: the audit passes them. The
 * same company published by a naive rule (every group of at least the minimum) is refused.
 */

const PERIODS = ['2025-Q1', '2025-Q2'];
const EMPLOYEE = new Set([
  'engagement_index',
  'pct_favourable',
  'enps',
  'respondents',
  'response_rate',
  'attrition',
  'absence_days_per_head',
  'recognition_per_head',
]);

interface Tile {
  metric: string;
  value: number | null;
  n: number | null;
  status: string;
}
interface HeatRow {
  unitId: string;
  n: number | null;
  status: string;
  cells: { value: string; pctFavourable: number | null; n: number | null; status: string }[];
}

let t: TinyWorkspace;
beforeAll(async () => {
  t = await tinyWorkspace();
}, 60_000);
afterAll(() => t.cleanup());

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(method, input, t.ctx);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r)}`);
  return r.value as T;
}

async function unitsOf(period: string): Promise<{ id: string; parentId: string | null }[]> {
  return (await call<{ units: { id: string; parentId: string | null }[] }>('hierarchy', { period }))
    .units;
}

/** What the engine's views show, one slide per view and unit, as an export would collect it. */
async function engineFigures(): Promise<{ published: PublishedFigure[]; titles: string[] }> {
  const published: PublishedFigure[] = [];
  const titles: string[] = [];
  const slide = (title: string) => titles.push(title) - 1;
  for (const period of PERIODS) {
    const units = await unitsOf(period);
    for (const u of units) {
      const s = slide(`Overview ${u.id} ${period}`);
      const o = await call<{ tiles: Tile[] }>('overview', { period, unitId: u.id });
      for (const tile of o.tiles)
        if (EMPLOYEE.has(tile.metric) && tile.status === 'ok' && tile.n !== null)
          published.push({
            slide: s,
            period,
            subject: { kind: 'unit', unitId: u.id },
            metric: tile.metric,
            n: tile.n,
            value: tile.value,
          });
    }
    for (const parent of units.filter((u) => units.some((c) => c.parentId === u.id))) {
      for (const groupBy of ['org', 'role', 'tenure_band']) {
        const s = slide(`Values ${parent.id} ${groupBy} ${period}`);
        const h = await call<{ rows: HeatRow[]; parentRow: HeatRow }>('heatmap', {
          period,
          parentId: parent.id,
          groupBy,
        });
        const subjectOf = (row: HeatRow): PublishedFigure['subject'] =>
          groupBy === 'org' || row === h.parentRow
            ? { kind: 'unit', unitId: row.unitId }
            : { kind: 'group', scopeUnitId: parent.id, grouping: groupBy, group: row.unitId };
        for (const row of [...h.rows, h.parentRow]) {
          if (row.status !== 'ok' || row.n === null) continue;
          const subject = subjectOf(row);
          published.push({
            slide: s,
            period,
            subject,
            metric: 'respondents',
            n: row.n,
            value: row.n,
          });
          for (const cell of row.cells)
            if (cell.status === 'ok' && cell.n !== null)
              published.push({
                slide: s,
                period,
                subject,
                metric: cell.value,
                n: cell.n,
                value: cell.pctFavourable,
              });
        }
      }
    }
  }
  return { published, titles };
}

describe('loadAuditTree', () => {
  it("reads each period's hierarchy in force, respondents by role and tenure, headcount and one-item values", async () => {
    const populations = await loadAuditTree(t.ws.conn, PERIODS);
    for (const [period, snapshot] of [
      ['2025-Q1', tinyOrgSnapshots[0]!],
      ['2025-Q2', tinyOrgSnapshots[1]!],
    ] as const) {
      const tree = populations.get(period)!;
      expect(Object.fromEntries(tree.parent)).toEqual(
        Object.fromEntries(snapshot.rows.map((r) => [r[0], r[2] === '' ? null : r[2]])),
      );
      expect(tree.names!.get('T2')).toBe('Store B');
      const respondents = new Map<string, number>();
      for (const r of tinyRespondents.filter((r) => r.period === period))
        respondents.set(r.unit, (respondents.get(r.unit) ?? 0) + 1);
      const loaded = new Map<string, number>();
      for (const row of tree.people!) loaded.set(row.unit, (loaded.get(row.unit) ?? 0) + row.n);
      expect(loaded).toEqual(respondents);
      const roles = new Set(tree.people!.map((row) => row.groups.role));
      expect(roles).toEqual(new Set(tinyRespondents.map((r) => r.role)));
      expect(Object.fromEntries(tree.headcount!)).toEqual(
        Object.fromEntries(tinyHeadcount.filter((h) => h[1] === period).map((h) => [h[0], h[2]])),
      );
      const oneItemValues = tinyItems
        .map((i) => i[2] as string)
        .filter((f, _, all) => f.startsWith('value:') && all.filter((g) => g === f).length === 1);
      expect(tree.oneAnswerEach).toEqual(new Set(oneItemValues));
    }
  });
});

describe('disclosure audit on the real engine', () => {
  it('everything the engine shows for the tiny company, in one export, passes', async () => {
    const { published, titles } = await engineFigures();
    // the export is not trivial: units, groups and several metrics in both periods
    expect(published.length).toBeGreaterThan(100);
    expect(new Set(published.map((f) => f.subject.kind))).toEqual(new Set(['unit', 'group']));
    const populations = await loadAuditTree(t.ws.conn, PERIODS);
    expect([...populations.keys()]).toEqual(PERIODS);
    const result = auditExport({ published, slideTitles: titles, minGroupSize: 5, populations });
    expect(result.findings.map((f) => f.message)).toEqual([]);
    expect(result.ok).toBe(true);
  }, 120_000);

  it('the tiny company published by the naive rule is refused: a region minus its shown stores', async () => {
    const period = '2025-Q1';
    const counts = await queryRows<{ unit_id: string; n: number }>(
      t.ws.conn,
      `SELECT c.ancestor_id AS unit_id, count(*)::INTEGER AS n
       FROM survey_respondents r JOIN org_closure c
         ON c.descendant_id = r.unit_id AND c.effective_from = hierarchy_for(r.period)
       WHERE r.period = $period GROUP BY ALL`,
      { period },
    );
    const units = await unitsOf(period);
    const nOf = new Map(counts.map((c) => [c.unit_id, c.n]));
    const small = units.filter((u) => (nOf.get(u.id) ?? 0) > 0 && nOf.get(u.id)! < 5);
    expect(small.map((u) => u.id)).toHaveLength(1);
    const published: PublishedFigure[] = units
      .filter((u) => (nOf.get(u.id) ?? 0) >= 5)
      .map((u) => ({
        slide:
          u.parentId === null
            ? 0
            : units.find((p) => p.id === u.parentId)!.parentId === null
              ? 1
              : 2,
        period,
        subject: { kind: 'unit', unitId: u.id },
        metric: 'respondents',
        n: nOf.get(u.id)!,
        value: nOf.get(u.id)!,
      }));
    const populations = await loadAuditTree(t.ws.conn, [period]);
    const result = auditExport({
      published,
      slideTitles: ['Company', 'Regions', 'Stores'],
      minGroupSize: 5,
      populations,
    });
    expect(result.ok).toBe(false);
    const names = populations.get(period)!.names!;
    const finding = result.findings.find((f) => f.group === names.get(small[0]!.id));
    expect(finding?.n).toBe(nOf.get(small[0]!.id));
    expect(finding?.slides.map((s) => s.number)).toEqual([2, 3]);
    expect(
      auditExport({
        published: published.filter((f) => !result.hide.includes(f)),
        slideTitles: ['Company', 'Regions', 'Stores'],
        minGroupSize: 5,
        populations,
      }).ok,
    ).toBe(true);
  }, 60_000);

  it('a story of every view for every unit, built as the exports build it, passes as a whole', async () => {
    const units = ['C', 'R1', 'R2', 'T1', 'T2', 'T3', 'T4'];
    const states = PERIODS.flatMap((period) => [
      ...units.map((u) => `#/overview?period=${period}&unit=${u}`),
      ...['C', 'R1', 'R2'].flatMap((u) => [
        `#/values?period=${period}&unit=${u}`,
        `#/values?period=${period}&unit=${u}&group=role`,
        `#/values?period=${period}&unit=${u}&group=tenure_band`,
        `#/teams?period=${period}&unit=${u}&scope=direct`,
      ]),
      ...units.map((u) => `#/teams?period=${period}&unit=${u}`),
      `#/values?period=${period}&mode=vs_previous`,
      `#/linkage?period=${period}&lag=0`,
      `#/drivers?period=${period}`,
      // Brushed sets, across regions and nested: a set's figure is about its shown members only.
      ...['T1.T2.T4', 'R1.T3', 'T1.T3', 'R1.R2.T2'].flatMap((ids) => [
        `#/overview?period=${period}&units=${ids}&from=brush`,
        `#/values?period=${period}&units=${ids}&from=brush`,
      ]),
    ]);
    const views = [];
    for (const [i, state] of states.entries())
      views.push(await call<{ id: string }>('viewSave', { title: `View ${i + 1}`, state }));
    await call('storySave', {
      name: 'everything',
      title: 'Every view of every unit',
      slides: views.map((v) => ({ viewId: v.id })),
    });
    const content = await buildStoryContent(t.ctx, { story: 'everything' });
    const published = content.slides.flatMap((sl) => sl.published);
    expect(content.slides.filter((sl) => sl.problem !== null).map((sl) => sl.problem)).toEqual([]);
    // units, demographic groups and direct scopes, over many slides
    expect(new Set(published.map((f) => f.subject.kind))).toEqual(
      new Set(['unit', 'group', 'members', 'set']),
    );
    expect(new Set(published.map((f) => f.slide)).size).toBeGreaterThan(40);
    const result = auditExport({
      published,
      slideTitles: content.slides.map((sl) => sl.title),
      minGroupSize: content.minGroupSize,
      populations: await loadAuditTree(t.ws.conn, PERIODS),
    });
    expect(result.findings.map((f) => f.message)).toEqual([]);
  }, 120_000);
});
