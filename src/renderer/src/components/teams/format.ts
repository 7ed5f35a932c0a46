import type { DrilldownOutput, SmallTeam } from '../../../../shared/analytics/drilldown';
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
