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
  /** One line, or two when one did not fit. */
  lines: string[];
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** A line from the mark to a label set a little way off; null when the label is beside it. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
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

/** A label split into two lines at the space nearest its middle. */
export function twoLines(text: string): string[] {
  const middle = text.length / 2;
  let best = -1;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  return best < 0 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}

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
      const y0 = bottom ? plot.y1 - pad - lineH * 0.25 : plot.y0 + pad + lineH * 0.8;
      const at = (x: number, y: number) => ({
        x: right ? x - w : x,
        y: y - lineH * 0.85,
        w,
        h: lineH,
      });
      const clear = (b: Box) =>
        !points.some((pt) =>
          overlaps(b, { x: pt.cx - radius, y: pt.cy - radius, w: radius * 2, h: radius * 2 }),
        );
      // In the plot's corner, or slid along its edge towards the split, then a line further in,
      // to keep clear of the marks; the corner itself when nothing is clear.
      const startX = right ? plot.x1 - pad : plot.x0 + pad;
      const stepX = (right ? -0.5 : 0.5) * rem;
      const stepY = (bottom ? -1 : 1) * lineH;
      const s = split!;
      for (let j = 0; j < 4; j += 1) {
        const y = y0 + j * stepY;
        if (bottom ? y - lineH < s.y : y > s.y) break;
        for (let k = 0; k < 80; k += 1) {
          const x = startX + k * stepX;
          const b = at(x, y);
          if (right ? b.x < s.x + pad : b.x + b.w > s.x - pad) break;
          if (clear(b)) return { quadrant, text, x, y, anchor: right ? 'end' : 'start', box: b };
        }
      }
      return {
        quadrant,
        text,
        x: startX,
        y: y0,
        anchor: right ? 'end' : 'start',
        box: at(startX, y0),
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
  const maxChars = data.by === 'item' ? 34 : 40;
  const placed: Box[] = [];
  const pointBoxes = points.map((p) => ({
    id: p.driver.id,
    box: { x: p.cx - radius, y: p.cy - radius, w: radius * 2, h: radius * 2 },
  }));
  const fixed: Box[] = corners.map((c) => c.box);
  const labels: PlacedLabel[] = [];
  const gap = radius * 0.6 + 2;
  /** A leader line may not cross another label or mark (checked at points along it). */
  const leaders: NonNullable<PlacedLabel['leader']>[] = [];
  const cross = (a: NonNullable<PlacedLabel['leader']>, b: NonNullable<PlacedLabel['leader']>) => {
    const side = (x1: number, y1: number, x2: number, y2: number, x: number, y: number) =>
      Math.sign((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1));
    return (
      side(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1) !== side(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2) &&
      side(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1) !== side(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2)
    );
  };
  const leaderBlocked = (l: NonNullable<PlacedLabel['leader']>, own: string) => {
    if (leaders.some((o) => cross(o, l))) return true;
    for (let t = 0.15; t < 1; t += 0.14) {
      const x = l.x1 + (l.x2 - l.x1) * t;
      const y = l.y1 + (l.y2 - l.y1) * t;
      const dot = { x: x - 1, y: y - 1, w: 2, h: 2 };
      if (placed.some((b) => overlaps(b, dot))) return true;
      if (fixed.some((b) => overlaps(b, dot))) return true;
      if (pointBoxes.some((pb) => pb.id !== own && overlaps(pb.box, dot))) return true;
    }
    return false;
  };
  const r = radius;
  /**
   * The first free spot for a label of one or two lines: beside the mark, else off to a side
   * with a leader line. `y` is the first line's baseline; `box` covers every line.
   */
  const placeLabel = (p: PlacedPoint, lines: string[]): PlacedLabel | null => {
    const w = Math.max(...lines.map(measure)) + 4;
    const extra = (lines.length - 1) * lineH;
    const near = r + gap;
    const mid = p.cy + fontPx * 0.35 - extra / 2; // lines centred on the mark
    const above = p.cy - near - extra;
    const below = p.cy + near + fontPx * 0.8;
    const options: Omit<PlacedLabel, 'id' | 'lines' | 'box'>[] = [
      { x: p.cx + near, y: mid, anchor: 'start', leader: null },
      { x: p.cx - near, y: mid, anchor: 'end', leader: null },
      { x: p.cx, y: above, anchor: 'middle', leader: null },
      { x: p.cx, y: below, anchor: 'middle', leader: null },
      { x: p.cx + r * 0.7, y: above + gap * 0.4, anchor: 'start', leader: null },
      { x: p.cx - r * 0.7, y: above + gap * 0.4, anchor: 'end', leader: null },
      { x: p.cx + r * 0.7, y: below - gap * 0.4, anchor: 'start', leader: null },
      { x: p.cx - r * 0.7, y: below - gap * 0.4, anchor: 'end', leader: null },
    ];
    for (const far of [r + gap + 1.2 * rem, r + gap + 2.2 * rem]) {
      for (const k of [0, -1, 1, -2, 2]) {
        for (const side of [1, -1]) {
          const x = p.cx + side * far;
          const y = mid + k * lineH * 1.1;
          options.push({
            x,
            y,
            anchor: side > 0 ? 'start' : 'end',
            leader: {
              x1: p.cx + side * (r + 2),
              y1: p.cy,
              x2: x - side * 3,
              y2: y - fontPx * 0.35 + extra / 2,
            },
          });
        }
      }
    }
    for (const o of options) {
      const x = o.anchor === 'start' ? o.x - 2 : o.anchor === 'end' ? o.x - w + 2 : o.x - w / 2;
      const box = { x, y: o.y - fontPx * 0.95, w, h: lineH + extra };
      if (box.x < plot.x0 || box.x + box.w > plot.x1 || box.y < plot.y0 || box.y + box.h > plot.y1)
        continue;
      if (placed.some((b) => overlaps(b, box))) continue;
      if (fixed.some((b) => overlaps(b, box))) continue;
      if (pointBoxes.some((pb) => pb.id !== p.driver.id && overlaps(pb.box, box))) continue;
      if (o.leader && leaderBlocked(o.leader, p.driver.id)) continue;
      return { id: p.driver.id, lines, ...o, box };
    }
    return null;
  };
  for (const p of labelOrder(points, 5)) {
    if (labels.length >= maxLabels) break;
    const text = data.by === 'item' ? shortLabel(p.driver.label, maxChars) : p.driver.label;
    const found =
      placeLabel(p, [text]) ?? (text.length > 16 ? placeLabel(p, twoLines(text)) : null);
    if (found) {
      placed.push(found.box);
      if (found.leader) leaders.push(found.leader);
      labels.push(found);
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
