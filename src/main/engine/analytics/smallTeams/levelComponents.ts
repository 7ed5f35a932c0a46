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
           AND s.unit_id = u.unit_id AND s.figure = 'engagement_index')`,
      { period, level },
    );
    return varianceComponents(rows.map((r) => ({ n: r.n, sum: r.sum, sumSq: r.sq })));
  });
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
