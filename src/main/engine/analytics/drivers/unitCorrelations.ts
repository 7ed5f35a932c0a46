import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriverKind, UnitOutcome } from '../../../../shared/analytics/drivers';
import { queryRows } from '../../db/query';
import { loadLinkageData, type PeriodPair } from '../linkage/data';
import type { DriverDef } from './catalogue';
import { driverPerformance, type DriverFigureVisibility } from './performance';
import type { RespondentCorrelations } from './respondentCorrelations';
import { driverTallyTable, tallyAt, type DriverTally } from './tallies';

export interface UnitCorrelations extends RespondentCorrelations {
  /** Units at the level inside the scope left out, with why (as the linkage method says it). */
  excluded: { reason: string; count: number }[];
  /** The scope's own tallies, from the same query as the units' (for its performance figures). */
  scopeTallies: Map<number, DriverTally> | undefined;
}

/** Units at `level` inside the scope's full roll-up, in the hierarchy in force for the period. */
async function unitsInScope(
  conn: DuckDBConnection,
  period: string,
  scopeId: string,
): Promise<Set<string>> {
  const rows = await queryRows<{ unit_id: string }>(
    conn,
    `SELECT descendant_id AS unit_id FROM org_closure
     WHERE effective_from = hierarchy_for($period) AND ancestor_id = $unit`,
    { period, unit: scopeId },
  );
  return new Set(rows.map((r) => r.unit_id));
}

/**
 * Pearson r over the units where both sides are shown (NaN marks a figure not shown), computed as
 * linkage/stats.ts pearson() computes it on those units (the same sums in the same order, so the
 * same r to the last bit) without copying them out: for 30 drivers that is 400 pairs.
 */
export function pairedR(
  a: readonly number[],
  b: readonly number[],
): { r: number | null; n: number } {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let u = 0; u < a.length; u++) {
    const x = a[u]!;
    const y = b[u]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    n++;
    sa += x;
    sb += y;
  }
  if (n < 3) return { r: null, n };
  const mx = sa / n;
  const my = sb / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let u = 0; u < a.length; u++) {
    const x = a[u]!;
    const y = b[u]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const dx = x - mx;
    const dy = y - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= 0 || syy <= 0) return { r: null, n };
  return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n };
}

/**
 * Each driver's % favourable per unit in period t against the unit's customer outcome in t+lag,
 * across the units at `level` inside the scope. A unit enters as the linkage method admits it
 * (loadLinkageData: its employee figures visible under the tree rules, at least
 * MIN_CUSTOMER_RESPONSES customer answers), and each driver's figure for it only when that figure
 * is itself shown (its own n over the tree). Only unit figures as shown elsewhere are correlated.
 */
export async function unitCorrelations(
  conn: DuckDBConnection,
  options: {
    pair: PeriodPair;
    scopeId: string;
    level: string;
    outcome: UnitOutcome;
    by: DriverKind;
    drivers: DriverDef[];
    minSize: number;
    visibility: DriverFigureVisibility;
  },
): Promise<UnitCorrelations> {
  const { pair, drivers, minSize } = options;
  const inScope = await unitsInScope(conn, pair.employeePeriod, options.scopeId);
  const data = await loadLinkageData(conn, {
    employeeMetric: 'pct_favourable',
    customerMetric: options.outcome,
    level: options.level,
    groupLevel: null,
    pairs: [pair],
    minSize,
    company: false,
  });
  const units = data.observations.filter((o) => inScope.has(o.unitId));
  const tallies = await driverTallyTable(
    conn,
    pair.employeePeriod,
    [options.scopeId, ...units.map((u) => u.unitId)],
    drivers,
    options.by,
  );
  const ys = units.map((u) => u.y);
  // Unit k is at position k + 1 (the scope is at 0).
  const xs = drivers.map((driver, idx) =>
    units.map((u, k) => {
      const shown = driverPerformance(
        tallyAt(tallies, k + 1, idx),
        options.visibility(driver, u.unitId),
        minSize,
      );
      return shown.status === 'ok' ? shown.value! : NaN;
    }),
  );
  const between = drivers.map((_, i) =>
    drivers.map((__, j) => (i === j ? 1 : null) as number | null),
  );
  for (let i = 0; i < drivers.length; i++) {
    for (let j = i + 1; j < drivers.length; j++) {
      between[i]![j] = between[j]![i] = pairedR(xs[i]!, xs[j]!).r;
    }
  }
  const excluded = new Map<string, number>();
  for (const e of data.exclusions) {
    if (!inScope.has(e.unitId)) continue;
    const reason = e.reason.replace(/ in \d{4}-Q[1-4]$/, '');
    excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  }
  return {
    n: units.length,
    withOutcome: xs.map((x) => pairedR(x, ys)),
    between,
    excluded: [...excluded]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count),
    scopeTallies: new Map(
      drivers.flatMap((_, i) => {
        const tally = tallyAt(tallies, 0, i);
        return tally ? [[i, tally] as const] : [];
      }),
    ),
  };
}
