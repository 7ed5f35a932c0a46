import type { MetricValue } from '../../../shared/contract';
import { METRICS, type MetricId } from '../../../shared/metrics';
import type { Visibility } from '../confidentiality/treeVisibility';
import { hrReasons, suppressionReasons } from '../confidentiality/reasons';

const round = (value: number): number => Math.round(value * 100) / 100;

export function noData(metric: MetricId, reason: string): MetricValue {
  return { metric, value: null, n: null, status: 'no_data', reason };
}

/** An employee figure, shown only when its group is visible and its own n reaches the minimum. */
export function employeeValue(
  metric: MetricId,
  value: number | null,
  n: number,
  visibility: Visibility,
  minSize: number,
): MetricValue {
  if (n === 0 || value === null)
    return noData(metric, 'No survey answers for this group and period');
  if (!visibility.visible)
    return { metric, value: null, n: null, status: 'suppressed', reason: visibility.reason };
  if (n < minSize) {
    return {
      metric,
      value: null,
      n: null,
      status: 'suppressed',
      reason: suppressionReasons.metricTooFew(minSize),
    };
  }
  return { metric, value: round(value), n, status: 'ok', reason: null };
}

/** What a contact-centre figure needs from the log, for its no-data reason. */
const CONTACT_FIELDS: Partial<Record<MetricId, string>> = {
  interactions: 'calls',
  avg_handle_seconds: 'answered calls with a handle time (or talk, hold and wrap-up times)',
  avg_hold_seconds: 'answered calls with a hold time',
  avg_talk_seconds: 'answered calls with a talk time',
  avg_wrap_seconds: 'answered calls with a wrap-up time',
  repeat_contact_rate: 'calls with a repeat-contact flag',
  transfer_rate: 'calls with a transfer flag',
  abandonment_rate: 'calls whose log says whether they were answered',
};

/** Customers are not the protected party: their figures are never suppressed, always labelled with n. */
export function customerValue(metric: MetricId, value: number | null, n: number): MetricValue {
  const field = CONTACT_FIELDS[metric];
  if ((n === 0 || value === null) && field)
    return noData(
      metric,
      `No ${field} mapped to this unit in this period (contact-centre logs that do not record it give no data, not 0)`,
    );
  if (n === 0 || value === null)
    return noData(metric, 'No customer responses mapped to this unit in this period');
  return { metric, value: round(value), n, status: 'ok', reason: null };
}

/**
 * HR figures (attrition, absence, recognition per head) are records about people, decided like
 * survey figures over the whole tree with the HR headcount as n (decideHrSuppression.ts): shown
 * when the stored decision lets them and the headcount reaches the minimum group size.
 */
export function hrValue(
  metric: MetricId,
  value: number | null,
  headcount: number,
  visibility: Visibility,
  minSize: number,
): MetricValue {
  if (headcount === 0 || value === null)
    return noData(metric, 'No HR headcount for this unit and period');
  if (!visibility.visible)
    return { metric, value: null, n: null, status: 'suppressed', reason: visibility.reason };
  if (headcount < minSize) {
    return {
      metric,
      value: null,
      n: null,
      status: 'suppressed',
      reason: hrReasons.tooFew(minSize),
    };
  }
  return { metric, value: round(value), n: headcount, status: 'ok', reason: null };
}

/** Any employee-side figure under its source's rule: survey figures or HR figures. */
export function employeeMetricValue(
  metric: MetricId,
  value: number | null,
  n: number,
  visibility: Visibility,
  minSize: number,
): MetricValue {
  return METRICS[metric].source === 'hr'
    ? hrValue(metric, value, n, visibility, minSize)
    : employeeValue(metric, value, n, visibility, minSize);
}
