import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriverKind } from '../../../../shared/analytics/drivers';
import { queryRows } from '../../db/query';
import type { DriverDef } from './catalogue';

/** Sufficient statistics for a driver's % favourable in one unit's full roll-up. */
export interface DriverTally {
  answered: number;
  favourable: number;
  /** Respondents who answered the item (or at least one of the value's items). */
  n: number;
}

/** A driver's name in employee_figure_stats: 'item:<id>' for an item, the factor for a value. */
const figureOf = (by: DriverKind, driver: DriverDef): string =>
  by === 'item' ? `item:${driver.id}` : driver.factor;

/**
 * Every driver's % favourable tallies for each unit asked (its full roll-up in the period), read
 * from the figure statistics that imports keep (derived/employeeFigureStats.ts), where the
 * formula of % favourable is written once. Returns unit id -> driver index -> tally.
 */
export async function driverTallies(
  conn: DuckDBConnection,
  period: string,
  unitIds: string[],
  drivers: DriverDef[],
  by: DriverKind,
): Promise<Map<string, Map<number, DriverTally>>> {
  const figures = drivers.map((d) => figureOf(by, d));
  const rows = await queryRows<{
    unit_id: string;
    figure: string;
    answered: number;
    favourable: number;
    n: number;
  }>(
    conn,
    `SELECT unit_id, figure, answered, favourable, n FROM employee_figure_stats
     WHERE period = $period AND scope = 'rollup' AND role = 'all'
       AND unit_id IN (SELECT unnest(from_json($units, '["VARCHAR"]')))
       AND figure IN (SELECT unnest(from_json($figures, '["VARCHAR"]')))`,
    { period, units: JSON.stringify(unitIds), figures: JSON.stringify(figures) },
  );
  const index = new Map(figures.map((f, i) => [f, i]));
  const out = new Map<string, Map<number, DriverTally>>(unitIds.map((u) => [u, new Map()]));
  for (const r of rows) {
    out
      .get(r.unit_id)
      ?.set(index.get(r.figure)!, { answered: r.answered, favourable: r.favourable, n: r.n });
  }
  return out;
}
