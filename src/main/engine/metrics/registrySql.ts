import type { MetricId } from '../../../shared/metrics';

/**
 * The SQL of each metric in the registry (src/shared/metrics.ts), by metric id: its value and
 * the n behind it, as expressions over one row of unit_period_stats aliased `u` (the sufficient
 * statistics of a unit's full roll-up in one period). Every method that shows a unit's figure
 * computes it from here, so a formula cannot drift between methods. NPS is kept as its net
 * (promoters minus detractors), and each contact-centre mean or rate and CES % easy has an n of
 * its own, so that figures given pre-aggregated (a value and an n) fit the same formulas: for
 * raw data these n are the interactions or CES answers.
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
  nps: { value: ratio('u.nps_net', 'u.nps_n', 100), n: 'u.nps_n' },
  csat: { value: ratio('u.csat_favourable', 'u.csat_n', 100), n: 'u.csat_n' },
  ces: { value: ratio('u.ces_sum', 'u.ces_n'), n: 'u.ces_n' },
  ces_agree: { value: ratio('u.ces_agree', 'u.ces_agree_n', 100), n: 'u.ces_agree_n' },
  customer_responses: { value: 'u.customer_responses', n: 'u.customer_responses' },
  interactions: { value: 'u.interactions', n: 'u.interactions' },
  avg_handle_seconds: { value: ratio('u.handle_sum', 'u.handle_n'), n: 'u.handle_n' },
  avg_hold_seconds: { value: ratio('u.hold_sum', 'u.hold_n'), n: 'u.hold_n' },
  avg_talk_seconds: { value: ratio('u.talk_sum', 'u.talk_n'), n: 'u.talk_n' },
  avg_wrap_seconds: { value: ratio('u.wrap_sum', 'u.wrap_n'), n: 'u.wrap_n' },
  repeat_contact_rate: { value: ratio('u.repeats', 'u.repeats_n', 100), n: 'u.repeats_n' },
  transfer_rate: { value: ratio('u.transfers', 'u.transfers_n', 100), n: 'u.transfers_n' },
  abandonment_rate: { value: ratio('u.abandoned', 'u.abandoned_n', 100), n: 'u.abandoned_n' },
};

/** SELECT-list entries `<value> AS "<id>", <n> AS "<id>_n"` for some metrics. */
export function metricColumns(metrics: readonly MetricId[]): string {
  return metrics
    .map((m) => `${METRIC_SQL[m].value} AS "${m}", ${METRIC_SQL[m].n} AS "${m}_n"`)
    .join(',\n  ');
}
