import type {
  LinkageCustomerMetric,
  LinkageEmployeeMetric,
  LinkageOutput,
} from './analytics/linkage';
import { EMPTY_VALUE } from './figureText';
import { METRICS } from './metrics';

/**
 * The linkage view's plain sentence and how it writes r, shared by the Linkage and Overview
 * views and the exports, so a slide says exactly what the screen says.
 *
 *   formatR(0.3513)    ".35"      two decimals, no leading zero (APA style for |r| <= 1)
 *   formatR(-0.07)     "-.07"     ASCII minus; a value that rounds to zero is ".00"
 *   formatR(null)      "—"        fewer than 3 points or no spread: never a number
 *   rText(r)           "r = .35"
 *   intervalText(lo, hi)   "95% interval .23 to .47"
 */
const twoDecimals = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});

export function formatR(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return EMPTY_VALUE;
  const text = twoDecimals.format(r).replace(/^(-?)0\./, '$1.');
  return text === '-.00' ? '.00' : text;
}

export function rText(r: number | null | undefined): string {
  return `r = ${formatR(r)}`;
}

export function intervalText(low: number | null, high: number | null): string {
  if (low === null || high === null) return '95% interval: not available';
  return `95% interval ${formatR(low)} to ${formatR(high)}`;
}

interface Step {
  /** How far across: the employee difference the sentence speaks of. */
  dx: number;
  /** "10 points more engaged", used as "Teams <phrase> have ...". */
  phrase: string;
}

/** A sensible step in the employee figure per metric: 10 points on 0-100 and net scores, etc. */
export function employeeStep(metric: LinkageEmployeeMetric): Step {
  switch (metric) {
    case 'engagement_index':
      return { dx: 10, phrase: '10 points more engaged' };
    case 'pct_favourable':
      return { dx: 10, phrase: 'with 10 percentage points more favourable answers' };
    case 'enps':
      return { dx: 10, phrase: 'with an eNPS 10 points higher' };
    case 'recognition_per_head':
      return { dx: 1, phrase: 'with 1 more recognition per head' };
    case 'attrition':
      return { dx: 5, phrase: 'with attrition 5 percentage points higher' };
    case 'absence_days_per_head':
      return { dx: 1, phrase: 'with 1 more absence day per head' };
  }
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(Math.abs(v) * f) / f;
};

/** "NPS about 5 points higher": the customer difference in the customer metric's own words. */
export function customerChange(metric: LinkageCustomerMetric, dy: number): string {
  const m = METRICS[metric];
  const up = dy >= 0;
  const name = metric === 'nps' ? 'NPS' : m.label;
  const precise = (v: number) => (Math.abs(v) >= 2 ? round(v, 0) : round(v, 1));
  switch (m.family) {
    case 'net_score':
      return `${name} about ${fmt(precise(dy))} ${plural(precise(dy), 'point')} ${up ? 'higher' : 'lower'}`;
    case 'percent':
      return `${name} about ${fmt(precise(dy))} percentage ${plural(precise(dy), 'point')} ${up ? 'higher' : 'lower'}`;
    case 'mean_1_7': {
      const v = Math.abs(dy) >= 0.1 ? round(dy, 1) : round(dy, 2);
      return `${name} about ${fmt(v)} ${plural(v, 'point')} ${up ? 'higher' : 'lower'} (on the 1-7 scale)`;
    }
    case 'seconds': {
      const v = round(dy, 0);
      return `${name} about ${fmt(v)} ${plural(v, 'second')} ${up ? 'longer' : 'shorter'}`;
    }
    case 'count': {
      const v = Math.abs(dy) >= 10 ? round(dy, 0) : round(dy, 1);
      return `about ${fmt(v)} ${up ? 'more' : 'fewer'} customer responses`;
    }
    default:
      return `${name} about ${fmt(precise(dy))} ${up ? 'higher' : 'lower'}`;
  }
}

function fmt(v: number): string {
  return v.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}
function plural(v: number, noun: string): string {
  return v === 1 ? noun : `${noun}s`;
}

/** "a quarter later", "in the same quarter", "two quarters earlier". */
export function whenText(lag: number): string {
  if (lag === 0) return 'in the same quarter';
  const k = Math.abs(lag);
  const amount = k === 1 ? 'a quarter' : k === 2 ? 'two quarters' : `${k} quarters`;
  return `${amount} ${lag > 0 ? 'later' : 'earlier'}`;
}

/** "team" -> "Teams". */
export function levelPlural(level: string): string {
  const p =
    level.endsWith('y') && !/[aeiou]y$/.test(level) ? `${level.slice(0, -1)}ies` : `${level}s`;
  return p.charAt(0).toUpperCase() + p.slice(1);
}

/** Distinct units behind the points (a pooled view repeats each unit once per quarter). */
export function distinctUnits(data: LinkageOutput): number {
  return new Set(data.points.map((p) => p.unitId)).size;
}

/** Below this many distinct units, a large r is not shown as if it meant something. */
export const FEW_UNITS = 10;

export type SentenceKind = 'link' | 'no_link' | 'few_units' | 'no_line';

/**
 * The one plain sentence that leads the view. Built on the slope when the interval is clear of
 * zero and enough units stand behind it; otherwise it says plainly why there is no claim.
 */
export function linkSentence(data: LinkageOutput): { kind: SentenceKind; text: string } {
  const e = METRICS[data.employeeMetric];
  const c = METRICS[data.customerMetric];
  const units = data.points.length < data.pointsTotal ? Infinity : distinctUnits(data);
  const when = whenText(data.lag);
  const plural = levelPlural(data.level).toLowerCase();
  if (units < FEW_UNITS) {
    return {
      kind: 'few_units',
      text: `These ${data.n.toLocaleString('en-GB')} points come from only ${units} ${plural}: too few to say whether ${e.label} and ${c.label} move together.`,
    };
  }
  if (data.r === null || data.slope === null) {
    return {
      kind: 'no_line',
      text: `There is not enough spread in ${e.label} or ${c.label} across these ${plural} to draw a line.`,
    };
  }
  if (data.ciLow !== null && data.ciHigh !== null && data.ciLow <= 0 && data.ciHigh >= 0) {
    return {
      kind: 'no_link',
      text: `The data are consistent with no link between ${e.label} and ${c.label} ${when}: the interval for r runs from ${formatR(data.ciLow)} to ${formatR(data.ciHigh)}, across zero.`,
    };
  }
  const step = employeeStep(data.employeeMetric);
  const dy = data.slope * step.dx;
  return {
    kind: 'link',
    text: `${levelPlural(data.level)} ${step.phrase} have ${customerChange(data.customerMetric, dy)} ${when}.`,
  };
}
