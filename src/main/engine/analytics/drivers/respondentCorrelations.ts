import type { DuckDBConnection } from '@duckdb/node-api';
import type { RespondentOutcome } from '../../../../shared/analytics/drivers';
import { queryRows } from '../../db/query';
import type { DriverDef } from './catalogue';

/** Each respondent's outcome, by outcome id: a column of respondent_scores. */
const OUTCOME_COLUMN: Record<RespondentOutcome, string> = {
  enps: 'enps_score',
  engagement_index: 'engagement_0_100',
};

/** The (item, driver index) pairs the answers are joined on, as a JSON parameter. */
function driverItemsParam(drivers: DriverDef[]): string {
  return JSON.stringify(drivers.flatMap((d, idx) => d.itemIds.map((item) => ({ item, idx }))));
}

/** The SQL that unpacks driverItemsParam as `driver_items(item, idx)`. */
const DRIVER_ITEMS_CTE = `driver_items AS (
    SELECT unnest(from_json($driverItems, '[{"item":"VARCHAR","idx":"INTEGER"}]'), recursive := true))`;

/** Aggregates only: nothing here describes one person. */
export interface RespondentCorrelations {
  /** Respondents in the scope who answered the outcome. */
  n: number;
  /** Per driver: r with the outcome (null without spread) and the respondents behind it. */
  withOutcome: { r: number | null; n: number }[];
  /** Pairwise r between drivers (null without spread), [i][j], over the same respondents. */
  between: (number | null)[][];
}

const finite = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/**
 * Pearson r between each driver and the outcome across the respondents of the scope (its full
 * roll-up in the hierarchy in force for the period) who answered the outcome, and between every
 * pair of drivers (for relative weights), all computed inside DuckDB with corr(): only these
 * aggregates leave the query. A driver's score is the respondent's answer (reverse-coded items
 * flipped); for a value, the mean of the value's items they answered. Pairwise deletion: each r
 * uses the respondents who answered both sides.
 */
export async function respondentCorrelations(
  conn: DuckDBConnection,
  period: string,
  unitId: string,
  outcome: RespondentOutcome,
  drivers: DriverDef[],
): Promise<RespondentCorrelations> {
  // A driver asked by one item has one answer per person: no mean, so no grouping (the costly step).
  const oneItemEach = drivers.every((d) => d.itemIds.length === 1);
  const rows = await queryRows<{ i: number | null; j: number | null; r: number | null; n: number }>(
    conn,
    `WITH ${DRIVER_ITEMS_CTE},
     scope AS (
       SELECT descendant_id AS unit_id FROM org_closure
       WHERE effective_from = hierarchy_for($period) AND ancestor_id = $unit),
     people AS (
       SELECT r.respondent_id, row_number() OVER () AS person, r.${OUTCOME_COLUMN[outcome]} AS y
       FROM respondent_scores r JOIN scope s ON s.unit_id = r.unit_id
       WHERE r.period = $period AND r.${OUTCOME_COLUMN[outcome]} IS NOT NULL),
     scores AS MATERIALIZED (
       SELECT p.person, d.idx, ${oneItemEach ? 'a.scored::DOUBLE AS x, p.y' : 'avg(a.scored) AS x, any_value(p.y) AS y'}
       FROM survey_answers a
       JOIN driver_items d ON d.item = a.item_id
       JOIN people p ON p.respondent_id = a.respondent_id
       WHERE a.period = $period AND a.scored BETWEEN 1 AND 5
       ${oneItemEach ? '' : 'GROUP BY p.person, d.idx'})
     SELECT NULL::INTEGER AS i, NULL::INTEGER AS j, NULL::DOUBLE AS r, count(*) AS n FROM people
     UNION ALL
     SELECT idx, NULL, corr(x, y), count(*) FROM scores GROUP BY idx
     UNION ALL
     SELECT a.idx, b.idx, corr(a.x, b.x), count(*)
     FROM scores a JOIN scores b ON b.person = a.person AND b.idx > a.idx
     GROUP BY a.idx, b.idx`,
    { period, unit: unitId, driverItems: driverItemsParam(drivers) },
  );
  const k = drivers.length;
  const withOutcome = drivers.map(() => ({ r: null as number | null, n: 0 }));
  const between = drivers.map((_, i) =>
    drivers.map((__, j) => (i === j ? 1 : null) as number | null),
  );
  let n = 0;
  for (const row of rows) {
    if (row.i === null) n = row.n;
    else if (row.j === null) withOutcome[row.i] = { r: finite(row.r), n: row.n };
    else if (row.i < k && row.j < k) {
      between[row.i]![row.j] = finite(row.r);
      between[row.j]![row.i] = finite(row.r);
    }
  }
  return { n, withOutcome, between };
}
