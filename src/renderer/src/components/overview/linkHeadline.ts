import type { LinkageOutput } from '../../../../shared/analytics/linkage';
import { intervalText, rText } from '../linkage/formatLinkage';
import { linkSentence, type SentenceKind } from '../linkage/linkageModel';

/**
 * The Overview's one-sentence headline of the employee-customer link: the Linkage view's own
 * sentence (built on the slope; says so where the interval crosses zero or the points come from
 * very few units), followed by r and its interval when it makes a claim either way:
 *   "Teams 10 points more engaged have NPS about 7 points higher a quarter later
 *    (r = .35, 95% interval .23 to .47)."
 * With very few units it shows no r, as the Linkage view does.
 */
export interface LinkHeadline {
  text: string;
  kind: SentenceKind;
}

/** Non-breaking spaces keep "r = .35" together on a projector's line. */
const NBSP = '\u00a0';

export function linkHeadline(data: LinkageOutput): LinkHeadline {
  const { kind, text } = linkSentence(data);
  if (data.r === null || kind === 'few_units' || kind === 'no_line') return { kind, text };
  const r = rText(data.r).replace(/ /g, NBSP);
  const stats = kind === 'link' ? `${r}, ${intervalText(data.ciLow, data.ciHigh)}` : r;
  return { kind, text: `${text.replace(/\.$/, '')} (${stats}).` };
}
