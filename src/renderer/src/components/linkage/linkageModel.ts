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

// The sentence is shared with the exports (a slide leads with the same words as the view).
export {
  customerChange,
  distinctUnits,
  employeeStep,
  FEW_UNITS,
  levelPlural,
  linkSentence,
  whenText,
  type SentenceKind,
} from '../../../../shared/linkSentence';

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
