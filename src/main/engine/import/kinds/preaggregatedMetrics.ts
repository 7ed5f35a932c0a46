import { METRIC_IDS, METRICS, type MetricId } from '../../../../shared/metrics';
import { quoteLiteral } from '../../db/query';

/**
 * Which registry metric a pre-aggregated row names. Warehouses and vendors write the metric as
 * they call it ("NPS", "Net Promoter Score", "eNPS", "Engagement", "AHT"...): each name is
 * compared in a normal form (lower case, anything but letters and digits as one space) with the
 * registry ids (engagement_index is "engagement index") and these common names.
 */
const ALIASES: Record<MetricId, string[]> = {
  engagement_index: [
    'engagement',
    'engagement score',
    'employee engagement',
    'employee engagement index',
    'engagement index score',
  ],
  pct_favourable: [
    'favourable',
    'favorable',
    'pct favorable',
    'percent favourable',
    'percent favorable',
    'favourability',
    'favorability',
    'pct fav',
    'fav',
  ],
  enps: [
    'e nps',
    'employee nps',
    'employee net promoter score',
    'employee net promoter',
    'enps score',
  ],
  respondents: ['respondent count', 'number of respondents', 'survey respondents', 'n respondents'],
  response_rate: ['survey response rate'],
  recognition_per_head: [
    'recognitions per head',
    'recognition events per head',
    'recognition per employee',
  ],
  attrition: [
    'attrition rate',
    'turnover',
    'turnover rate',
    'staff turnover',
    'employee turnover',
    'leaver rate',
    'leavers rate',
  ],
  absence_days_per_head: [
    'absence per head',
    'absence days per employee',
    'sickness days per head',
    'days lost per head',
  ],
  nps: [
    'net promoter score',
    'net promoter',
    'customer nps',
    'cx nps',
    'nps score',
    'tnps',
    'transactional nps',
    'relationship nps',
  ],
  csat: ['customer satisfaction', 'csat score', 'satisfaction', 'csat top 2 box'],
  ces: ['customer effort', 'customer effort score', 'effort score', 'effort', 'ces mean'],
  ces_agree: ['ces easy', 'ces percent easy', 'pct easy', 'ces top 3 box', 'percent easy'],
  customer_responses: [
    'cx responses',
    'customer response count',
    'customer feedback responses',
    'feedback responses',
  ],
  interactions: [
    'contacts',
    'calls',
    'call volume',
    'contact volume',
    'calls handled',
    'interactions handled',
    'interaction count',
  ],
  avg_handle_seconds: [
    'aht',
    'average handle time',
    'avg handle time',
    'average handling time',
    'handle time',
    'aht seconds',
    'aht s',
  ],
  avg_hold_seconds: ['average hold time', 'avg hold time', 'hold time', 'aht hold'],
  avg_talk_seconds: ['average talk time', 'avg talk time', 'talk time', 'att'],
  avg_wrap_seconds: [
    'average wrap time',
    'avg wrap time',
    'wrap time',
    'acw',
    'after call work',
    'average after call work',
  ],
  repeat_contact_rate: [
    'repeat rate',
    'recontact rate',
    'repeat contact',
    'repeat contact percent',
  ],
  transfer_rate: ['transfer', 'transfer percent', 'transferred rate'],
  abandonment_rate: [
    'abandon rate',
    'abandoned rate',
    'abandoned percent',
    'abandonment',
    'abandoned calls percent',
  ],
};

/** The normal form names are compared in, written the same way as metricKeySql. */
export function metricKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_KEY: Map<string, MetricId> = (() => {
  const out = new Map<string, MetricId>();
  for (const id of METRIC_IDS) {
    out.set(metricKey(id), id);
    out.set(metricKey(METRICS[id].label), id);
    for (const alias of ALIASES[id]) out.set(metricKey(alias), id);
  }
  return out;
})();

/** The registry id a name stands for, or null. */
export function metricIdOf(text: string): MetricId | null {
  return BY_KEY.get(metricKey(text)) ?? null;
}

/** Share of sampled values (blanks aside) that name a registry metric. */
export function metricNameShare(samples: readonly string[]): number {
  const values = samples.filter((v) => v.trim() !== '');
  if (values.length === 0) return 0;
  return values.filter((v) => metricIdOf(v) !== null).length / values.length;
}

/** SQL: the metric id a text expression names, or the text itself when it names none. */
export function metricIdSql(expr: string): string {
  const key = `trim(regexp_replace(lower(${expr}), '[^a-z0-9]+', ' ', 'g'))`;
  const whens = [...BY_KEY].map(([k, id]) => `WHEN ${quoteLiteral(k)} THEN ${quoteLiteral(id)}`);
  return `CASE ${key} ${whens.join(' ')} ELSE ${expr} END`;
}

/** Metrics whose figure is a count: the value is the n. */
export const COUNT_METRICS: readonly MetricId[] = METRIC_IDS.filter(
  (id) => METRICS[id].family === 'count',
);

/**
 * Metrics a warehouse's figure cannot stand for: worked out by Upstream from other figures
 * (response rate is respondents over HR headcount), so their parts must be given instead.
 */
export const DERIVED_METRICS: Partial<Record<MetricId, string>> = {
  response_rate:
    'response_rate is worked out from respondents and HR headcount: give respondents (and headcount) instead',
};
