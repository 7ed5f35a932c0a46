import type { Locator } from 'playwright-core';
import type { LinkagePoint } from '../../src/shared/analytics/linkage';

/** The Linkage chart's data domain and pixel rectangle, as its canvas wrapper exposes them. */
export interface Plot {
  box: { x: number; y: number };
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export async function plotOf(canvas: Locator): Promise<Plot> {
  const box = (await canvas.boundingBox())!;
  const num = async (name: string) => Number(await canvas.getAttribute(`data-${name}`));
  return {
    box: { x: box.x, y: box.y },
    xMin: await num('x-min'),
    xMax: await num('x-max'),
    yMin: await num('y-min'),
    yMax: await num('y-max'),
    left: await num('plot-left'),
    top: await num('plot-top'),
    width: await num('plot-width'),
    height: await num('plot-height'),
  };
}

/** Where a data point is drawn on the page. */
export const toPage = (p: Plot, x: number, y: number) => ({
  x: p.box.x + p.left + ((x - p.xMin) / (p.xMax - p.xMin)) * p.width,
  y: p.box.y + p.top + p.height - ((y - p.yMin) / (p.yMax - p.yMin)) * p.height,
});

/** The data coordinates under a page position. */
export const toData = (p: Plot, px: number, py: number) => ({
  x: p.xMin + ((px - p.box.x - p.left) / p.width) * (p.xMax - p.xMin),
  y: p.yMin + ((p.box.y + p.top + p.height - py) / p.height) * (p.yMax - p.yMin),
});

/** The dot furthest from any other unit's dot, so a click on it is unambiguous; and that gap in px. */
export function loneDot(
  points: LinkagePoint[],
  p: Plot,
): { point: LinkagePoint; at: { x: number; y: number }; gap: number } {
  const at = points.map((pt) => toPage(p, pt.x, pt.y));
  let best = 0;
  let bestGap = -1;
  at.forEach((q, i) => {
    let gap = Infinity;
    at.forEach((o, j) => {
      if (i !== j && points[j]!.unitId !== points[i]!.unitId)
        gap = Math.min(gap, Math.hypot(o.x - q.x, o.y - q.y));
    });
    if (gap > bestGap) {
      bestGap = gap;
      best = i;
    }
  });
  return { point: points[best]!, at: at[best]!, gap: bestGap };
}
