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

/** Customers are not the protected party: their figures are never suppressed, always labelled with n. */
export function customerValue(metric: MetricId, value: number | null, n: number): MetricValue {
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
