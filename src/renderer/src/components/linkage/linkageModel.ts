import {
  LINKAGE_CUSTOMER_METRICS,
  LINKAGE_EMPLOYEE_METRICS,
  type LinkageCustomerMetric,
  type LinkageEmployeeMetric,
  type LinkageOutput,
  type LinkagePoint,
  type Quadrant,
} from '../../../../shared/analytics/linkage';
import { METRICS, type MetricId } from '../../../../shared/metrics';
import { formatMetricValue } from '../../format/formatMetric';
import { formatR } from './formatLinkage';

/**
 * The Linkage view's pure logic, kept apart from React and the canvas so it can be read and
 * tested on its own: the metric pickers' groups, the quadrants' names and marks, the axes, the
 * fitted line's 95% band, the plain sentence that leads the view, and brushing.
 */

// ---------------------------------------------------------------- metric pickers

export interface MetricGroup<T extends MetricId> {
  label: string;
  metrics: T[];
}

/** Every employee metric the engine links, grouped by where it comes from. */
export const EMPLOYEE_GROUPS: MetricGroup<LinkageEmployeeMetric>[] = [
  {
    label: 'Survey',
    metrics: LINKAGE_EMPLOYEE_METRICS.filter((m) => METRICS[m].source === 'survey'),
  },
  {
    label: 'HR records',
    metrics: LINKAGE_EMPLOYEE_METRICS.filter((m) => METRICS[m].source !== 'survey'),
  },
];

/** Every customer and operational metric the engine links, grouped likewise. */
export const CUSTOMER_GROUPS: MetricGroup<LinkageCustomerMetric>[] = [
  {
    label: 'Customers',
    metrics: LINKAGE_CUSTOMER_METRICS.filter((m) => METRICS[m].source !== 'contact_centre'),
  },
  {
    label: 'Contact centre',
    metrics: LINKAGE_CUSTOMER_METRICS.filter((m) => METRICS[m].source === 'contact_centre'),
  },
];

// ---------------------------------------------------------------- quadrants

export type MarkShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface QuadrantStyle {
  /** What the room calls it; also the label of the unit set it selects. */
  name: string;
  /** The quadrant in words. */
  description: string;
  /** A CSS variable of the theme (read from the document for the canvas). */
  colorVar: string;
  shape: MarkShape;
}

/** Colour and shape both, so a quadrant reads without colour vision (and in greyscale print). */
export const QUADRANT_STYLE: Record<Quadrant, QuadrantStyle> = {
  bright_spot: {
    name: 'Bright spots',
    description: 'High employee, high customer',
    colorVar: '--ok',
    shape: 'circle',
  },
  customer_only: {
    name: 'Customer only',
    description: 'High customer, low employee',
    colorVar: '--customer',
    shape: 'square',
  },
  employee_only: {
    name: 'Employee only',
    description: 'High employee, low customer',
    colorVar: '--employee',
    shape: 'diamond',
  },
  at_risk: {
    name: 'At risk',
    description: 'Low on both',
    colorVar: '--danger',
    shape: 'triangle',
  },
};

/** Where each quadrant sits on the plot, read left to right, top to bottom. */
export const QUADRANT_LAYOUT: Quadrant[] = [
  'customer_only',
  'bright_spot',
  'at_risk',
  'employee_only',
];

/**
 * The units of one quadrant, as a set to select: every drawn point in it (each unit once) and
 * the engine's named list (which covers the clearest members even when points were thinned).
 */
export function quadrantUnitIds(data: LinkageOutput, quadrant: Quadrant): string[] {
  const ids = new Set<string>();
  for (const p of data.points) if (p.quadrant === quadrant) ids.add(p.unitId);
  for (const u of data.quadrants.units[quadrant]) ids.add(u.unitId);
  return [...ids];
}

// ---------------------------------------------------------------- axes

export interface Axis {
  domain: [number, number];
  ticks: number[];
}

/** 1, 2, 2.5 or 5 times a power of ten: the step that gives about `target` ticks. */
function niceStep(span: number, target: number): number {
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/**
 * An axis that spans the values with a little room, on round ticks, never beyond the metric's
 * own range (0..100 for a percentage, -100..100 for a net score).
 */
export function niceAxis(
  lo: number,
  hi: number,
  min: number | null,
  max: number | null,
  target = 5,
): Axis {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = min ?? 0;
    hi = max ?? 1;
  }
  let span = hi - lo;
  if (span <= 0) span = Math.abs(hi) > 0 ? Math.abs(hi) * 0.2 : 1;
  const pad = span * 0.06;
  let a = lo - pad;
  let b = hi + pad;
  if (hi - lo <= 0) {
    a = lo - span / 2;
    b = hi + span / 2;
  }
  const step = niceStep(b - a, target);
  a = Math.floor(a / step) * step;
  b = Math.ceil(b / step) * step;
  if (min !== null) a = Math.max(a, min);
  if (max !== null) b = Math.min(b, max);
  const ticks: number[] = [];
  const first = Math.ceil(a / step - 1e-9) * step;
  for (let t = first; t <= b + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return { domain: [a, b], ticks };
}

/** Both axes for an answer: every drawn point and, when thinned, every density cell. */
export function axesFor(data: LinkageOutput): { x: Axis; y: Axis } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of data.points) {
    if (p.x < x0) x0 = p.x;
    if (p.x > x1) x1 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.y > y1) y1 = p.y;
  }
  const d = data.density;
  if (d) {
    for (const c of d.cells) {
      x0 = Math.min(x0, c.x);
      x1 = Math.max(x1, c.x + d.xStep);
      y0 = Math.min(y0, c.y);
      y1 = Math.max(y1, c.y + d.yStep);
    }
  }
  const e = METRICS[data.employeeMetric];
  const c = METRICS[data.customerMetric];
  return { x: niceAxis(x0, x1, e.min, e.max, 6), y: niceAxis(y0, y1, c.min, c.max, 5) };
}

/** Axis tick text in the metric's own style (72, +40, 80%, 6:05, 0.84). */
export function tickText(metric: MetricId, v: number): string {
  const m = METRICS[metric];
  if (m.family === 'index_0_100') return String(Math.round(v * 10) / 10);
  if (m.family === 'per_head' || m.family === 'mean_1_7') {
    return String(Number(v.toFixed(2)));
  }
  return formatMetricValue(metric, v);
}

// ---------------------------------------------------------------- the fitted line's band

/** Student's t quantile for 97.5% (two-sided 95%), by Cornish-Fisher expansion (ν >= 1). */
export function t975(df: number): number {
  if (df <= 1) return 12.706;
  if (df === 2) return 4.303;
  const z = 1.959964;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

export interface Band {
  intercept: number;
  slope: number;
  /** Half-width of the 95% band of the mean prediction at x. */
  halfWidth(x: number): number;
  /** 'points': from the points drawn; 'density': approximated from the density grid of all points. */
  basis: 'points' | 'density';
  n: number;
}

/**
 * The fitted line with a 95% band for the mean prediction of ordinary least squares:
 * se(x) = s * sqrt(1/n + (x - mean x)^2 / Sxx), s^2 = residual sum of squares / (n - 2), times
 * t(.975, n - 2). When the engine thinned the points, the band is worked out from its density
 * grid of every point (cell centres weighted by their counts): an approximation, said so on screen.
 * The line itself is always the engine's (fitted on every point).
 */
export function fitBand(data: LinkageOutput): Band | null {
  if (data.slope === null || data.intercept === null) return null;
  const a = data.intercept;
  const b = data.slope;
  let n = 0;
  let sx = 0;
  const entries: [number, number, number][] = []; // x, y, weight
  const d = data.density;
  if (d && data.points.length < data.pointsTotal) {
    for (const c of d.cells) entries.push([c.x + d.xStep / 2, c.y + d.yStep / 2, c.count]);
  } else {
    for (const p of data.points) entries.push([p.x, p.y, 1]);
  }
  for (const [x, , w] of entries) {
    n += w;
    sx += w * x;
  }
  if (n < 3) return null;
  const mx = sx / n;
  let sxx = 0;
  let ssr = 0;
  for (const [x, y, w] of entries) {
    sxx += w * (x - mx) ** 2;
    ssr += w * (y - (a + b * x)) ** 2;
  }
  if (!(sxx > 0)) return null;
  const s = Math.sqrt(ssr / (n - 2));
  const t = t975(n - 2);
  return {
    intercept: a,
    slope: b,
    halfWidth: (x) => t * s * Math.sqrt(1 / n + (x - mx) ** 2 / sxx),
    basis: entries.length && d && data.points.length < data.pointsTotal ? 'density' : 'points',
    n,
  };
}

// ---------------------------------------------------------------- the sentence

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

// ---------------------------------------------------------------- brushing

/** The units whose drawn points lie inside a rectangle given in data coordinates (each once). */
export function unitsInside(
  points: readonly LinkagePoint[],
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): string[] {
  const [xa, xb] = x0 <= x1 ? [x0, x1] : [x1, x0];
  const [ya, yb] = y0 <= y1 ? [y0, y1] : [y1, y0];
  const ids = new Set<string>();
  for (const p of points) {
    if (p.x >= xa && p.x <= xb && p.y >= ya && p.y <= yb) ids.add(p.unitId);
  }
  return [...ids];
}

/** Every unit under each id (itself included), from the org tree's parent links. */
export function withDescendants(
  ids: Iterable<string>,
  children: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const out = new Set<string>();
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  return out;
}
