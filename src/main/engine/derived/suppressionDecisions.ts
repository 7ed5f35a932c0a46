import type { DuckDBConnection } from '@duckdb/node-api';
import {
  decideSuppression,
  type Counts,
  type PeriodCounts,
  type Role,
} from '../confidentiality/decideSuppression';
import { queryOne } from '../db/query';
import { timed } from '../stepTimes';

/** The minimum group size the stored decisions were made for (meta key). */
export const DECIDED_MIN_KEY = 'suppression_min_group_size';

/** One period's tree and counts, read as a single text: far cheaper than a row per count. */
export async function periodCounts(conn: DuckDBConnection, period: string): Promise<PeriodCounts> {
  const row = await queryOne<{ units: string | null; counts: string | null }>(
    conn,
    `SELECT
       (SELECT string_agg(unit_id || chr(9) || coalesce(parent_id, ''), chr(10))
        FROM org_units WHERE effective_from = hierarchy_for($p)) AS units,
       (SELECT string_agg(scope || chr(9) || figure || chr(9) || role || chr(9) || unit_id || chr(9) || n
          || chr(9) || answered || chr(9) || favourable || chr(9) || detractors || chr(9) || total, chr(10))
        FROM employee_figure_stats WHERE period = $p) AS counts`,
    { p: period },
  );
  const units = (row?.units ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, parent] = line.split('\t') as [string, string];
      return { id, parentId: parent === '' ? null : parent };
    });
  const figures = new Map<string, Map<Role, Counts>>();
  for (const line of (row?.counts ?? '').split('\n')) {
    if (!line) continue;
    // Figure names come from the item catalogue and may hold anything but a tab (split from the ends).
    const parts = line.split('\t');
    const total = Number(parts.pop());
    const detractors = Number(parts.pop());
    const favourable = Number(parts.pop());
    const answered = Number(parts.pop());
    const n = Number(parts.pop());
    const unit = parts.pop()!;
    const role = parts.pop() as Role;
    const scope = parts.shift()!;
    const figure = parts.join('\t');
    let byRole = figures.get(figure);
    if (!byRole) figures.set(figure, (byRole = new Map()));
    let counts = byRole.get(role);
    if (!counts) {
      const tallies = { rollup: new Map(), own: new Map() };
      byRole.set(role, (counts = { rollup: new Map(), own: new Map(), tallies }));
    }
    (scope === 'own' ? counts.own : counts.rollup).set(unit, n);
    (scope === 'own' ? counts.tallies!.own : counts.tallies!.rollup).set(unit, {
      n,
      answered,
      favourable,
      detractors,
      total,
    });
  }
  return { units, figures };
}

/**
 * Makes and stores the confidentiality decisions for some periods (decideSuppression over each
 * period's whole tree, at the workspace's minimum group size), replacing what was stored.
 */
export async function rebuildSuppressionDecisions(
  conn: DuckDBConnection,
  periods: string[],
  minSize: number,
): Promise<void> {
  await conn.run(
    `DELETE FROM suppressed_figures WHERE period IN (SELECT unnest(from_json($periods, '["VARCHAR"]')))`,
    { periods: JSON.stringify(periods) },
  );
  for (const period of periods) {
    const counts = await timed('reading the counts', () => periodCounts(conn, period));
    const decided = await timed('deciding', async () => decideSuppression(counts, minSize));
    const figure: string[] = [];
    const unit: string[] = [];
    const reason: string[] = [];
    for (const [f, hidden] of decided) {
      for (const [u, r] of hidden) {
        figure.push(f);
        unit.push(u);
        reason.push(r);
      }
    }
    if (figure.length === 0) continue;
    await timed('writing the decisions', () =>
      conn.run(
        `INSERT INTO suppressed_figures
       SELECT $period, unnest(j.f), unnest(j.u), unnest(j.r)
       FROM (SELECT from_json($rows, '{"f":["VARCHAR"],"u":["VARCHAR"],"r":["VARCHAR"]}') AS j)`,
        { period, rows: JSON.stringify({ f: figure, u: unit, r: reason }) },
      ),
    );
  }
  await conn.run(
    `INSERT INTO meta VALUES ($key, $min) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    { key: DECIDED_MIN_KEY, min: String(minSize) },
  );
}
