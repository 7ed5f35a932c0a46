import type { DuckDBConnection } from '@duckdb/node-api';
import { preaggregatedOwnFigureRows } from './preaggregatedStats';

/**
 * Rebuilds employee_figure_stats for some periods: the sufficient statistics (n, answered,
 * favourable, detractors, sums) of every employee figure, first for the people attached to each
 * unit ('own'), then summed over the closure of the hierarchy in force for the period into each
 * unit's full roll-up ('rollup'). Every employee figure any method shows is read from here, so a
 * formula exists once. Favourable is the top two boxes of the item's scale after reverse-coding;
 * answers outside the item's scale are not responses. Survey figures given pre-aggregated
 * (preaggregatedStats.ts) are 'own' rows of their unit too, added to what its people answered.
 */
const PERIODS = `(SELECT unnest(from_json($periods, '["VARCHAR"]')))`;

/** The 'own' rows: what the people attached to each unit answered. Independent of the hierarchy. */
export async function rebuildOwnFigureStats(
  conn: DuckDBConnection,
  periods: string[],
): Promise<void> {
  const params = { periods: JSON.stringify(periods) };
  await conn.run(
    `DELETE FROM employee_figure_stats WHERE scope = 'own' AND period IN ${PERIODS}`,
    params,
  );
  if (periods.length === 0) return;
  await conn.run(
    `INSERT INTO employee_figure_stats
     WITH items AS (
       SELECT item_id, factor, scale_min, scale_max FROM survey_items
       QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY source_id DESC) = 1),
     people AS MATERIALIZED (
       SELECT period, respondent_id, unit_id, engagement_0_100, likert_answered, likert_favourable,
         enps_score, CASE WHEN role IN ('leader', 'front_line') THEN role ELSE 'other' END AS role
       FROM respondent_scores WHERE period IN ${PERIODS}),
     answers AS MATERIALIZED (
       SELECT a.period, a.respondent_id, a.item_id, a.scored, i.factor,
         a.scored >= i.scale_max - 1 AS fav, i.factor <> 'enps' AS likert
       FROM survey_answers a JOIN items i USING (item_id)
       WHERE a.period IN ${PERIODS} AND a.scored BETWEEN i.scale_min AND i.scale_max),
     per_value AS (
       SELECT period, respondent_id, factor, count(*) AS answered, count(*) FILTER (WHERE fav) AS fav
       FROM answers WHERE factor LIKE 'value:%' GROUP BY ALL),
     own AS MATERIALIZED (
       SELECT period, unit_id, 'respondents' AS figure, role, count(*) AS n, 0 AS answered,
         0 AS favourable, 0 AS detractors, 0.0 AS total, 0.0 AS total_sq
       FROM people GROUP BY ALL
       UNION ALL
       SELECT period, unit_id, 'engagement_index', 'all', count(engagement_0_100), 0, 0, 0,
         coalesce(sum(engagement_0_100), 0), coalesce(sum(engagement_0_100 * engagement_0_100), 0)
       FROM people GROUP BY ALL
       UNION ALL
       SELECT period, unit_id, 'pct_favourable', 'all', count(*) FILTER (WHERE likert_answered > 0),
         sum(likert_answered), sum(likert_favourable), 0, 0, 0
       FROM people GROUP BY ALL
       UNION ALL
       SELECT period, unit_id, 'enps', 'all', count(enps_score), count(enps_score),
         count(*) FILTER (WHERE enps_score >= 9), count(*) FILTER (WHERE enps_score <= 6),
         coalesce(sum(enps_score), 0), coalesce(sum(enps_score * enps_score), 0)
       FROM people GROUP BY ALL
       UNION ALL
       SELECT p.period, p.unit_id, v.factor, p.role, count(*), sum(v.answered), sum(v.fav), 0, 0, 0
       FROM people p JOIN per_value v USING (period, respondent_id) GROUP BY ALL
       UNION ALL
       SELECT p.period, p.unit_id, 'item:' || a.item_id, 'all', count(*), count(*),
         count(*) FILTER (WHERE a.fav), 0, sum(a.scored), sum(a.scored * a.scored)
       FROM people p JOIN answers a USING (period, respondent_id) WHERE a.likert GROUP BY ALL),
     own_all AS (
       SELECT * FROM own
       UNION ALL
       SELECT period, unit_id, figure, 'all', sum(n), sum(answered), sum(favourable),
         sum(detractors), sum(total), sum(total_sq)
       FROM own WHERE figure = 'respondents' OR figure LIKE 'value:%' GROUP BY ALL),
     given AS (${preaggregatedOwnFigureRows(PERIODS)}),
     merged AS (
       SELECT * FROM own_all WHERE (period, unit_id, figure) NOT IN (SELECT (period, unit_id, figure) FROM given)
       UNION ALL
       SELECT period, unit_id, figure, role, sum(n), sum(answered), sum(favourable),
         sum(detractors), sum(total), sum(total_sq)
       FROM (
         SELECT * FROM own_all WHERE (period, unit_id, figure) IN (SELECT (period, unit_id, figure) FROM given)
         UNION ALL SELECT * FROM given)
       GROUP BY ALL)
     SELECT period, unit_id, 'own', figure, role, n, answered, favourable, detractors, total, total_sq
     FROM merged ORDER BY period, unit_id`,
    params,
  );
}

/** The 'rollup' rows: 'own' rows summed over the closure of the hierarchy in force per period. */
export async function rebuildRollupFigureStats(
  conn: DuckDBConnection,
  periods: string[],
): Promise<void> {
  const params = { periods: JSON.stringify(periods) };
  await conn.run(
    `DELETE FROM employee_figure_stats WHERE scope = 'rollup' AND period IN ${PERIODS}`,
    params,
  );
  if (periods.length === 0) return;
  await conn.run(
    `INSERT INTO employee_figure_stats
     WITH snapshots AS MATERIALIZED (
       SELECT p AS period, hierarchy_for(p) AS eff FROM ${PERIODS} AS t(p)),
     tree AS (
       SELECT s.period, c.ancestor_id, c.descendant_id
       FROM snapshots s JOIN org_closure c ON c.effective_from = s.eff)
     SELECT o.period, t.ancestor_id, 'rollup', o.figure, o.role, sum(o.n), sum(o.answered),
       sum(o.favourable), sum(o.detractors), sum(o.total), sum(o.total_sq)
     FROM employee_figure_stats o JOIN tree t ON t.period = o.period AND t.descendant_id = o.unit_id
     WHERE o.scope = 'own'
     GROUP BY o.period, t.ancestor_id, o.figure, o.role
     ORDER BY 1, 2`,
    params,
  );
}
