import { METRICS, type MetricId, type MetricValue } from './metrics';

/**
 * How every metric value is written, on screen and in exports (the renderer's format/formatMetric
 * re-exports this). Browser tests import these functions to compare what a tile shows with the
 * number the API returned, so the rules live here and nowhere else.
 *
 * formatMetricValue(metricId, value), by the metric's scale family (src/shared/metrics.ts):
 *   index_0_100  engagement_index                 one decimal             72.4
 *   percent      pct_favourable, response_rate,   integer + '%'           78%
 *                csat (values arrive as 0..100)
 *   net_score    enps, nps                        signed integer          +23, -7, 0
 *   count        respondents, customer_responses  integer, ',' thousands  4,212
 *   per_head     recognition, absence per head    two decimals            0.84
 *   mean_1_7     ces                              one decimal             5.3
 *   seconds      average handle, hold, talk, wrap minutes:seconds         6:05
 * Rounding is Intl.NumberFormat's (half away from zero: 22.5 -> 23, -22.5 -> -23), locale en-GB;
 * a value that rounds to zero is written "0" (never "+0" or "-0"). The minus is ASCII '-'.
 * A null value (suppressed or no data) is written as an em dash "—", never as a number.
 *
 * The n under a tile: formatN(metricId, n) -> "n = 4,212 respondents" (employee metrics) or
 * "n = 1,020 responses" (customer metrics, shown under the Customers heading); singular for 1.
 * tileValueText / tileNText / tileReasonText give the exact text of a tile for any status.
 */
const LOCALE = 'en-GB';
export const EMPTY_VALUE = '—';

const oneDecimal = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  useGrouping: false,
});
const twoDecimals = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, useGrouping: false });
const signedInteger = new Intl.NumberFormat(LOCALE, {
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
  useGrouping: false,
});
const grouped = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, useGrouping: true });

/** Normalises "-0" (e.g. -0.3 rounded) to "0". */
function noNegativeZero(text: string): string {
  return /^[-+]0$/.test(text) ? '0' : text;
}

export function formatMetricValue(metricId: MetricId, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  switch (METRICS[metricId].family) {
    case 'index_0_100':
      return noNegativeZero(oneDecimal.format(value));
    case 'percent':
      return `${noNegativeZero(integer.format(value))}%`;
    case 'net_score':
      return noNegativeZero(signedInteger.format(value));
    case 'count':
      return grouped.format(value);
    case 'per_head':
      return twoDecimals.format(value);
    case 'mean_1_7':
      return oneDecimal.format(value);
    case 'seconds':
      return formatDuration(value);
  }
}

/** Seconds as minutes:seconds, as contact centres write handle times: 365 -> "6:05", 42 -> "0:42". */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Thousands-separated whole number: 4212 -> "4,212". */
export function formatCount(n: number): string {
  return grouped.format(n);
}

const N_NOUNS = {
  respondents: ['respondent', 'respondents'],
  headcount: ['person in the headcount', 'people in the headcount'],
  responses: ['response', 'responses'],
  interactions: ['interaction', 'interactions'],
} as const;

/** What the n counts: respondents, people in the HR headcount, customer responses, interactions. */
export function nNoun(metricId: MetricId, n: number): string {
  return N_NOUNS[METRICS[metricId].minN.of][n === 1 ? 0 : 1];
}

/** "n = 4,212 respondents". */
export function formatN(metricId: MetricId, n: number): string {
  return `n = ${formatCount(n)} ${nNoun(metricId, n)}`;
}

/**
 * The text a tile's value shows for any status: the formatted number when ok, otherwise the word
 * for the status. A suppressed value never shows a number, even if one were sent.
 */
export function tileValueText(v: Pick<MetricValue, 'metric' | 'value' | 'status'>): string {
  if (v.status === 'suppressed') return 'Suppressed';
  if (v.status === 'no_data') return 'No data';
  return formatMetricValue(v.metric, v.value);
}

/** The text of a tile's n line for any status. */
export function tileNText(v: Pick<MetricValue, 'metric' | 'n' | 'status'>): string {
  if (v.status === 'suppressed') return 'n hidden';
  if (v.n === null) return 'n not available';
  return formatN(v.metric, v.n);
}

/**
 * The reason line under a suppressed or empty tile: the engine's reason, minus a leading
 * "Suppressed:" when the tile already says "Suppressed" in large type
 * ("Suppressed: fewer than 5 respondents" -> "Fewer than 5 respondents").
 */
export function tileReasonText(v: Pick<MetricValue, 'status' | 'reason'>): string | null {
  if (v.status === 'ok' || !v.reason) return null;
  const text =
    v.status === 'suppressed' ? v.reason.replace(/^\s*suppressed\s*[:\-–—]\s*/i, '') : v.reason;
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : v.reason;
}
