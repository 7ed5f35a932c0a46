import { DRIVER_QUADRANTS, type DriverQuadrant } from '../../../../shared/analytics/drivers';

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface QuadrantSplit {
  quadrants: (DriverQuadrant | null)[];
  importanceSplit: number | null;
  performanceSplit: number | null;
  counts: Record<DriverQuadrant, number>;
}

/**
 * Importance x performance, each split at its median over the drivers that have both (a driver
 * on the median counts as above it). Fewer than two such drivers: no split, no quadrants.
 */
export function splitQuadrants(
  points: readonly { importance: number | null; performance: number | null }[],
): QuadrantSplit {
  const both = points.filter((p) => p.importance !== null && p.performance !== null);
  const counts = Object.fromEntries(DRIVER_QUADRANTS.map((q) => [q, 0])) as Record<
    DriverQuadrant,
    number
  >;
  if (both.length < 2) {
    return {
      quadrants: points.map(() => null),
      importanceSplit: null,
      performanceSplit: null,
      counts,
    };
  }
  const importanceSplit = median(both.map((p) => p.importance!))!;
  const performanceSplit = median(both.map((p) => p.performance!))!;
  const quadrants = points.map((p): DriverQuadrant | null => {
    if (p.importance === null || p.performance === null) return null;
    const important = p.importance >= importanceSplit;
    const strong = p.performance >= performanceSplit;
    const q: DriverQuadrant = important
      ? strong
        ? 'key_strength'
        : 'priority'
      : strong
        ? 'secondary_strength'
        : 'low_priority';
    counts[q] += 1;
    return q;
  });
  return { quadrants, importanceSplit, performanceSplit, counts };
}
