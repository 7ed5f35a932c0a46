import type { LinkageOutput, LinkagePoint, Quadrant } from '../../../../shared/analytics/linkage';

/**
 * Keeping a scatter drawable and its answer small: a pooled team-level view can hold tens of
 * thousands of unit-quarter points, far more than a chart can draw (SVG slows past a few
 * thousand marks) or a room can read. Statistics are always computed on every point; what is
 * sent is every outlier plus an evenly spread, repeatable sample, and a density grid of all.
 */
export const MAX_POINTS = 2000;
/** Units listed by name per quadrant: the ones furthest into it. */
export const MAX_LISTED = 50;
const GRID = 24;

/** A stable pseudo-random rank for a point, so the same request sends the same sample. */
function rank(p: LinkagePoint): number {
  let h = 2166136261;
  for (const ch of `${p.unitId}|${p.employeePeriod}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

export function thinPoints(points: LinkagePoint[]): LinkagePoint[] {
  if (points.length <= MAX_POINTS) return points;
  const outliers = points.filter((p) => p.outlier);
  const rest = points
    .filter((p) => !p.outlier)
    .map((p) => ({ p, r: rank(p) }))
    .sort((a, b) => a.r - b.r)
    .slice(0, Math.max(0, MAX_POINTS - outliers.length))
    .map((x) => x.p);
  const kept = new Set([...outliers, ...rest]);
  return points.filter((p) => kept.has(p));
}

/** Counts of all points on a GRID x GRID lattice over their range (only non-empty cells). */
export function densityGrid(points: LinkagePoint[]): NonNullable<LinkageOutput['density']> {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const dx = (x1 - x0) / GRID || 1;
  const dy = (y1 - y0) / GRID || 1;
  const cells = new Map<number, number>();
  for (const p of points) {
    const i = Math.min(GRID - 1, Math.floor((p.x - x0) / dx));
    const j = Math.min(GRID - 1, Math.floor((p.y - y0) / dy));
    cells.set(i * GRID + j, (cells.get(i * GRID + j) ?? 0) + 1);
  }
  return {
    xStep: dx,
    yStep: dy,
    cells: [...cells].map(([k, count]) => ({
      x: x0 + Math.floor(k / GRID) * dx,
      y: y0 + (k % GRID) * dy,
      count,
    })),
  };
}

/**
 * The units named per quadrant: at most MAX_LISTED, furthest into the quadrant first (by the
 * smaller of the two distances from the split, in each axis's spread), so the room sees the
 * clearest bright spots and the clearest risks rather than the ones nearest the lines.
 */
export function listQuadrant(
  points: LinkagePoint[],
  quadrant: Quadrant,
  split: (p: LinkagePoint) => { x: number; y: number },
): { unitId: string; name: string; employeePeriod: string }[] {
  const sd = (values: number[]) => {
    const m = values.reduce((a, v) => a + v, 0) / values.length;
    return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / values.length) || 1;
  };
  const sx = sd(points.map((p) => p.x));
  const sy = sd(points.map((p) => p.y));
  const depth = (p: LinkagePoint) => {
    const s = split(p);
    return Math.min(Math.abs(p.x - s.x) / sx, Math.abs(p.y - s.y) / sy);
  };
  return points
    .filter((p) => p.quadrant === quadrant)
    .map((p) => ({ p, d: depth(p) }))
    .sort((a, b) => b.d - a.d || a.p.name.localeCompare(b.p.name))
    .slice(0, MAX_LISTED)
    .map(({ p }) => ({ unitId: p.unitId, name: p.name, employeePeriod: p.employeePeriod }));
}
