import type { DrilldownOutput, SmallTeam } from '../../../../shared/analytics/drilldown';
import type { MethodOutput } from '../../../../shared/contract';
import { formatCount, formatMetricValue } from '../../format/formatMetric';

/**
 * How the team page writes its figures. Browser tests import these to compare what the page
 * shows with what the API returned, so the rules live here.
 */

/** A value cell of the values profile: "78%" when shown, nothing otherwise. */
export function formatValueCell(cell: DrilldownOutput['values'][number]['unit']): string {
  return cell.status === 'ok' && cell.pctFavourable !== null
    ? formatMetricValue('pct_favourable', cell.pctFavourable)
    : '';
}

/** "Weighted 74.2 · 62% its own figure, 38% North's" for the small-team line. */
export function formatSmallTeam(s: SmallTeam): string | null {
  if (s.status !== 'ok' || s.shrunk === null || s.weight === null || !s.towards) return null;
  const own = Math.round(s.weight * 100);
  return `Weighted ${formatMetricValue('engagement_index', s.shrunk)}: ${own}% its own figure, ${100 - own}% ${s.towards.name}'s`;
}

/** "Agreement: strong (r_wg .8)", or null below the size agreement is told for. */
export function formatAgreement(s: SmallTeam): string | null {
  if (s.rwg === null || s.agreement === null) return null;
  return `Agreement: ${s.agreement} (r_wg ${s.rwg.toFixed(1).replace(/^0/, '')})`;
}

/** A share of calls: "31%". */
export function formatShare(share: number): string {
  return `${Math.round(share)}%`;
}

export function formatCalls(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'call' : 'calls'}`;
}

export const QUADRANT_WORDS = {
  bright_spot: 'a bright spot: above the company on both',
  employee_only: 'above the company on engagement, below on customers',
  customer_only: 'below the company on engagement, above on customers',
  at_risk: 'below the company on both',
} as const;

/** What the workspace holds at all, so an empty panel can say what to import. */
export interface WorkspaceHas {
  survey: boolean;
  customer: boolean;
  hr: boolean;
  contactCentre: boolean;
  /** Quarters with survey or customer data. */
  quarters: number;
}

export function workspaceHas(info: MethodOutput<'info'>): WorkspaceHas {
  const kinds = new Set(info.sources.map((s) => s.kind));
  return {
    survey: info.periods.some((p) => p.surveyResponses > 0),
    customer: info.periods.some((p) => p.customerResponses > 0),
    hr: kinds.has('hr_metrics'),
    contactCentre: kinds.has('contact_centre'),
    quarters: info.periods.filter((p) => p.surveyResponses > 0 || p.customerResponses > 0).length,
  };
}

type Place = DrilldownOutput['linkage']['point'];

/**
 * Where a unit sits against the company on the linkage chart, in words, compared as the room
 * reads the figures (to their shown precision): equal on both is "at company level" (the only
 * region, a unit that is the whole company), never "a bright spot"; equal on one axis says so.
 */
export function placeWords(place: Place): string | null {
  if (place.status !== 'ok' || place.x === null || place.y === null) return null;
  if (place.companyX === null || place.companyY === null) return null;
  const side = (a: string, b: number, c: string, d: number): 'level' | 'above' | 'below' =>
    a === c ? 'level' : b > d ? 'above' : 'below';
  const e = side(
    formatMetricValue('engagement_index', place.x),
    place.x,
    formatMetricValue('engagement_index', place.companyX),
    place.companyX,
  );
  const c = side(
    formatMetricValue('nps', place.y),
    place.y,
    formatMetricValue('nps', place.companyY),
    place.companyY,
  );
  if (e === 'level' && c === 'level') return 'at company level on both';
  if (e === 'above' && c === 'above') return QUADRANT_WORDS.bright_spot;
  if (e === 'below' && c === 'below') return QUADRANT_WORDS.at_risk;
  if (e === 'level') return `level with the company on engagement, ${c} it on customers`;
  if (c === 'level') return `${e} the company on engagement, level with it on customers`;
  return e === 'above' ? QUADRANT_WORDS.employee_only : QUADRANT_WORDS.customer_only;
}
