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
  'recognition_per_head',
  'attrition',
  'absence_days_per_head',
  'nps',
  'csat',
  'ces',
  'ces_agree',
  'customer_responses',
  'interactions',
  'avg_handle_seconds',
  'avg_hold_seconds',
  'avg_talk_seconds',
  'avg_wrap_seconds',
  'repeat_contact_rate',
  'transfer_rate',
  'abandonment_rate',
] as const;
export const metricIdSchema = z.enum(METRIC_IDS);
export type MetricId = z.infer<typeof metricIdSchema>;

/** Which side of the story a metric tells: the employees', or the customers' (and operations'). */
export type MetricSide = 'employee' | 'customer';
/**
 * Where its numbers come from. Survey figures pass the confidentiality rules (minimum group size
 * over the whole tree); HR figures need the minimum headcount; customer and contact-centre
 * figures are never suppressed (customers are not the protected party) but always carry their n.
 */
export type MetricSource = 'survey' | 'hr' | 'customer' | 'contact_centre';
/** Metrics on different families never share a colour scale (DOMAIN.md). */
export type ScaleFamily =
  'index_0_100' | 'net_score' | 'percent' | 'count' | 'per_head' | 'mean_1_7' | 'seconds';

export interface MetricDefinition {
  id: MetricId;
  label: string;
  side: MetricSide;
  source: MetricSource;
  formula: string;
  unit: '' | '%' | 'pts' | 's';
  min: number | null;
  max: number | null;
  family: ScaleFamily;
  higherIsBetter: boolean;
  /**
   * The n a figure needs before it is shown or used: 'workspace' is the workspace's minimum group
   * size (default 5, floor 3) applied by the confidentiality rules; a number is a fixed floor.
   */
  minN: {
    of: 'respondents' | 'headcount' | 'responses' | 'interactions';
    count: number | 'workspace';
  };
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
    source: 'survey',
    minN: { of: 'respondents', count: 'workspace' },
  },
  pct_favourable: {
    id: 'pct_favourable',
    label: '% favourable',
    side: 'employee',
    formula:
      'Share of answered item responses in the top two boxes of their scale (4-5 of 1-5, 6-7 of 1-7, 3-4 of 1-4), over every item but eNPS; N/A is not a response.',
    unit: '%',
    min: 0,
    max: 100,
    family: 'percent',
    higherIsBetter: true,
    source: 'survey',
    minN: { of: 'respondents', count: 'workspace' },
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
    source: 'survey',
    minN: { of: 'respondents', count: 'workspace' },
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
    source: 'survey',
    minN: { of: 'respondents', count: 'workspace' },
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
    source: 'survey',
    minN: { of: 'respondents', count: 'workspace' },
  },
  recognition_per_head: {
    id: 'recognition_per_head',
    label: 'Recognition per head',
    side: 'employee',
    formula:
      'Recognition events in the period (peer awards, manager moments) divided by HR headcount.',
    unit: '',
    min: 0,
    max: null,
    family: 'per_head',
    higherIsBetter: true,
    source: 'hr',
    minN: { of: 'headcount', count: 'workspace' },
  },
  attrition: {
    id: 'attrition',
    label: 'Attrition',
    side: 'employee',
    formula: 'Leavers in the period divided by HR headcount, as a percentage (not annualised).',
    unit: '%',
    min: 0,
    max: 100,
    family: 'percent',
    higherIsBetter: false,
    source: 'hr',
    minN: { of: 'headcount', count: 'workspace' },
  },
  absence_days_per_head: {
    id: 'absence_days_per_head',
    label: 'Absence days per head',
    side: 'employee',
    formula: 'Days of absence recorded in the period divided by HR headcount.',
    unit: '',
    min: 0,
    max: null,
    family: 'per_head',
    higherIsBetter: false,
    source: 'hr',
    minN: { of: 'headcount', count: 'workspace' },
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
    source: 'customer',
    minN: { of: 'responses', count: 1 },
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
    source: 'customer',
    minN: { of: 'responses', count: 1 },
  },
  ces: {
    id: 'ces',
    label: 'Customer effort (CES)',
    side: 'customer',
    formula:
      'Customer Effort Score: mean answer on the 1-7 agreement item "the company made it easy to handle my issue" (higher = easier).',
    unit: '',
    min: 1,
    max: 7,
    family: 'mean_1_7',
    higherIsBetter: true,
    source: 'customer',
    minN: { of: 'responses', count: 1 },
  },
  ces_agree: {
    id: 'ces_agree',
    label: 'CES % easy',
    side: 'customer',
    formula: 'Share of customer effort answers scoring 5, 6 or 7 on the 1-7 scale.',
    unit: '%',
    min: 0,
    max: 100,
    family: 'percent',
    higherIsBetter: true,
    source: 'customer',
    minN: { of: 'responses', count: 1 },
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
    source: 'customer',
    minN: { of: 'responses', count: 1 },
  },
  interactions: {
    id: 'interactions',
    label: 'Contact-centre interactions',
    side: 'customer',
    formula:
      'Calls and chats handled in the period by the queues mapped to this part of the organisation.',
    unit: '',
    min: 0,
    max: null,
    family: 'count',
    higherIsBetter: true,
    source: 'contact_centre',
    minN: { of: 'interactions', count: 1 },
  },
  avg_handle_seconds: {
    id: 'avg_handle_seconds',
    label: 'Average handle time',
    side: 'customer',
    formula: 'Mean handle time per interaction (talk + hold + wrap), in seconds.',
    unit: 's',
    min: 0,
    max: null,
    family: 'seconds',
    higherIsBetter: false,
    source: 'contact_centre',
    minN: { of: 'interactions', count: 1 },
  },
  avg_hold_seconds: {
    id: 'avg_hold_seconds',
    label: 'Average hold time',
    side: 'customer',
    formula: 'Mean time customers were put on hold per interaction, in seconds.',
    unit: 's',
    min: 0,
    max: null,
    family: 'seconds',
    higherIsBetter: false,
    source: 'contact_centre',
    minN: { of: 'interactions', count: 1 },
  },
  avg_talk_seconds: {
    id: 'avg_talk_seconds',
    label: 'Average talk time',
    side: 'customer',
    formula: 'Mean talk time per interaction, in seconds.',
    unit: 's',
    min: 0,
    max: null,
    family: 'seconds',
    higherIsBetter: false,
    source: 'contact_centre',
    minN: { of: 'interactions', count: 1 },
  },
  avg_wrap_seconds: {
    id: 'avg_wrap_seconds',
    label: 'Average wrap time',
    side: 'customer',
    formula: 'Mean after-call work per interaction, in seconds.',
    unit: 's',
    min: 0,
    max: null,
    family: 'seconds',
    higherIsBetter: false,
    source: 'contact_centre',
    minN: { of: 'interactions', count: 1 },
  },
  repeat_contact_rate: {
    id: 'repeat_contact_rate',
    label: 'Repeat contact rate',
    side: 'customer',
    formula: 'Share of interactions that were a repeat contact about the same issue.',
    unit: '%',
    min: 0,
    max: 100,
    family: 'percent',
    higherIsBetter: false,
    source: 'contact_centre',
    minN: { of: 'interactions', count: 1 },
  },
  transfer_rate: {
    id: 'transfer_rate',
    label: 'Transfer rate',
    side: 'customer',
    formula: 'Share of interactions transferred to another queue or agent.',
    unit: '%',
    min: 0,
    max: 100,
    family: 'percent',
    higherIsBetter: false,
    source: 'contact_centre',
    minN: { of: 'interactions', count: 1 },
  },
  abandonment_rate: {
    id: 'abandonment_rate',
    label: 'Abandonment rate',
    side: 'customer',
    formula:
      'Share of calls not answered (abandoned or missed), among calls whose log says whether they were answered.',
    unit: '%',
    min: 0,
    max: 100,
    family: 'percent',
    higherIsBetter: false,
    source: 'contact_centre',
    minN: { of: 'interactions', count: 1 },
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
