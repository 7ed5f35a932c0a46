import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../db/query';
import { memo } from '../../workspace/cache';
import { varianceComponents, type VarianceComponents } from './credibility';

/**
 * Variance components of the engagement index across every unit at one level in one period,
 * from the moments imports keep (unit_period_stats), using only units whose engagement figure
 * is shown (a hidden team's spread must not shape anyone's figure). Cached until data changes.
 */
export function levelComponents(
  conn: DuckDBConnection,
  period: string,
  level: string,
): Promise<VarianceComponents | null> {
  return memo(conn, `levelComponents:${period}:${level}`, async () => {
    const rows = await queryRows<{ n: number; sum: number; sq: number }>(
      conn,
      `SELECT u.engagement_n AS n, u.engagement_sum AS sum, u.engagement_sq AS sq
       FROM unit_period_stats u
       JOIN org_units o ON o.effective_from = hierarchy_for($period) AND o.unit_id = u.unit_id
       WHERE u.period = $period AND o.level = $level AND u.engagement_n >= 2
         AND NOT EXISTS (SELECT 1 FROM suppressed_figures s WHERE s.period = u.period
           AND s.unit_id = u.unit_id AND s.figure = 'engagement_index')
         AND NOT ${givenEngagementBelow('u.unit_id', '$period')}`,
      { period, level },
    );
    return varianceComponents(rows.map((r) => ({ n: r.n, sum: r.sum, sumSq: r.sq })));
  });
}

/**
 * SQL: whether a pre-aggregated engagement figure stands anywhere in the unit's roll-up. Such a
 * figure is a mean without its spread, so it says nothing of how people vary or agree.
 */
export function givenEngagementBelow(unit: string, period: string): string {
  return `EXISTS (SELECT 1 FROM preaggregated_figures g
    JOIN org_closure c ON c.effective_from = hierarchy_for(${period}) AND c.descendant_id = g.unit_id
    WHERE c.ancestor_id = ${unit} AND g.period = ${period} AND g.metric = 'engagement_index')`;
}

/** Answer options of the engagement items (the most common scale in the catalogue; 5 if none). */
export function engagementOptions(conn: DuckDBConnection): Promise<number> {
  return memo(conn, 'engagementOptions', async () => {
    const rows = await queryRows<{ options: number }>(
      conn,
      `SELECT scale_max - scale_min + 1 AS options FROM survey_items WHERE factor = 'engagement'
       GROUP BY ALL ORDER BY count(*) DESC, options LIMIT 1`,
    );
    return rows[0]?.options ?? 5;
  });
}
