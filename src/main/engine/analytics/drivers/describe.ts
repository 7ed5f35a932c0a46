import { DRIVER_FLOOR, type DriversOutput } from '../../../../shared/analytics/drivers';
import { METRICS } from '../../../../shared/metrics';
import { formatR } from '../linkage/analysis';
import { MIN_CUSTOMER_RESPONSES } from '../linkage/data';
import type { DriversRequest } from './request';

const OUTCOME_ANSWER = {
  enps: 'eNPS answer (0-10)',
  engagement_index: 'engagement score (0-100)',
} as const;

const list = (parts: string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

/** The formula in words, for the tooltip. */
export function driversFormula(request: DriversRequest): string {
  const performance =
    "Performance: % favourable (answers 4-5 / answered 1-5 responses, reverse-coded items flipped) over the scope's full roll-up, each figure under the usual suppression rules.";
  const driver =
    request.by === 'item'
      ? 'answer to the item (1-5, reverse-coded items flipped)'
      : "mean over the value's items they answered (1-5)";
  if (request.analysis === 'respondents') {
    return `Importance: Pearson r, across the respondents in ${request.unit.unit_name} who answered the outcome, between each one's ${driver} and their ${OUTCOME_ANSWER[request.outcome]}; 95% interval by Fisher z; each r needs at least ${DRIVER_FLOOR} people who answered both. ${performance}`;
  }
  return `Importance: Pearson r, across the units at the ${request.level} level in ${request.unit.unit_name}, between each unit's % favourable on the ${request.by} in ${request.period} and its ${METRICS[request.outcome].label} in ${request.pair.customerPeriod}; a unit enters when its employee figures are shown and it has enough customer responses; 95% interval by Fisher z; each r needs at least ${DRIVER_FLOOR} units. ${performance}`;
}

export function suppressedReason(request: DriversRequest): string {
  return `Suppressed: fewer than ${DRIVER_FLOOR} people in ${request.unit.unit_name} answered the ${METRICS[request.outcome].label} question${request.outcome === 'engagement_index' ? 's' : ''} in ${request.period}; driver analysis needs at least ${DRIVER_FLOOR}.`;
}

export function noAnswersReason(request: DriversRequest): string {
  return `No data: nobody in ${request.unit.unit_name} answered the ${METRICS[request.outcome].label} question${request.outcome === 'engagement_index' ? 's' : ''} in ${request.period}.`;
}

export function tooFewUnitsReason(
  request: Extract<DriversRequest, { analysis: 'units' }>,
  n: number,
): string {
  return `Only ${n} units at the ${request.level} level in ${request.unit.unit_name} have visible employee figures in ${request.period} and at least ${MIN_CUSTOMER_RESPONSES} customer responses in ${request.pair.customerPeriod}; driver analysis needs at least ${DRIVER_FLOOR}.`;
}

/** Plain words for the room: what moves most with the outcome, and where to act first. */
export function describeDrivers(request: DriversRequest, output: DriversOutput): string {
  const what = request.by === 'item' ? 'items' : 'values';
  const outcome = METRICS[request.outcome].label;
  const quote = (label: string) => (request.by === 'item' ? `"${label}"` : label);
  const ranked = output.drivers.filter((d) => d.importance.r !== null);
  const parts: string[] = [];
  const top = ranked.slice(0, 3).map((d) => `${quote(d.label)} (r ${formatR(d.importance.r!)})`);
  parts.push(
    request.analysis === 'respondents'
      ? `Across ${output.n} respondents in ${request.unit.unit_name} (${request.period}), the ${what} that move most with ${outcome} are ${list(top)}.`
      : `Across ${output.n} units at the ${request.level} level in ${request.unit.unit_name}, the ${what} whose % favourable in ${request.period} moves most with ${outcome} in ${request.pair.customerPeriod} are ${list(top)}.`,
  );
  const priorities = ranked.filter((d) => d.quadrant === 'priority').map((d) => quote(d.label));
  if (priorities.length > 0) {
    const more = priorities.length > 3 ? [`${priorities.length - 3} more`] : [];
    parts.push(
      `Priorities (above-median importance, below-median % favourable): ${list([...priorities.slice(0, 3), ...more])}.`,
    );
  }
  const uncertain = ranked.filter(
    (d) => (d.importance.ciLow ?? 0) <= 0 && (d.importance.ciHigh ?? 0) >= 0,
  ).length;
  if (uncertain > 0) {
    parts.push(
      `For ${uncertain} of the ${ranked.length} ${what} the 95% interval of r includes zero: with ${output.n} ${request.analysis === 'respondents' ? 'respondents' : 'units'} these could be chance.`,
    );
  }
  const missing = output.drivers.length - ranked.length;
  if (missing > 0) {
    parts.push(
      `${missing} of the ${output.drivers.length} ${what} have no r (too few answers, or no spread).`,
    );
  }
  parts.push('r shows what moves together, not what causes what.');
  return parts.join(' ');
}
