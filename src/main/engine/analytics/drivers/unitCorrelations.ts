import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriverKind, UnitOutcome } from '../../../../shared/analytics/drivers';
import { queryRows } from '../../db/query';
import { loadLinkageData, type PeriodPair } from '../linkage/data';
import { pearson } from '../linkage/stats';
import type { DriverDef } from './catalogue';
import { driverPerformance, type DriverFigureVisibility } from './performance';
import type { RespondentCorrelations } from './respondentCorrelations';
import { driverTallies, type DriverTally } from './tallies';

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

/** Pearson r over the units where both sides are shown (null marks a figure not shown). */
function pairedR(a: (number | null)[], b: (number | null)[]): { r: number | null; n: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let u = 0; u < a.length; u++) {
    const x = a[u];
    const y = b[u];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    xs.push(x);
    ys.push(y);
  }
  return { r: pearson(xs, ys), n: xs.length };
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
  const tallies = await driverTallies(
    conn,
    pair.employeePeriod,
    [options.scopeId, ...units.map((u) => u.unitId)],
    drivers,
    options.by,
  );
  const ys = units.map((u) => u.y);
  const xs = drivers.map((driver, idx) =>
    units.map((u) => {
      const shown = driverPerformance(
        tallies.get(u.unitId)?.get(idx),
        options.visibility(driver, u.unitId),
        minSize,
      );
      return shown.status === 'ok' ? shown.value : null;
    }),
  );
  const excluded = new Map<string, number>();
  for (const e of data.exclusions) {
    if (!inScope.has(e.unitId)) continue;
    const reason = e.reason.replace(/ in \d{4}-Q[1-4]$/, '');
    excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  }
  return {
    n: units.length,
    withOutcome: xs.map((x) => pairedR(x, ys)),
    between: xs.map((a, i) => xs.map((b, j) => (i === j ? 1 : pairedR(a, b).r))),
    excluded: [...excluded]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count),
    scopeTallies: tallies.get(options.scopeId),
  };
}
