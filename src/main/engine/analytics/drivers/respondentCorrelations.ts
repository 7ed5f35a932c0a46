import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriverKind, RespondentOutcome } from '../../../../shared/analytics/drivers';
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
 * Pearson r from the sums over n pairs, as corr() gives it: null (corr()'s NaN) when either side
 * has no spread, which min = max tells exactly where rounding in the sums could not.
 */
export function pearsonFromSums(
  n: number,
  sums: { a: number; b: number; aa: number; bb: number; ab: number },
  spread: { a: boolean; b: boolean },
): number | null {
  if (n < 2 || !spread.a || !spread.b) return null;
  const va = n * sums.aa - sums.a * sums.a;
  const vb = n * sums.bb - sums.b * sums.b;
  if (!(va > 0) || !(vb > 0)) return null;
  return (n * sums.ab - sums.a * sums.b) / Math.sqrt(va * vb);
}

/** A driver's variable in driver_pair_stats: 'item:<id>' for an item, the factor for a value. */
const variableOf = (by: DriverKind, driver: DriverDef): string =>
  by === 'item' ? `item:${driver.id}` : driver.factor;

/**
 * The same correlations as respondentCorrelations, from the sums imports keep per unit, period
 * and outcome (derived/driverPairStats.ts): one small read instead of every answer in the scope.
 * `between` is null when the scope keeps no pairs of these drivers (a team's items): the caller
 * computes them with respondentCorrelations if it needs them.
 */
export async function storedRespondentCorrelations(
  conn: DuckDBConnection,
  period: string,
  unitId: string,
  outcome: RespondentOutcome,
  drivers: DriverDef[],
  by: DriverKind,
): Promise<Omit<RespondentCorrelations, 'between'> & { between: (number | null)[][] | null }> {
  const index = new Map(drivers.map((d, i) => [variableOf(by, d), i]));
  const reader = await conn.runAndReadAll(
    `SELECT a, b, n::DOUBLE, sum_a, sum_b, sum_aa, sum_bb, sum_ab, min_a < max_a, min_b < max_b
     FROM driver_pair_stats WHERE period = $period AND unit_id = $unit AND outcome = $outcome`,
    { period, unit: unitId, outcome },
  );
  // With no rows the reader has no chunk, so no columns at all.
  const columns =
    reader.currentRowCount > 0 ? reader.getColumnsJS() : reader.columnNames().map(() => []);
  const [as, bs] = columns as string[][] as [string[], string[]];
  const [ns, sa, sb, saa, sbb, sab] = columns.slice(2, 8) as number[][] as [
    number[],
    number[],
    number[],
    number[],
    number[],
    number[],
  ];
  const [spreadA, spreadB] = columns.slice(8) as boolean[][] as [boolean[], boolean[]];
  const withOutcome = drivers.map(() => ({ r: null as number | null, n: 0 }));
  const between = drivers.map((_, i) =>
    drivers.map((__, j) => (i === j ? 1 : null) as number | null),
  );
  let n = 0;
  let pairs = false;
  for (let row = 0; row < as.length; row++) {
    const a = as[row]!;
    const b = bs[row]!;
    const r = () =>
      pearsonFromSums(
        ns[row]!,
        { a: sa[row]!, b: sb[row]!, aa: saa[row]!, bb: sbb[row]!, ab: sab[row]! },
        { a: spreadA[row]!, b: spreadB[row]! },
      );
    if (a === outcome) {
      if (b === outcome) n = ns[row]!;
      const j = index.get(b);
      if (j !== undefined) withOutcome[j] = { r: r(), n: ns[row]! };
      continue;
    }
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) continue;
    pairs = true;
    between[i]![j] = between[j]![i] = r();
  }
  return { n, withOutcome, between: pairs || drivers.length < 2 ? between : null };
}

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
