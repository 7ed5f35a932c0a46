import type { MetricId } from '../../../shared/metrics';

/**
 * The SQL of each metric in the registry (src/shared/metrics.ts), by metric id: its value and
 * the n behind it, as expressions over one row of unit_period_stats aliased `u` (the sufficient
 * statistics of a unit's full roll-up in one period). Every method that shows a unit's figure
 * computes it from here, so a formula cannot drift between methods.
 */
export interface MetricSql {
  value: string;
  n: string;
}

const ratio = (numerator: string, denominator: string, scale = 1) =>
  `${numerator} * ${scale.toFixed(1)} / nullif(${denominator}, 0)`;

export const METRIC_SQL: Record<MetricId, MetricSql> = {
  engagement_index: { value: ratio('u.engagement_sum', 'u.engagement_n'), n: 'u.engagement_n' },
  pct_favourable: {
    value: ratio('u.likert_favourable', 'u.likert_answered', 100),
    n: 'u.favourable_n',
  },
  enps: {
    value: ratio('(u.enps_promoters - u.enps_detractors)', 'u.enps_n', 100),
    n: 'u.enps_n',
  },
  respondents: { value: 'u.respondents', n: 'u.respondents' },
  response_rate: { value: ratio('u.respondents', 'u.headcount', 100), n: 'u.respondents' },
  recognition_per_head: { value: ratio('u.recognition_events', 'u.headcount'), n: 'u.headcount' },
  attrition: { value: ratio('u.leavers', 'u.headcount', 100), n: 'u.headcount' },
  absence_days_per_head: { value: ratio('u.absence_days', 'u.headcount'), n: 'u.headcount' },
  nps: { value: ratio('(u.nps_promoters - u.nps_detractors)', 'u.nps_n', 100), n: 'u.nps_n' },
  csat: { value: ratio('u.csat_favourable', 'u.csat_n', 100), n: 'u.csat_n' },
  ces: { value: ratio('u.ces_sum', 'u.ces_n'), n: 'u.ces_n' },
  ces_agree: { value: ratio('u.ces_agree', 'u.ces_n', 100), n: 'u.ces_n' },
  customer_responses: { value: 'u.customer_responses', n: 'u.customer_responses' },
  interactions: { value: 'u.interactions', n: 'u.interactions' },
  avg_handle_seconds: { value: ratio('u.handle_sum', 'u.interactions'), n: 'u.interactions' },
  avg_hold_seconds: { value: ratio('u.hold_sum', 'u.interactions'), n: 'u.interactions' },
  avg_talk_seconds: { value: ratio('u.talk_sum', 'u.interactions'), n: 'u.interactions' },
  avg_wrap_seconds: { value: ratio('u.wrap_sum', 'u.interactions'), n: 'u.interactions' },
  repeat_contact_rate: { value: ratio('u.repeats', 'u.interactions', 100), n: 'u.interactions' },
  transfer_rate: { value: ratio('u.transfers', 'u.interactions', 100), n: 'u.interactions' },
};

/** SELECT-list entries `<value> AS "<id>", <n> AS "<id>_n"` for some metrics. */
export function metricColumns(metrics: readonly MetricId[]): string {
  return metrics
    .map((m) => `${METRIC_SQL[m].value} AS "${m}", ${METRIC_SQL[m].n} AS "${m}_n"`)
    .join(',\n  ');
}
