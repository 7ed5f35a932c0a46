import type {
  Driver,
  DriverKind,
  DriverOutcome,
  DriverQuadrant,
  DriversOutput,
} from '../../../../shared/analytics/drivers';
import { EMPTY_VALUE, formatCount, formatMetricValue } from '../../format/formatMetric';

/**
 * How the Drivers view writes its figures. Pure functions: the browser test imports them to work
 * out, from the API's answer, the exact text the screen must show.
 *
 *   formatR(0.3881)          ".39"      two decimals, no leading zero; ASCII minus; never "-.00"
 *   formatR(null)            "—"
 *   intervalText(.31, .46)   ".31 to .46"
 *   weightText({share: 7.46}) "7.5%"    a driver's share of what all drivers explain together
 *   performanceText(v)       "68%"      % favourable; "Suppressed" / "No data" otherwise
 *   driverRanks(drivers)     Map id -> "1", "1=", "3=" ...  (see below)
 *   driversSentence(...)     the one plain sentence that leads the view
 *   driversTitle(unit, p)    "Drivers · North · 2026-Q2 · Upstream"
 */

export const OUTCOME_LABELS: Record<DriverOutcome, string> = {
  enps: 'eNPS',
  engagement_index: 'Engagement index',
  nps: 'Customer NPS',
  csat: 'CSAT',
};

/** The outcome picker's words: customer outcomes are compared across units, at a lag. */
export const OUTCOME_OPTION_LABELS: Record<DriverOutcome, string> = {
  enps: 'eNPS (employees)',
  engagement_index: 'Engagement index (employees)',
  nps: 'Customer NPS, at a lag',
  csat: 'CSAT, at a lag',
};

export const KIND_LABELS: Record<DriverKind, { one: string; many: string; title: string }> = {
  item: { one: 'item', many: 'items', title: 'Items' },
  value: { one: 'value', many: 'values', title: 'Values' },
};

export const QUADRANT_LABELS: Record<DriverQuadrant, { name: string; hint: string }> = {
  key_strength: { name: 'Key strength', hint: 'important and strong: protect it' },
  priority: { name: 'Priority', hint: 'important but weak: act here first' },
  secondary_strength: { name: 'Secondary strength', hint: 'strong, matters less' },
  low_priority: { name: 'Low priority', hint: 'weak, matters less' },
};

/** Plural names on the chart's quadrants. */
export const QUADRANT_TITLES: Record<DriverQuadrant, string> = {
  key_strength: 'Key strengths',
  priority: 'Priorities: act here first',
  secondary_strength: 'Secondary strengths',
  low_priority: 'Low priority',
};

const twoDecimals = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});
const oneDecimal = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  useGrouping: false,
});

export function formatR(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return EMPTY_VALUE;
  const text = twoDecimals.format(r).replace(/^(-?)0\./, '$1.');
  return text === '-.00' ? '.00' : text;
}

export function intervalText(low: number | null, high: number | null): string {
  if (low === null || high === null) return EMPTY_VALUE;
  return `${formatR(low)} to ${formatR(high)}`;
}

export function nText(n: number | null): string {
  return n === null ? EMPTY_VALUE : formatCount(n);
}

export function weightText(weight: Driver['relativeWeight']): string {
  return weight === null ? EMPTY_VALUE : `${oneDecimal.format(weight.share)}%`;
}

/** % favourable, or the word for why there is none (never a number when suppressed). */
export function performanceText(p: Driver['performance']): string {
  if (p.status === 'suppressed') return 'Suppressed';
  if (p.status === 'no_data') return 'No data';
  return formatMetricValue('pct_favourable', p.value);
}

export function performanceNText(p: Driver['performance']): string {
  return p.status === 'ok' && p.n !== null ? `n = ${formatCount(p.n)}` : '';
}

/** The engine's reason without a leading "Suppressed:" where the cell already says so. */
export function reasonText(status: 'ok' | 'suppressed' | 'no_data', reason: string | null): string {
  if (status === 'ok' || !reason) return '';
  const text =
    status === 'suppressed' ? reason.replace(/^\s*suppressed\s*[:\-–—]\s*/i, '') : reason;
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : reason;
}

const hasInterval = (d: Driver) =>
  d.importance.status === 'ok' &&
  d.importance.r !== null &&
  d.importance.ciLow !== null &&
  d.importance.ciHigh !== null;

/**
 * Ranks that never claim an order the intervals do not support. For each driver with an r:
 *   number = 1 + the drivers whose 95% interval lies wholly above its own (clearly stronger);
 *   "="    = its interval overlaps at least one other driver's (so its place could be chance).
 * "1=" is "tied for first"; a plain "4" only where the driver's interval overlaps no other.
 * Drivers without an r (suppressed, no data) get no rank.
 */
export function driverRanks(drivers: Driver[]): Map<string, string> {
  const shown = drivers.filter(hasInterval);
  const out = new Map<string, string>();
  for (const d of shown) {
    const lo = d.importance.ciLow!;
    const hi = d.importance.ciHigh!;
    let above = 0;
    let tied = false;
    for (const o of shown) {
      if (o === d) continue;
      if (o.importance.ciLow! > hi) above += 1;
      if (o.importance.ciLow! <= hi && lo <= o.importance.ciHigh!) tied = true;
    }
    out.set(d.id, `${above + 1}${tied ? '=' : ''}`);
  }
  return out;
}

/** The one-line note under the table that says what the ranks mean. */
export const RANK_NOTE =
  'Rank: “=” marks a tie, where a driver’s 95% interval overlaps another’s, so their order could be chance; the number counts the drivers clearly stronger (interval wholly above) plus one.';

/** Text cut at a word boundary: long item texts on the chart and in the sentence. */
export function shortLabel(text: string, max: number): string {
  const clean = text.trim().replace(/[.。]$/, '');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

const quote = (d: Driver, kind: DriverKind, max: number) =>
  kind === 'item' ? `“${shortLabel(d.label, max)}”` : d.label;

function listOf(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/** "teams" for the unit-level analyses' points. */
export function levelPlural(level: string | null, n = 2): string {
  const noun = level ?? 'unit';
  return n === 1 ? noun : `${noun}s`;
}

/** Who the correlation runs across: "500 respondents" or "32 teams". */
export function analysisNText(data: Pick<DriversOutput, 'analysis' | 'n' | 'level'>): string {
  if (data.n === null) return '';
  return data.analysis === 'respondents'
    ? `${formatCount(data.n)} ${data.n === 1 ? 'respondent' : 'respondents'}`
    : `${formatCount(data.n)} ${levelPlural(data.level, data.n)}`;
}

/**
 * The sentence that leads the view, e.g. "For eNPS in Brightwater (2026-Q2, 500 respondents),
 * 26 items are tied for first, led by “I rarely think about…” and “I would recommend…”;
 * “I rarely think…” and 5 more are important but weak: act there first."
 */
export function driversSentence(data: DriversOutput, unitName: string): string {
  const outcome = OUTCOME_LABELS[data.outcome];
  const kind = KIND_LABELS[data.by];
  if (data.status === 'suppressed')
    return `For ${outcome} in ${unitName}, the driver analysis is suppressed to protect a small group.`;
  if (data.status === 'no_data')
    return `For ${outcome} in ${unitName}, there is not enough data for a driver analysis.`;

  const when =
    data.analysis === 'respondents'
      ? `${data.period}, ${analysisNText(data)}`
      : `employees ${data.period}, customers ${data.customerPeriod ?? ''}, ${analysisNText(data)}`;
  const shown = data.drivers.filter(hasInterval);
  if (shown.length === 0)
    return `For ${outcome} in ${unitName} (${when}), no ${kind.one} has enough answers to show how it goes with it.`;

  const max = 40;
  const allChance = shown.every((d) => d.importance.ciLow! <= 0 && d.importance.ciHigh! >= 0);
  if (allChance) {
    return `For ${outcome} in ${unitName} (${when}), no ${kind.one} stands out: every 95% interval includes zero, so each link could be chance.`;
  }

  const ranks = driverRanks(data.drivers);
  const first = shown.filter((d) => /^1=?$/.test(ranks.get(d.id)!));
  const top = first[0] ?? shown[0]!;
  let lead: string;
  if (first.length <= 1) {
    lead = `${quote(top, data.by, max)} goes most strongly with it`;
  } else if (first.length === shown.length) {
    lead = `all ${formatCount(first.length)} ${kind.many} are tied (their intervals overlap), led by ${quote(top, data.by, max)}`;
  } else if (first.length === 2) {
    lead = `${listOf(first.map((d) => quote(d, data.by, max)))} are tied for first`;
  } else {
    lead = `${formatCount(first.length)} ${kind.many} are tied for first, led by ${quote(top, data.by, max)}`;
  }

  const priorities = shown.filter((d) => d.quadrant === 'priority');
  let act: string;
  if (priorities.length === 0) {
    act = `no ${kind.one} is both important and weak`;
  } else {
    const named =
      priorities[0]!.id === top.id && first.length !== 2
        ? 'it'
        : quote(priorities[0]!, data.by, max);
    const rest = priorities.length - 1;
    act =
      rest > 0
        ? `${named} and ${formatCount(rest)} more are important but weak: act there first`
        : `${named} ${named === 'it' ? 'is also' : 'is'} important but weak: act there first`;
  }
  return `For ${outcome} in ${unitName} (${when}), ${lead}; ${act}.`;
}

export function driversTitle(unitName: string | undefined, period: string | undefined): string {
  return ['Drivers', unitName, period, 'Upstream'].filter(Boolean).join(' · ');
}

export const LAGS = [-2, -1, 0, 1, 2] as const;

export function lagLabel(lag: number): string {
  if (lag === 0) return 'Customers same quarter';
  const k = Math.abs(lag);
  return `Customers ${k} ${k === 1 ? 'quarter' : 'quarters'} ${lag > 0 ? 'later' : 'earlier'}`;
}

/** Nice axis: a domain padded to whole steps and its ticks. */
export function niceScale(
  values: number[],
  steps: number[],
  bounds: [number, number],
  targetTicks = 6,
): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const lo = finite.length ? Math.min(...finite) : bounds[0];
  const hi = finite.length ? Math.max(...finite) : bounds[1];
  const span = Math.max(hi - lo, steps[0]!);
  const step = steps.find((s) => span / s <= targetTicks) ?? steps.at(-1)!;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  let d0 = round(Math.floor((lo - step * 0.15) / step) * step);
  let d1 = round(Math.ceil((hi + step * 0.15) / step) * step);
  d0 = Math.max(d0, bounds[0]);
  d1 = Math.min(d1, bounds[1]);
  if (d1 <= d0) d1 = d0 + step;
  const ticks: number[] = [];
  for (let v = d0; v <= d1 + step / 1e6; v += step) ticks.push(round(v));
  return { domain: [d0, d1], ticks };
}
