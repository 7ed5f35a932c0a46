import { z } from 'zod';

/**
 * The metric registry's shared half: what each metric means and how it is shown.
 * The SQL that computes each one lives in src/main/engine/metrics, keyed by the same id.
 */
export const METRIC_IDS = [
  'engagement_index',
  'pct_favourable',
  'enps',
  'respondents',
  'response_rate',
  'nps',
  'csat',
  'customer_responses',
] as const;
export const metricIdSchema = z.enum(METRIC_IDS);
export type MetricId = z.infer<typeof metricIdSchema>;

export type MetricSide = 'employee' | 'customer';
/** Metrics on different families never share a colour scale (DOMAIN.md). */
export type ScaleFamily = 'index_0_100' | 'net_score' | 'percent' | 'count';

export interface MetricDefinition {
  id: MetricId;
  label: string;
  side: MetricSide;
  formula: string;
  unit: '' | '%' | 'pts';
  min: number | null;
  max: number | null;
  family: ScaleFamily;
  higherIsBetter: boolean;
}

export const METRICS: Record<MetricId, MetricDefinition> = {
  engagement_index: {
    id: 'engagement_index',
    label: 'Engagement index',
    side: 'employee',
    formula:
      "Each respondent's mean over the engagement items, rescaled to 0-100 as (score - 1) / (max - 1) x 100; the unit's index is the mean over its respondents.",
    unit: '',
    min: 0,
    max: 100,
    family: 'index_0_100',
    higherIsBetter: true,
  },
  pct_favourable: {
    id: 'pct_favourable',
    label: '% favourable',
    side: 'employee',
    formula:
      'Share of answered 1-5 Likert responses that are 4 or 5 (top two boxes), over every Likert item; N/A is not a response.',
    unit: '%',
    min: 0,
    max: 100,
    family: 'percent',
    higherIsBetter: true,
  },
  enps: {
    id: 'enps',
    label: 'eNPS',
    side: 'employee',
    formula:
      'Employee Net Promoter Score: % scoring 9-10 minus % scoring 0-6 on the 0-10 recommend item.',
    unit: '',
    min: -100,
    max: 100,
    family: 'net_score',
    higherIsBetter: true,
  },
  respondents: {
    id: 'respondents',
    label: 'Respondents',
    side: 'employee',
    formula: 'People who answered at least one item in the period.',
    unit: '',
    min: 0,
    max: null,
    family: 'count',
    higherIsBetter: true,
  },
  response_rate: {
    id: 'response_rate',
    label: 'Response rate',
    side: 'employee',
    formula: 'Respondents divided by headcount at survey time (HR metrics for the period).',
    unit: '%',
    min: 0,
    max: 100,
    family: 'percent',
    higherIsBetter: true,
  },
  nps: {
    id: 'nps',
    label: 'Customer NPS',
    side: 'customer',
    formula:
      'Net Promoter Score: % of customers scoring 9-10 minus % scoring 0-6 on the 0-10 recommend question.',
    unit: '',
    min: -100,
    max: 100,
    family: 'net_score',
    higherIsBetter: true,
  },
  csat: {
    id: 'csat',
    label: 'CSAT',
    side: 'customer',
    formula: 'Customer satisfaction: % of answers scoring 4 or 5 on the 1-5 scale (not the mean).',
    unit: '%',
    min: 0,
    max: 100,
    family: 'percent',
    higherIsBetter: true,
  },
  customer_responses: {
    id: 'customer_responses',
    label: 'Customer responses',
    side: 'customer',
    formula:
      'Customer feedback responses in the period from the units mapped to this part of the organisation.',
    unit: '',
    min: 0,
    max: null,
    family: 'count',
    higherIsBetter: true,
  },
};

/** One figure as every method returns it: a suppressed value is null with a reason, never a number. */
export const metricValueSchema = z.object({
  metric: metricIdSchema,
  /** null whenever status is not 'ok': a suppressed value is never a number. */
  value: z.number().nullable(),
  /** The n behind the value (respondents or customer responses); null when suppressed. */
  n: z.number().int().nullable(),
  status: z.enum(['ok', 'suppressed', 'no_data']),
  /** Why a value is suppressed or missing, in words for the screen. */
  reason: z.string().nullable(),
});
export type MetricValue = z.infer<typeof metricValueSchema>;
