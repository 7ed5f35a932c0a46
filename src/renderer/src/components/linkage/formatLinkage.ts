import type { LinkageOutput } from '../../../../shared/analytics/linkage';
import { formatCount } from '../../format/formatMetric';

export { formatR, intervalText, rText } from '../../../../shared/linkSentence';

/**
 * How the linkage view writes its statistics. Browser tests import these to compare the screen
 * with the API's answer, so the rules live here and nowhere else.
 *
 *   formatR(0.3513)    ".35"      two decimals, no leading zero (APA style for |r| <= 1)
 *   formatR(-0.07)     "-.07"     ASCII minus; a value that rounds to zero is ".00"
 *   formatR(null)      "—"        fewer than 3 points or no spread: never a number
 *   rText(r)           "r = .35"
 *   intervalText(lo, hi)   "95% interval .23 to .47"
 *   linkageNText(out)  "208 team-quarters" (pooled) or "31 teams" (one quarter pair)
 *   lagLabel(k)        "customer 1 quarter later", "same quarter", "customer 2 quarters earlier"
 */
/** "team" -> "teams"; "team-quarter" pluralised likewise. */
function plural(noun: string, n: number): string {
  return n === 1 ? noun : `${noun}s`;
}

export function pointNoun(level: string, pooled: boolean, n: number): string {
  return plural(pooled ? `${level}-quarter` : level, n);
}

export function linkageNText(out: Pick<LinkageOutput, 'n' | 'level' | 'pooled'>): string {
  return `${formatCount(out.n)} ${pointNoun(out.level, out.pooled, out.n)}`;
}

export const LAGS = [-2, -1, 0, 1, 2] as const;

export function lagLabel(lag: number): string {
  if (lag === 0) return 'same quarter';
  const k = Math.abs(lag);
  return `customer ${k} ${k === 1 ? 'quarter' : 'quarters'} ${lag > 0 ? 'later' : 'earlier'}`;
}

/** Short axis label for the lag profile: "-2", "0", "+1". */
export function lagTick(lag: number): string {
  return lag > 0 ? `+${lag}` : String(lag);
}
