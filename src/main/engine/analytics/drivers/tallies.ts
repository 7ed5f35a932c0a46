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

/** Tallies by position: unit position p and driver index i at p * drivers + i. */
export interface TallyTable {
  drivers: number;
  answered: Int32Array;
  favourable: Int32Array;
  n: Int32Array;
  /** 1 where the unit has the figure at all. */
  present: Uint8Array;
}

export function tallyAt(table: TallyTable, pos: number, idx: number): DriverTally | undefined {
  const at = pos * table.drivers + idx;
  return table.present[at]
    ? { answered: table.answered[at]!, favourable: table.favourable[at]!, n: table.n[at]! }
    : undefined;
}

/**
 * Every driver's % favourable tallies for each unit asked (its full roll-up in the period), read
 * from the figure statistics that imports keep (derived/employeeFigureStats.ts), where the
 * formula of % favourable is written once. Units and drivers travel as integer positions and the
 * result is read by column into typed arrays: for thousands of units, turning rows into JS
 * objects would cost several times the query.
 */
export async function driverTallyTable(
  conn: DuckDBConnection,
  period: string,
  unitIds: string[],
  drivers: DriverDef[],
  by: DriverKind,
): Promise<TallyTable> {
  const reader = await conn.runAndReadAll(
    `WITH units AS (
       SELECT unnest(from_json($units, '["VARCHAR"]')) AS unit_id,
         generate_subscripts(from_json($units, '["VARCHAR"]'), 1) - 1 AS pos),
     figures AS (
       SELECT unnest(from_json($figures, '["VARCHAR"]')) AS figure,
         generate_subscripts(from_json($figures, '["VARCHAR"]'), 1) - 1 AS idx)
     SELECT (u.pos * $drivers + f.idx)::INTEGER, s.answered::INTEGER, s.favourable::INTEGER,
       s.n::INTEGER
     FROM employee_figure_stats s
     JOIN units u ON u.unit_id = s.unit_id
     JOIN figures f ON f.figure = s.figure
     WHERE s.period = $period AND s.scope = 'rollup' AND s.role = 'all'`,
    {
      period,
      units: JSON.stringify(unitIds),
      figures: JSON.stringify(drivers.map((d) => figureOf(by, d))),
      drivers: drivers.length,
    },
  );
  const [at, answered, favourable, n] = reader.getColumnsJS() as number[][];
  const size = unitIds.length * drivers.length;
  const table: TallyTable = {
    drivers: drivers.length,
    answered: new Int32Array(size),
    favourable: new Int32Array(size),
    n: new Int32Array(size),
    present: new Uint8Array(size),
  };
  for (let row = 0; row < (at?.length ?? 0); row++) {
    const k = at![row]!;
    table.answered[k] = answered![row]!;
    table.favourable[k] = favourable![row]!;
    table.n[k] = n![row]!;
    table.present[k] = 1;
  }
  return table;
}

/** One unit's tallies, driver index -> tally. */
export async function driverTallies(
  conn: DuckDBConnection,
  period: string,
  unitId: string,
  drivers: DriverDef[],
  by: DriverKind,
): Promise<Map<number, DriverTally>> {
  const table = await driverTallyTable(conn, period, [unitId], drivers, by);
  const out = new Map<number, DriverTally>();
  drivers.forEach((_, i) => {
    const tally = tallyAt(table, 0, i);
    if (tally) out.set(i, tally);
  });
  return out;
}
