import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db/query';
import { suppressionReasons } from './reasons';
import { hideInTree, type TreeNode } from './treeSuppression';
import type { Visibility } from './treeVisibility';

/** Visibility of one figure across one period's tree: unit id -> shown or hidden with a reason. */
export type FigureMap = Map<string, Visibility>;

/**
 * SQL yielding the people behind each figure, per team and period: `period, unit_id, figure, n`
 * (n = respondents who count for that figure in that unit itself, not below it).
 */
export type OwnCountsSql = string;

/**
 * Visibility for any number of figures at once, per period, each decided on its own n over the
 * whole tree in force for the period (treeSuppression rules). Separate figures need separate
 * decisions: eNPS answered by 4 of a team's 6 people must be hidden, and then so must a
 * neighbour's eNPS, or "region minus the visible teams" gives the 4 people's score back.
 * Units hidden in `rowHidden` (their respondent count is hidden) stay hidden for every figure.
 */
export async function figureVisibility(
  conn: DuckDBConnection,
  periods: string[],
  minSize: number,
  ownCounts: OwnCountsSql,
  params: Record<string, string>,
  rowHidden?: Map<string, FigureMap>,
  reasons = {
    tooFew: suppressionReasons.metricTooFew(minSize),
    neighbour: suppressionReasons.neighbour(minSize),
  },
): Promise<Map<string, Map<string, FigureMap>>> {
  const rows = await queryRows<{
    period: string;
    figure: string;
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
     own AS (${ownCounts}),
     figures AS (SELECT DISTINCT figure FROM own),
     rollup AS (
       SELECT un.period, o.figure, un.unit_id, sum(o.n) AS n
       FROM units un
       JOIN org_closure c ON c.effective_from = un.effective_from AND c.ancestor_id = un.unit_id
       JOIN own o ON o.unit_id = c.descendant_id AND o.period = un.period
       GROUP BY un.period, o.figure, un.unit_id)
     SELECT un.period, f.figure, un.unit_id AS id, un.parent_id AS "parentId",
       coalesce(r.n, 0)::INTEGER AS n, coalesce(o.n, 0)::INTEGER AS attached
     FROM units un CROSS JOIN figures f
     LEFT JOIN rollup r ON r.period = un.period AND r.unit_id = un.unit_id AND r.figure = f.figure
     LEFT JOIN own o ON o.period = un.period AND o.unit_id = un.unit_id AND o.figure = f.figure`,
    { ...params, periods: JSON.stringify(periods) },
  );
  const groups = new Map<string, Map<string, TreeNode[]>>();
  for (const row of rows) {
    const byFigure = groups.get(row.period) ?? new Map<string, TreeNode[]>();
    const nodes = byFigure.get(row.figure) ?? [];
    nodes.push({ id: row.id, parentId: row.parentId, n: row.n, attached: row.attached });
    byFigure.set(row.figure, nodes);
    groups.set(row.period, byFigure);
  }
  const out = new Map<string, Map<string, FigureMap>>();
  for (const [period, byFigure] of groups) {
    const pre = new Map<string, string>();
    for (const [id, v] of rowHidden?.get(period) ?? []) if (!v.visible) pre.set(id, v.reason);
    const figures = new Map<string, FigureMap>();
    for (const [figure, nodes] of byFigure) {
      const hidden = hideInTree(nodes, minSize, pre, reasons);
      figures.set(
        figure,
        new Map(
          nodes.map((n) => [
            n.id,
            hidden.has(n.id) ? { visible: false, reason: hidden.get(n.id)! } : { visible: true },
          ]),
        ),
      );
    }
    out.set(period, figures);
  }
  return out;
}
