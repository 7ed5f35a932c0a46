import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db/query';
import { treeVisibility, type GroupNode, type Visibility } from './treeVisibility';

export type VisibilityMap = Map<string, Visibility>;

/**
 * The visibility of every unit's employee figures, per period, decided over the whole tree in
 * force for that period (treeVisibility). One query for all periods; every method that shows
 * employee figures asks this, so they all hide the same groups.
 */
export async function visibilityMaps(
  conn: DuckDBConnection,
  periods: string[],
  minSize: number,
): Promise<Map<string, VisibilityMap>> {
  const rows = await queryRows<{
    period: string;
    id: string;
    parentId: string | null;
    n: number;
    attached: number;
  }>(
    conn,
    `WITH sp AS (SELECT p AS period, hierarchy_for(p) AS eff FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS p)),
     units AS (
       SELECT sp.period, u.unit_id, u.parent_id, u.effective_from
       FROM sp JOIN org_units u ON u.effective_from = sp.eff),
     own AS (SELECT period, unit_id, count(*) AS n FROM respondent_scores GROUP BY period, unit_id),
     rollup AS (
       SELECT un.period, un.unit_id, sum(o.n) AS n
       FROM units un
       JOIN org_closure c ON c.effective_from = un.effective_from AND c.ancestor_id = un.unit_id
       JOIN own o ON o.unit_id = c.descendant_id AND o.period = un.period
       GROUP BY un.period, un.unit_id)
     SELECT un.period, un.unit_id AS id, un.parent_id AS "parentId",
       coalesce(r.n, 0)::INTEGER AS n, coalesce(o.n, 0)::INTEGER AS attached
     FROM units un
     LEFT JOIN rollup r USING (period, unit_id)
     LEFT JOIN own o USING (period, unit_id)`,
    { periods: JSON.stringify(periods) },
  );
  const byPeriod = new Map<string, GroupNode[]>();
  for (const row of rows) {
    const list = byPeriod.get(row.period) ?? [];
    list.push({ id: row.id, parentId: row.parentId, n: row.n, attached: row.attached });
    byPeriod.set(row.period, list);
  }
  return new Map([...byPeriod].map(([period, nodes]) => [period, treeVisibility(nodes, minSize)]));
}
