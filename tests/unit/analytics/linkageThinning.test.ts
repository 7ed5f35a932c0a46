import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LinkagePoint, Quadrant } from '../../../src/shared/analytics/linkage';
import {
  MAX_LISTED,
  MAX_POINTS,
  densityGrid,
  listQuadrant,
  thinPoints,
} from '../../../src/main/engine/analytics/linkage/thinPoints';

const QUADRANTS: Quadrant[] = ['bright_spot', 'customer_only', 'employee_only', 'at_risk'];

function point(i: number, x: number, y: number, outlier = false): LinkagePoint {
  const quadrant: Quadrant =
    x >= 50 ? (y >= 0 ? 'bright_spot' : 'employee_only') : y >= 0 ? 'customer_only' : 'at_risk';
  return {
    unitId: `U${i % 2000}`,
    name: `Unit ${i % 2000}`,
    employeePeriod: `2025-Q${1 + (Math.floor(i / 2000) % 4)}`,
    customerPeriod: '2025-Q4',
    groupId: null,
    groupName: null,
    x,
    y,
    nEmployees: 10,
    nCustomers: 40,
    quadrant,
    outlier,
  };
}

const cloud = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    point(i, (i * 37) % 100, ((i * 53) % 200) - 100, i % 97 === 0),
  );

describe('thinning a pooled scatter', () => {
  it('sends small views whole', () => {
    const points = cloud(MAX_POINTS);
    expect(thinPoints(points)).toBe(points);
  });

  it('sends at most MAX_POINTS, every outlier among them, the same sample every time', () => {
    const points = cloud(9000);
    const shown = thinPoints(points);
    expect(shown).toHaveLength(MAX_POINTS);
    const outliers = points.filter((p) => p.outlier);
    expect(outliers.every((p) => shown.includes(p))).toBe(true);
    expect(
      thinPoints([...points].reverse())
        .map((p) => p.unitId + p.employeePeriod)
        .sort(),
    ).toEqual(shown.map((p) => p.unitId + p.employeePeriod).sort());
  });

  it('spreads the sample over the cloud: each quadrant keeps about its share', () => {
    const points = cloud(12000);
    const shown = thinPoints(points);
    for (const q of QUADRANTS) {
      const all = points.filter((p) => p.quadrant === q).length / points.length;
      const kept = shown.filter((p) => p.quadrant === q).length / shown.length;
      expect(Math.abs(all - kept)).toBeLessThan(0.05);
    }
  });

  it('counts every point exactly once in the density grid', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -100, max: 100, noNaN: true }),
            fc.double({ min: 0, max: 100, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 500,
          },
        ),
        (xy) => {
          const grid = densityGrid(xy.map(([x, y], i) => point(i, x, y)));
          expect(grid.cells.reduce((s, c) => s + c.count, 0)).toBe(xy.length);
          for (const c of grid.cells) expect(c.count).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('names at most MAX_LISTED units per quadrant, the ones furthest into it first', () => {
    const points = cloud(4000);
    const split = () => ({ x: 50, y: 0 });
    for (const q of QUADRANTS) {
      const listed = listQuadrant(points, q, split);
      expect(listed.length).toBe(
        Math.min(MAX_LISTED, points.filter((p) => p.quadrant === q).length),
      );
      const depth = (u: (typeof listed)[number]) => {
        const p = points.find(
          (x) => x.unitId === u.unitId && x.employeePeriod === u.employeePeriod,
        )!;
        expect(p.quadrant).toBe(q);
        return Math.min(Math.abs(p.x - 50) / 28.87, Math.abs(p.y) / 57.74);
      };
      const depths = listed.map(depth);
      for (let i = 1; i < depths.length; i++)
        expect(depths[i]!).toBeLessThanOrEqual(depths[i - 1]! + 0.02);
    }
  });
});
