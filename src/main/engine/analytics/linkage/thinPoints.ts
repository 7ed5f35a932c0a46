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

/** A stable pseudo-random rank for a point (FNV-1a of its unit and quarter). */
function rank(p: LinkagePoint): number {
  let h = 2166136261;
  const key = `${p.unitId}|${p.employeePeriod}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function thinPoints(points: LinkagePoint[]): LinkagePoint[] {
  if (points.length <= MAX_POINTS) return points;
  const outliers = points.reduce((n, p) => n + (p.outlier ? 1 : 0), 0);
  const room = Math.max(0, MAX_POINTS - outliers);
  // The non-outliers with the `room` smallest ranks: a native sort of the ranks finds the cut.
  const ranks = Uint32Array.from(points, (p) => (p.outlier ? 0 : rank(p)));
  const others = Uint32Array.from(ranks.filter((_, i) => !points[i]!.outlier)).sort();
  const cut = room > 0 ? others[room - 1]! : -1;
  let taken = 0;
  return points.filter((p, i) => {
    if (p.outlier) return true;
    if (ranks[i]! > cut || taken >= room) return false;
    taken++;
    return true;
  });
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
  spread: { sx: number; sy: number } = spreadOf(points),
): { unitId: string; name: string; employeePeriod: string }[] {
  const depth = (p: LinkagePoint) => {
    const s = split(p);
    return Math.min(Math.abs(p.x - s.x) / spread.sx, Math.abs(p.y - s.y) / spread.sy);
  };
  return points
    .filter((p) => p.quadrant === quadrant)
    .map((p) => ({ p, d: depth(p) }))
    .sort((a, b) => b.d - a.d || a.p.name.localeCompare(b.p.name))
    .slice(0, MAX_LISTED)
    .map(({ p }) => ({ unitId: p.unitId, name: p.name, employeePeriod: p.employeePeriod }));
}

/** The standard deviation of the points' x and y (1 when there is no spread). */
export function spreadOf(points: LinkagePoint[]): { sx: number; sy: number } {
  const sd = (values: number[]) => {
    const m = values.reduce((a, v) => a + v, 0) / values.length;
    return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / values.length) || 1;
  };
  return { sx: sd(points.map((p) => p.x)), sy: sd(points.map((p) => p.y)) };
}
