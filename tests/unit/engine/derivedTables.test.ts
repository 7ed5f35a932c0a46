import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import { importFile } from '../../../src/main/engine/import/importFile';
import { queryOne, queryRows } from '../../../src/main/engine/db/query';
import { suppressionReasons } from '../../../src/main/engine/confidentiality/reasons';
import { csv } from '../../fixtures/tinyCompany';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

// The tables imports keep (figure statistics, confidentiality decisions, the unit x period cube)
// are part of the workspace's state: they change with the data in the same transaction, and a
// failed import leaves them, and what methods answer from them, exactly as they were.

const DERIVED = [
  'employee_figure_stats',
  'suppressed_figures',
  'unit_period_stats',
  'customer_code_stats',
  'contact_queue_stats',
];

async function contents(t: TinyWorkspace): Promise<string[]> {
  const out: string[] = [];
  for (const table of DERIVED) {
    const row = await queryOne<{ text: string | null }>(
      t.ws.conn,
      `SELECT string_agg(CAST(x AS VARCHAR), chr(10) ORDER BY CAST(x AS VARCHAR)) AS text FROM ${table} x`,
    );
    out.push(`${table}: ${row?.text ?? ''}`);
  }
  return out;
}

async function overviewOf(t: TinyWorkspace, unitId: string, period: string) {
  const result = await dispatch('overview', { unitId, period }, t.ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { tiles: { metric: string; value: number | null; n: number | null }[] };
}

/** A corrected 2025-Q2 survey for Store A: ten new respondents, everyone fully favourable. */
function correctedSurvey(t: TinyWorkspace): string {
  const path = join(t.dir, 'survey_2025-Q2_corrected.csv');
  const rows = Array.from({ length: 10 }, (_, i) => [
    `fix-${i}`,
    '2025-Q2',
    'T1',
    '2025-05-20',
    '1-3y',
    'front_line',
    5,
    5,
    5,
    1,
    10,
  ]);
  writeFileSync(
    path,
    csv(
      [
        'respondent_id',
        'period',
        'unit_id',
        'submitted_at',
        'tenure_band',
        'role',
        'E1',
        'E2',
        'V1',
        'L1',
        'ENPS',
      ],
      rows,
    ),
  );
  return path;
}

let t: TinyWorkspace;
beforeAll(async () => {
  t = await tinyWorkspace();
});
afterAll(() => t?.cleanup());

describe('derived tables', () => {
  it('store the decisions of the whole-tree rules: a small team and its next-smallest sibling', async () => {
    // 2025-Q1: Store C has 3 respondents (under 5), Store D 8 beside it in South.
    const rows = await queryRows<{ unit_id: string; reason: string }>(
      t.ws.conn,
      `SELECT unit_id, reason FROM suppressed_figures
       WHERE period = '2025-Q1' AND figure = 'respondents' ORDER BY unit_id`,
    );
    expect(rows).toEqual([
      { unit_id: 'T3', reason: suppressionReasons.tooFew(5) },
      { unit_id: 'T4', reason: suppressionReasons.neighbour(5) },
    ]);
  });

  it('hold one roll-up row per unit, period and figure, consistent with the cube', async () => {
    const dupes = await queryOne<{ n: number }>(
      t.ws.conn,
      `SELECT count(*) AS n FROM (SELECT period, unit_id, scope, figure, role FROM employee_figure_stats
       GROUP BY ALL HAVING count(*) > 1)`,
    );
    expect(dupes!.n).toBe(0);
    const mismatch = await queryOne<{ n: number }>(
      t.ws.conn,
      `SELECT count(*) AS n FROM unit_period_stats u
       JOIN employee_figure_stats s ON s.period = u.period AND s.unit_id = u.unit_id
         AND s.scope = 'rollup' AND s.role = 'all' AND s.figure = 'respondents'
       WHERE s.n <> u.respondents`,
    );
    expect(mismatch!.n).toBe(0);
  });

  it('a failed import leaves them, and the answers built on them, exactly as they were', async () => {
    const before = await contents(t);
    const overview = await overviewOf(t, 'T1', '2025-Q2');
    const controller = new AbortController();
    await expect(
      importFile(
        t.ws,
        correctedSurvey(t),
        { kind: 'survey_responses' },
        {
          signal: controller.signal,
          // Cancelled after the rows and the derived tables were written, before the commit.
          onProgress: (p) => {
            if (p.phase === 'writing') controller.abort();
          },
        },
      ),
    ).rejects.toThrow(/cancelled; the workspace is unchanged/);
    expect(await contents(t)).toEqual(before);
    expect(await overviewOf(t, 'T1', '2025-Q2')).toEqual(overview);
  });

  it('change with the data in the import that changes it, and methods answer the new figures', async () => {
    const before = await overviewOf(t, 'T1', '2025-Q2');
    await importFile(t.ws, correctedSurvey(t), { kind: 'survey_responses' });
    const after = await overviewOf(t, 'T1', '2025-Q2');
    const tile = (o: typeof before, m: string) => o.tiles.find((x) => x.metric === m)!;
    expect(tile(after, 'respondents').value).toBe(10);
    expect(tile(after, 'engagement_index').value).toBe(100);
    expect(tile(before, 'engagement_index').value).not.toBe(100);
    // The replaced period's other stores have no respondents any more; 2025-Q1 is untouched.
    const q1 = await queryOne<{ n: number }>(
      t.ws.conn,
      `SELECT respondents AS n FROM unit_period_stats WHERE period = '2025-Q1' AND unit_id = 'C'`,
    );
    expect(q1!.n).toBe(22);
  });
});
