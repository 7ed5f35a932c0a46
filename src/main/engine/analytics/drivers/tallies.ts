import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriverKind } from '../../../../shared/analytics/drivers';
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
 * Units and drivers travel as integer positions and the result is read by column: for thousands
 * of units, turning rows into JS objects would cost several times the query.
 */
export async function driverTallies(
  conn: DuckDBConnection,
  period: string,
  unitIds: string[],
  drivers: DriverDef[],
  by: DriverKind,
): Promise<Map<string, Map<number, DriverTally>>> {
  const reader = await conn.runAndReadAll(
    `WITH units AS (
       SELECT unnest(from_json($units, '["VARCHAR"]')) AS unit_id,
         generate_subscripts(from_json($units, '["VARCHAR"]'), 1) - 1 AS pos),
     figures AS (
       SELECT unnest(from_json($figures, '["VARCHAR"]')) AS figure,
         generate_subscripts(from_json($figures, '["VARCHAR"]'), 1) - 1 AS idx)
     SELECT u.pos::INTEGER, f.idx::INTEGER, s.answered::INTEGER, s.favourable::INTEGER, s.n::INTEGER
     FROM employee_figure_stats s
     JOIN units u ON u.unit_id = s.unit_id
     JOIN figures f ON f.figure = s.figure
     WHERE s.period = $period AND s.scope = 'rollup' AND s.role = 'all'`,
    {
      period,
      units: JSON.stringify(unitIds),
      figures: JSON.stringify(drivers.map((d) => figureOf(by, d))),
    },
  );
  const [pos, idx, answered, favourable, n] = reader.getColumnsJS() as number[][];
  const out = new Map<string, Map<number, DriverTally>>(unitIds.map((u) => [u, new Map()]));
  for (let row = 0; row < (pos?.length ?? 0); row++) {
    out.get(unitIds[pos![row]!]!)!.set(idx![row]!, {
      answered: answered![row]!,
      favourable: favourable![row]!,
      n: n![row]!,
    });
  }
  return out;
}
