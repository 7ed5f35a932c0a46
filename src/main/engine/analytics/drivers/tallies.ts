import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../db/query';
import { DRIVER_ITEMS_CTE, driverItemsParam, type DriverDef } from './catalogue';

/** Sufficient statistics for a driver's % favourable in one unit's full roll-up. */
export interface DriverTally {
  answered: number;
  favourable: number;
  /** Respondents who answered the item (or at least one of the value's items). */
  n: number;
}

/**
 * Every driver's % favourable tallies for each unit asked (its full roll-up in the hierarchy in
 * force for the period), in one set-based query: answers counted per team and driver, then summed
 * over each unit's closure (a person belongs to one team in a period, so the respondent counts
 * add up). Favourable is the top two boxes of 1-5 (4-5), as on the drill-down and
 * the heatmap. Returns unit id -> driver index -> tally.
 */
export async function driverTallies(
  conn: DuckDBConnection,
  period: string,
  unitIds: string[],
  drivers: DriverDef[],
): Promise<Map<string, Map<number, DriverTally>>> {
  const rows = await queryRows<{
    unit_id: string;
    idx: number;
    answered: number;
    favourable: number;
    n: number;
  }>(
    conn,
    `WITH ${DRIVER_ITEMS_CTE},
     targets AS (SELECT unnest(from_json($units, '["VARCHAR"]')) AS unit_id),
     members AS (
       SELECT t.unit_id AS target, c.descendant_id AS unit_id
       FROM targets t JOIN org_closure c
         ON c.effective_from = hierarchy_for($period) AND c.ancestor_id = t.unit_id),
     people AS (
       SELECT respondent_id, unit_id FROM respondent_scores
       WHERE period = $period AND unit_id IN (SELECT unit_id FROM members)),
     per_team AS (
       SELECT p.unit_id, d.idx, count(*) AS answered,
         count(*) FILTER (WHERE a.scored >= 4) AS favourable, count(DISTINCT a.respondent_id) AS n
       FROM survey_answers a
       JOIN driver_items d ON d.item = a.item_id
       JOIN people p ON p.respondent_id = a.respondent_id
       WHERE a.period = $period AND a.scored BETWEEN 1 AND 5
       GROUP BY p.unit_id, d.idx)
     SELECT m.target AS unit_id, t.idx, sum(t.answered)::BIGINT AS answered,
       sum(t.favourable)::BIGINT AS favourable, sum(t.n)::BIGINT AS n
     FROM members m JOIN per_team t ON t.unit_id = m.unit_id
     GROUP BY m.target, t.idx`,
    { period, units: JSON.stringify(unitIds), driverItems: driverItemsParam(drivers) },
  );
  const out = new Map<string, Map<number, DriverTally>>(unitIds.map((u) => [u, new Map()]));
  for (const r of rows) {
    out.get(r.unit_id)?.set(r.idx, { answered: r.answered, favourable: r.favourable, n: r.n });
  }
  return out;
}
