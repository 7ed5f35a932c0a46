import type { LinkageOutput } from '../../../../shared/analytics/linkage';
import { METRICS } from '../../../../shared/metrics';
import { intervalText, lagLabel, rText } from '../linkage/formatLinkage';

/**
 * The one-sentence headline of the employee-customer link on the Overview, built on the slope:
 *   "Across teams, 10 points more engagement goes with NPS about 5 points higher a quarter later
 *    (r = .35, 95% interval .23 to .47)."
 * Where the interval reaches zero it says the data are consistent with no link; with fewer than
 * 10 distinct units it says the points come from very few units rather than leading with r.
 */
export interface LinkHeadline {
  text: string;
  /** 'link' (interval clear of zero), 'none' (consistent with no link), 'few' (too few units), 'empty'. */
  kind: 'link' | 'none' | 'few' | 'empty';
}

/** Fewer distinct units than this and the sentence leads with the caution, not the slope. */
export const FEW_UNITS = 10;

const NBSP = '\u00a0';

const NAMES: Partial<Record<string, string>> = {
  engagement_index: 'engagement',
  pct_favourable: 'favourable answers',
  nps: 'NPS',
  csat: 'CSAT',
};

function metricName(id: string): string {
  return NAMES[id] ?? (id in METRICS ? METRICS[id as keyof typeof METRICS].label : id);
}

const plural = (noun: string) => (noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`);

/** "a quarter later", "in the same quarter", "2 quarters earlier". */
function when(lag: number): string {
  if (lag === 0) return 'in the same quarter';
  if (lag === 1) return 'a quarter later';
  if (lag === -1) return 'a quarter earlier';
  return lagLabel(lag).replace(/^customer /, '');
}

/** Points of the customer metric per 10 points of the employee one, in words. */
function slopeWords(slope: number): string {
  const per10 = slope * 10;
  const size = Math.abs(per10);
  const text = size >= 1 ? String(Math.round(size)) : size.toFixed(1);
  return `about ${text} ${text === '1' ? 'point' : 'points'} ${per10 >= 0 ? 'higher' : 'lower'}`;
}

export function linkHeadline(
  out: Pick<
    LinkageOutput,
    | 'employeeMetric'
    | 'customerMetric'
    | 'level'
    | 'lag'
    | 'r'
    | 'ciLow'
    | 'ciHigh'
    | 'slope'
    | 'n'
    | 'points'
  >,
): LinkHeadline {
  const units = plural(out.level);
  const employee = metricName(out.employeeMetric);
  const customer = metricName(out.customerMetric);
  // Non-breaking spaces keep "r = .35" on one line.
  const stats =
    out.r === null
      ? ''
      : ` (${rText(out.r).replace(/ /g, NBSP)}, ${intervalText(out.ciLow, out.ciHigh)})`;
  if (out.r === null || out.slope === null) {
    return {
      kind: 'empty',
      text: `Too few ${units} with both ${employee} and ${customer} figures to tell whether they move together.`,
    };
  }
  const distinct = new Set(out.points.map((p) => p.unitId)).size;
  if (distinct > 0 && distinct < FEW_UNITS) {
    return {
      kind: 'few',
      text: `Only ${distinct} ${distinct === 1 ? out.level : units} to compare: too few to say whether ${employee} goes with ${customer} ${when(out.lag)}.`,
    };
  }
  const crossesZero =
    out.ciLow === null || out.ciHigh === null || (out.ciLow <= 0 && out.ciHigh >= 0);
  if (crossesZero) {
    return {
      kind: 'none',
      text: `Across ${units}, the data are consistent with no link between ${employee} and ${customer} ${when(out.lag)}${stats}.`,
    };
  }
  return {
    kind: 'link',
    text: `Across ${units}, 10 points more ${employee} goes with ${customer} ${slopeWords(out.slope)} ${when(out.lag)}${stats}.`,
  };
}
