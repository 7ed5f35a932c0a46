import type { Driver, DriverQuadrant, DriversOutput } from '../../../../shared/analytics/drivers';
import { niceScale, QUADRANT_TITLES, shortLabel } from './format';

/**
 * Where everything on the quadrant chart goes, worked out once per answer and size (pure, no DOM):
 * scales, the points, the quadrant names in the plot's corners and the labels, placed greedily
 * so none overlaps another label, a point or a quadrant name. Points that get no label are
 * named on hover and keyboard focus (and in the table).
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedPoint {
  driver: Driver;
  cx: number;
  cy: number;
  /** Interval ends on the y scale. */
  yLow: number;
  yHigh: number;
  quadrant: DriverQuadrant | null;
}

export interface PlacedLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { x0: number; x1: number; y0: number; y1: number };
  x: { ticks: { v: number; px: number }[]; title: string };
  y: { ticks: { v: number; px: number }[]; title: string; zero: number | null };
  split: { x: number; y: number } | null;
  points: PlacedPoint[];
  labels: PlacedLabel[];
  corners: {
    quadrant: DriverQuadrant;
    text: string;
    x: number;
    y: number;
    anchor: 'start' | 'end';
    box: Box;
  }[];
  radius: number;
  fontPx: number;
}

export type Measure = (text: string) => number;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Drivers the chart can draw: both an r and a % favourable. */
export function plottable(drivers: Driver[]): Driver[] {
  return drivers.filter(
    (d) =>
      d.importance.status === 'ok' &&
      d.importance.r !== null &&
      d.performance.status === 'ok' &&
      d.performance.value !== null,
  );
}

/**
 * The order labels are offered space in: the strongest first, then the priorities (the action),
 * then the rest by importance.
 */
function labelOrder(points: PlacedPoint[], top: number): PlacedPoint[] {
  const byR = [...points].sort((a, b) => b.driver.importance.r! - a.driver.importance.r!);
  const first = byR.slice(0, top);
  const priorities = byR.filter((p) => p.quadrant === 'priority' && !first.includes(p));
  const rest = byR.filter((p) => !first.includes(p) && !priorities.includes(p));
  return [...first, ...priorities, ...rest];
}

export function layoutChart(
  data: DriversOutput,
  outcomeLabel: string,
  width: number,
  height: number,
  rem: number,
  measure: Measure,
): ChartLayout {
  const fontPx = 0.8 * rem;
  const lineH = fontPx * 1.25;
  const radius = Math.max(6, 0.42 * rem);
  const drivers = plottable(data.drivers);
  const plot = {
    x0: Math.round(3.6 * rem),
    x1: Math.round(width - 0.8 * rem),
    y0: Math.round(0.5 * rem),
    y1: Math.round(height - 2.6 * rem),
  };
  const xs = niceScale(
    drivers.map((d) => d.performance.value!),
    [5, 10, 20, 25],
    [0, 100],
    7,
  );
  const ys = niceScale(
    drivers.flatMap((d) => [d.importance.r!]),
    [0.05, 0.1, 0.2, 0.25],
    [-1, 1],
    6,
  );
  const sx = (v: number) =>
    plot.x0 + ((v - xs.domain[0]) / (xs.domain[1] - xs.domain[0])) * (plot.x1 - plot.x0);
  const sy = (v: number) =>
    plot.y1 - ((v - ys.domain[0]) / (ys.domain[1] - ys.domain[0])) * (plot.y1 - plot.y0);
  const clampY = (v: number) => Math.min(plot.y1, Math.max(plot.y0, sy(v)));

  const points: PlacedPoint[] = drivers.map((d) => ({
    driver: d,
    cx: sx(d.performance.value!),
    cy: sy(d.importance.r!),
    yLow: d.importance.ciLow === null ? sy(d.importance.r!) : clampY(d.importance.ciLow),
    yHigh: d.importance.ciHigh === null ? sy(d.importance.r!) : clampY(d.importance.ciHigh),
    quadrant: d.quadrant,
  }));

  const q = data.quadrants;
  const split =
    q.importanceSplit !== null && q.performanceSplit !== null
      ? { x: sx(q.performanceSplit), y: sy(q.importanceSplit) }
      : null;

  const pad = 0.35 * rem;
  const corners: ChartLayout['corners'] = [];
  if (split) {
    const corner = (
      quadrant: DriverQuadrant,
      right: boolean,
      bottom: boolean,
    ): ChartLayout['corners'][number] => {
      const text = QUADRANT_TITLES[quadrant];
      const w = measure(text) + fontPx * 1.4; // the shape before the words
      const x = right ? plot.x1 - pad : plot.x0 + pad;
      const y = bottom ? plot.y1 - pad - lineH * 0.25 : plot.y0 + pad + lineH * 0.8;
      return {
        quadrant,
        text,
        x,
        y,
        anchor: right ? 'end' : 'start',
        box: { x: right ? x - w : x, y: y - lineH * 0.85, w, h: lineH },
      };
    };
    corners.push(
      corner('priority', false, false),
      corner('key_strength', true, false),
      corner('low_priority', false, true),
      corner('secondary_strength', true, true),
    );
  }

  // Labels: at most a dozen on a chart of many items (the rest on hover and in the table).
  const maxLabels =
    points.length <= 12 ? points.length : Math.min(12, Math.max(6, Math.floor(width / 90)));
  const maxChars = data.by === 'item' ? 30 : 40;
  const placed: Box[] = [];
  const pointBoxes = points.map((p) => ({
    id: p.driver.id,
    box: { x: p.cx - radius, y: p.cy - radius, w: radius * 2, h: radius * 2 },
  }));
  const fixed: Box[] = corners.map((c) => c.box);
  const labels: PlacedLabel[] = [];
  const gap = radius * 0.6 + 2;
  for (const p of labelOrder(points, 5)) {
    if (labels.length >= maxLabels) break;
    const text = data.by === 'item' ? shortLabel(p.driver.label, maxChars) : p.driver.label;
    const w = measure(text) + 4;
    const h = lineH;
    const r = radius;
    // Baseline positions: right, left, above, below, then the diagonals.
    const options: { x: number; y: number; anchor: PlacedLabel['anchor'] }[] = [
      { x: p.cx + r + gap, y: p.cy + fontPx * 0.35, anchor: 'start' },
      { x: p.cx - r - gap, y: p.cy + fontPx * 0.35, anchor: 'end' },
      { x: p.cx, y: p.cy - r - gap, anchor: 'middle' },
      { x: p.cx, y: p.cy + r + gap + fontPx * 0.8, anchor: 'middle' },
      { x: p.cx + r * 0.7, y: p.cy - r - gap * 0.6, anchor: 'start' },
      { x: p.cx - r * 0.7, y: p.cy - r - gap * 0.6, anchor: 'end' },
      { x: p.cx + r * 0.7, y: p.cy + r + gap * 0.6 + fontPx * 0.8, anchor: 'start' },
      { x: p.cx - r * 0.7, y: p.cy + r + gap * 0.6 + fontPx * 0.8, anchor: 'end' },
    ];
    for (const o of options) {
      const x = o.anchor === 'start' ? o.x - 2 : o.anchor === 'end' ? o.x - w + 2 : o.x - w / 2;
      const box = { x, y: o.y - fontPx * 0.95, w, h };
      if (box.x < plot.x0 || box.x + box.w > plot.x1 || box.y < plot.y0 || box.y + box.h > plot.y1)
        continue;
      if (placed.some((b) => overlaps(b, box))) continue;
      if (fixed.some((b) => overlaps(b, box))) continue;
      if (pointBoxes.some((pb) => pb.id !== p.driver.id && overlaps(pb.box, box))) continue;
      placed.push(box);
      labels.push({ id: p.driver.id, text, x: o.x, y: o.y, anchor: o.anchor, box });
      break;
    }
  }

  return {
    width,
    height,
    plot,
    x: {
      ticks: xs.ticks.map((v) => ({ v, px: sx(v) })),
      title: 'Performance: % favourable',
    },
    y: {
      ticks: ys.ticks.map((v) => ({ v, px: sy(v) })),
      title: `Importance: r with ${outcomeLabel}`,
      zero: ys.domain[0] < 0 && ys.domain[1] > 0 ? sy(0) : null,
    },
    split,
    points,
    labels,
    corners,
    radius,
    fontPx,
  };
}

/** The shape of each quadrant's marks (shape as well as colour), as an SVG path around (cx, cy). */
export function shapePath(q: DriverQuadrant | null, cx: number, cy: number, r: number): string {
  switch (q) {
    case 'priority': {
      const s = r * 1.25;
      return `M${cx},${cy - s}L${cx + s * 0.95},${cy + s * 0.7}L${cx - s * 0.95},${cy + s * 0.7}Z`;
    }
    case 'secondary_strength': {
      const s = r * 0.85;
      return `M${cx - s},${cy - s}H${cx + s}V${cy + s}H${cx - s}Z`;
    }
    case 'low_priority': {
      const s = r * 1.15;
      return `M${cx},${cy - s}L${cx + s},${cy}L${cx},${cy + s}L${cx - s},${cy}Z`;
    }
    default:
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${r * 2},0a${r},${r} 0 1,0 ${-r * 2},0Z`;
  }
}
