import type { DuckDBConnection } from '@duckdb/node-api';
import { preaggregatedCubeSql } from './preaggregatedStats';

/** Both sides' sum, NULL when neither has one (no HR records is no headcount, not zero). */
const either = (a: string, b: string) =>
  `CASE WHEN ${a} IS NULL AND ${b} IS NULL THEN NULL ELSE coalesce(${a}, 0) + coalesce(${b}, 0) END`;
const plus = (a: string, b: string) => `coalesce(${a}, 0) + coalesce(${b}, 0)`;

/**
 * Each column of unit_period_stats and its SQL over the roll-ups of raw data (e employee
 * figures, h HR records, r recognition, c customer feedback, k contact centre) and of
 * pre-aggregated figures (p, derived/preaggregatedStats.ts). Raw interactions are the n of every
 * contact-centre mean and rate, and raw CES answers the n of both CES metrics; pre-aggregated
 * figures carry an n of their own per metric.
 */
const CUBE: [string, string][] = [
  ['period', 'u.period'],
  ['unit_id', 'u.unit_id'],
  ...[
    'respondents',
    'engagement_n',
    'engagement_sum',
    'engagement_sq',
    'favourable_n',
    'likert_answered',
    'likert_favourable',
    'enps_n',
    'enps_promoters',
    'enps_detractors',
  ].map((c): [string, string] => [c, `coalesce(e.${c}, 0)`]),
  ['headcount', either('h.headcount', 'p.headcount')],
  ['leavers', either('h.leavers', 'p.leavers')],
  ['absence_days', either('h.absence_days', 'p.absence_days')],
  ['recognition_events', plus('r.recognition_events', 'p.recognition_events')],
  ['customer_responses', plus('c.customer_responses', 'p.customer_responses')],
  ['nps_n', plus('c.nps_n', 'p.nps_n')],
  ['nps_net', plus('c.nps_net', 'p.nps_net')],
  // CSAT from customer feedback and from post-call surveys in contact-centre logs.
  ['csat_n', `${plus('c.csat_n', 'p.csat_n')} + coalesce(k.csat_n, 0)`],
  [
    'csat_favourable',
    `${plus('c.csat_favourable', 'p.csat_favourable')} + coalesce(k.csat_favourable, 0)`,
  ],
  ['ces_n', plus('c.ces_n', 'p.ces_n')],
  ['ces_sum', plus('c.ces_sum', 'p.ces_sum')],
  ['ces_agree_n', plus('c.ces_n', 'p.ces_agree_n')],
  ['ces_agree', plus('c.ces_agree', 'p.ces_agree')],
  ['interactions', plus('k.interactions', 'p.interactions')],
  ...(
    [
      ['handle_n', 'handle_sum'],
      ['hold_n', 'hold_sum'],
      ['talk_n', 'talk_sum'],
      ['wrap_n', 'wrap_sum'],
      ['transfers_n', 'transfers'],
      ['repeats_n', 'repeats'],
    ] as const
  ).flatMap(([n, sum]): [string, string][] => [
    [n, plus(`k.${n}`, `p.${n}`)],
    [sum, plus(`k.${sum}`, `p.${sum}`)],
  ]),
  ['abandoned_n', plus('k.abandoned_n', 'p.abandoned_n')],
  ['abandoned', plus('k.abandoned', 'p.abandoned')],
];

/**
 * Rebuilds unit_period_stats: for every period with any data and every unit of the hierarchy in
 * force for it, the sufficient statistics of every registry metric over the unit's full roll-up.
 * Employee sums come from employee_figure_stats (pre-aggregated survey figures included); HR,
 * recognition, customer and contact-centre sums, raw and pre-aggregated, are rolled up here
 * through the period's closure (customer codes and queues through the unit mapping). About one
 * row per unit and period: a full rebuild takes a fraction of a second.
 */
export async function rebuildUnitPeriodStats(conn: DuckDBConnection): Promise<void> {
  await conn.run('DELETE FROM unit_period_stats');
  await conn.run(`
    INSERT INTO unit_period_stats (${CUBE.map(([column]) => column).join(', ')})
    WITH periods AS (
      SELECT DISTINCT period FROM (
        SELECT period FROM employee_figure_stats UNION ALL SELECT period FROM customer_code_stats
        UNION ALL SELECT period FROM hr_metrics UNION ALL SELECT period FROM recognition_events
        UNION ALL SELECT period FROM contact_queue_stats
        UNION ALL SELECT period FROM preaggregated_figures)),
    sp AS MATERIALIZED (SELECT period, hierarchy_for(period) AS eff FROM periods),
    units AS (SELECT sp.period, u.unit_id FROM sp JOIN org_units u ON u.effective_from = sp.eff),
    tree AS (
      SELECT sp.period, c.ancestor_id, c.descendant_id
      FROM sp JOIN org_closure c ON c.effective_from = sp.eff),
    emp AS (
      SELECT period, unit_id,
        sum(n) FILTER (WHERE figure = 'respondents') AS respondents,
        sum(n) FILTER (WHERE figure = 'engagement_index') AS engagement_n,
        sum(total) FILTER (WHERE figure = 'engagement_index') AS engagement_sum,
        sum(total_sq) FILTER (WHERE figure = 'engagement_index') AS engagement_sq,
        sum(n) FILTER (WHERE figure = 'pct_favourable') AS favourable_n,
        sum(answered) FILTER (WHERE figure = 'pct_favourable') AS likert_answered,
        sum(favourable) FILTER (WHERE figure = 'pct_favourable') AS likert_favourable,
        sum(n) FILTER (WHERE figure = 'enps') AS enps_n,
        sum(favourable) FILTER (WHERE figure = 'enps') AS enps_promoters,
        sum(detractors) FILTER (WHERE figure = 'enps') AS enps_detractors
      FROM employee_figure_stats
      WHERE scope = 'rollup' AND role = 'all'
        AND figure IN ('respondents', 'engagement_index', 'pct_favourable', 'enps')
      GROUP BY period, unit_id),
    hr AS (
      SELECT t.period, t.ancestor_id AS unit_id, sum(h.headcount) AS headcount,
        sum(h.leavers) AS leavers, sum(h.absence_days) AS absence_days
      FROM tree t JOIN hr_metrics h ON h.period = t.period AND h.unit_id = t.descendant_id
      GROUP BY ALL),
    rec AS (
      SELECT t.period, t.ancestor_id AS unit_id, count(*) AS recognition_events
      FROM tree t JOIN recognition_events e ON e.period = t.period AND e.unit_id = t.descendant_id
      GROUP BY ALL),
    cust AS (
      SELECT t.period, t.ancestor_id AS unit_id, sum(f.responses) AS customer_responses,
        sum(f.nps_n) AS nps_n, sum(f.promoters) - sum(f.detractors) AS nps_net,
        sum(f.csat_n) AS csat_n, sum(f.csat_favourable) AS csat_favourable,
        sum(f.ces_n) AS ces_n, sum(f.ces_sum) AS ces_sum, sum(f.ces_agree) AS ces_agree
      FROM tree t
      JOIN unit_mapping m ON m.unit_id = t.descendant_id
      JOIN customer_code_stats f ON f.cx_code = m.cx_code AND f.period = t.period
      GROUP BY ALL),
    calls AS (
      SELECT t.period, t.ancestor_id AS unit_id, sum(q.interactions) AS interactions,
        sum(q.handle_n) AS handle_n, sum(q.handle_sum) AS handle_sum,
        sum(q.hold_n) AS hold_n, sum(q.hold_sum) AS hold_sum,
        sum(q.talk_n) AS talk_n, sum(q.talk_sum) AS talk_sum,
        sum(q.wrap_n) AS wrap_n, sum(q.wrap_sum) AS wrap_sum,
        sum(q.transfers_n) AS transfers_n, sum(q.transfers) AS transfers,
        sum(q.repeats_n) AS repeats_n, sum(q.repeats) AS repeats,
        sum(q.answered_known) AS abandoned_n, sum(q.abandoned) AS abandoned,
        sum(q.csat_n) AS csat_n, sum(q.csat_favourable) AS csat_favourable
      FROM tree t
      JOIN unit_mapping m ON m.unit_id = t.descendant_id
      JOIN contact_queue_stats q ON q.queue_code = m.cx_code AND q.period = t.period
      GROUP BY ALL),
    given AS (${preaggregatedCubeSql('tree')})
    SELECT ${CUBE.map(([, expr]) => expr).join(',\n      ')}
    FROM units u
    LEFT JOIN emp e USING (period, unit_id)
    LEFT JOIN hr h USING (period, unit_id)
    LEFT JOIN rec r USING (period, unit_id)
    LEFT JOIN cust c USING (period, unit_id)
    LEFT JOIN calls k USING (period, unit_id)
    LEFT JOIN given p USING (period, unit_id)
    ORDER BY u.period, u.unit_id`);
}
