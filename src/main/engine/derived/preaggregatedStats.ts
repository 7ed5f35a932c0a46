import { METRIC_IDS, METRICS, type MetricId } from '../../../shared/metrics';
import { quoteLiteral } from '../db/query';

/**
 * Pre-aggregated figures (preaggregated_figures: unit, period, metric, value, n) become the
 * sufficient statistics raw data gives, attached to their unit, so that roll-ups through the
 * hierarchy, the confidentiality decisions and every method treat them as if the underlying
 * rows had been loaded. Each metric's sums are chosen so that the registry's formula
 * (metrics/registrySql.ts) gives the value back for the unit itself:
 *
 * - Survey figures become 'own' rows of employee_figure_stats: engagement total = value x n
 *   (and total_sq = value² x n: the spread within the unit is unknown, so it counts as none);
 *   % favourable favourable = value x n / 100 over answered = n (an approximation: how many
 *   items each person answered is unknown, so in a roll-up beside raw answers each of these
 *   people weighs as one answer); eNPS promoters - detractors = value x n / 100 (the net is
 *   kept as promoters when positive, as detractors when negative); respondents give the
 *   respondents figure's n. The decisions are then made on these n like on raw ones.
 * - Customer and contact-centre figures add value x n (or value x n / 100 for shares and net
 *   scores) and n to the metric's own pair of columns in unit_period_stats. A unit's customer
 *   responses are its customer_responses figure, or else the largest n among its customer
 *   figures; its interactions likewise.
 * - HR figures share one headcount per unit and period, as HR records do: the largest n given
 *   among the unit's attrition, absence and recognition figures. Each figure's sum is scaled to
 *   that headcount (leavers = attrition x headcount / 100, absence days = absence per head x
 *   headcount, recognition events = per head x headcount), so the unit's own figures come back
 *   exactly and roll-ups weigh units by that headcount.
 */

/** Survey metrics a pre-aggregated row can give (response_rate is worked out, never given). */
export const SURVEY_METRICS: readonly MetricId[] = [
  'engagement_index',
  'pct_favourable',
  'enps',
  'respondents',
];

const list = (values: readonly string[]) => values.map(quoteLiteral).join(', ');
const of = (source: string) => METRIC_IDS.filter((id) => METRICS[id].source === source);

/** SQL: every period with employee figure statistics (survey answers or given survey figures). */
export const EMPLOYEE_PERIODS_SQL = `SELECT period FROM respondent_scores
  UNION SELECT period FROM preaggregated_figures WHERE metric IN (${list(SURVEY_METRICS)})`;

/**
 * SQL: 'own' rows of employee_figure_stats from the survey figures given for the periods of
 * `periods` (a subquery), as (period, unit_id, figure, role, n, answered, favourable,
 * detractors, total, total_sq).
 */
export function preaggregatedOwnFigureRows(periods: string): string {
  return `SELECT period, unit_id, metric AS figure, 'all' AS role, n::BIGINT AS n,
      CASE WHEN metric IN ('pct_favourable', 'enps') THEN n ELSE 0 END::BIGINT AS answered,
      CASE metric WHEN 'pct_favourable' THEN value * n / 100
        WHEN 'enps' THEN greatest(value * n / 100, 0) ELSE 0 END::DOUBLE AS favourable,
      CASE WHEN metric = 'enps' THEN greatest(-value * n / 100, 0) ELSE 0 END::DOUBLE AS detractors,
      CASE WHEN metric = 'engagement_index' THEN value * n ELSE 0 END::DOUBLE AS total,
      CASE WHEN metric = 'engagement_index' THEN value * value * n ELSE 0 END::DOUBLE AS total_sq
    FROM preaggregated_figures
    WHERE metric IN (${list(SURVEY_METRICS)}) AND period IN ${periods}`;
}

/**
 * Customer and contact-centre ratio metrics: the unit_period_stats columns of their n and sum,
 * and the factor that turns value x n into the sum (shares and net scores are per hundred).
 */
export const RATIO_COLUMNS: Partial<Record<MetricId, { n: string; sum: string; per: number }>> = {
  nps: { n: 'nps_n', sum: 'nps_net', per: 100 },
  csat: { n: 'csat_n', sum: 'csat_favourable', per: 100 },
  ces: { n: 'ces_n', sum: 'ces_sum', per: 1 },
  ces_agree: { n: 'ces_agree_n', sum: 'ces_agree', per: 100 },
  avg_handle_seconds: { n: 'handle_n', sum: 'handle_sum', per: 1 },
  avg_hold_seconds: { n: 'hold_n', sum: 'hold_sum', per: 1 },
  avg_talk_seconds: { n: 'talk_n', sum: 'talk_sum', per: 1 },
  avg_wrap_seconds: { n: 'wrap_n', sum: 'wrap_sum', per: 1 },
  repeat_contact_rate: { n: 'repeats_n', sum: 'repeats', per: 100 },
  transfer_rate: { n: 'transfers_n', sum: 'transfers', per: 100 },
  abandonment_rate: { n: 'abandoned_n', sum: 'abandoned', per: 100 },
};

/** HR metrics: the unit_period_stats sum each one scales to the shared headcount. */
export const HR_COLUMNS: Partial<Record<MetricId, { sum: string; per: number }>> = {
  attrition: { sum: 'leavers', per: 100 },
  absence_days_per_head: { sum: 'absence_days', per: 1 },
  recognition_per_head: { sum: 'recognition_events', per: 1 },
};

/** Counts: the figure itself, or else the largest n among the unit's figures of its source. */
export const COUNT_COLUMNS: Partial<Record<MetricId, { column: string; from: MetricId[] }>> = {
  customer_responses: { column: 'customer_responses', from: of('customer') },
  interactions: { column: 'interactions', from: of('contact_centre') },
};

/** The unit_period_stats columns pre-aggregated figures add to (besides the employee ones). */
export const PREAGGREGATED_CUBE_COLUMNS: string[] = [
  'headcount',
  ...Object.values(HR_COLUMNS).map((c) => c.sum),
  ...Object.values(COUNT_COLUMNS).map((c) => c.column),
  ...Object.values(RATIO_COLUMNS).flatMap((c) => [c.n, c.sum]),
];

/**
 * SQL of a CTE body: per period and unit of the hierarchy in force (`tree`: period, ancestor_id,
 * descendant_id), the sums of the pre-aggregated figures of the unit and every unit below it,
 * one column per name in PREAGGREGATED_CUBE_COLUMNS (NULL where no figure adds to it).
 */
export function preaggregatedCubeSql(tree: string): string {
  const given = (id: string, expr: string) =>
    `max(${expr}) FILTER (WHERE metric = ${quoteLiteral(id)})`;
  const hr = Object.keys(HR_COLUMNS) as MetricId[];
  const own = [
    `max(n) FILTER (WHERE metric IN (${list(hr)})) AS headcount`,
    ...Object.entries(HR_COLUMNS).map(
      ([id, c]) =>
        `${given(id, 'value')} * max(n) FILTER (WHERE metric IN (${list(hr)})) / ${c.per} AS ${c.sum}`,
    ),
    ...Object.entries(COUNT_COLUMNS).map(
      ([id, c]) =>
        `coalesce(${given(id, 'value')}, max(n) FILTER (WHERE metric IN (${list(c.from)}))) AS ${c.column}`,
    ),
    ...Object.entries(RATIO_COLUMNS).flatMap(([id, c]) => [
      `${given(id, 'n')} AS ${c.n}`,
      `${given(id, `value * n / ${c.per}`)} AS ${c.sum}`,
    ]),
  ];
  return `
    WITH own AS (
      SELECT period, unit_id, ${own.join(',\n        ')}
      FROM preaggregated_figures
      WHERE metric NOT IN (${list(SURVEY_METRICS)})
      GROUP BY period, unit_id)
    SELECT t.period, t.ancestor_id AS unit_id,
      ${PREAGGREGATED_CUBE_COLUMNS.map((c) => `sum(o.${c}) AS ${c}`).join(', ')}
    FROM ${tree} t JOIN own o ON o.period = t.period AND o.unit_id = t.descendant_id
    GROUP BY t.period, t.ancestor_id`;
}
