import type { MetricValue } from '../../../../shared/contract';
import { METRICS, type MetricId } from '../../../../shared/metrics';

/** Figures that count people or contacts: a set's figure is their sum. */
const COUNTS: ReadonlySet<MetricId> = new Set([
  'respondents',
  'customer_responses',
  'interactions',
]);

const round = (value: number): number => Math.round(value * 100) / 100;

/**
 * One figure for a set of units, made only of what each member already shows: the mean of the
 * members' shown values weighted by their n (a sum for counts). A figure built this way is a
 * function of published figures, so it cannot reveal anything they do not, whatever set is asked
 * for; members whose figure is hidden or missing are left out and counted.
 */
export function combineShownFigures(
  metric: MetricId,
  members: MetricValue[],
): { value: MetricValue; leftOut: number } {
  const shown = members.filter(
    (m): m is MetricValue & { value: number; n: number } =>
      m.status === 'ok' && m.value !== null && m.n !== null && m.n > 0,
  );
  const hidden = members.filter((m) => m.status === 'suppressed').length;
  if (shown.length === 0) {
    const reason =
      hidden > 0
        ? `Hidden for every selected unit that has it (${hidden} of ${members.length}): a combined figure would reveal it`
        : (members.find((m) => m.reason)?.reason ?? 'No data for the selected units');
    return {
      value: {
        metric,
        value: null,
        n: null,
        status: hidden > 0 ? 'suppressed' : 'no_data',
        reason,
      },
      leftOut: hidden,
    };
  }
  const n = shown.reduce((sum, m) => sum + m.n, 0);
  const value = COUNTS.has(metric)
    ? shown.reduce((sum, m) => sum + m.value, 0)
    : shown.reduce((sum, m) => sum + m.value * m.n, 0) / n;
  return { value: { metric, value: round(value), n, status: 'ok', reason: null }, leftOut: hidden };
}

export const SET_FORMULA_NOTE =
  "For a set of units: each unit's shown figure weighted by its n (counts summed); units whose figure is hidden are left out.";

/** The label of a figure for a set, with how it was combined. */
export function setFormula(metric: MetricId): string {
  return `${METRICS[metric].formula} ${SET_FORMULA_NOTE}`;
}
