import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../db/query';
import { CUSTOMER_AGGREGATES, EMPLOYEE_AGGREGATES } from '../../metrics/aggregates';

/**
 * The drill-down's set-based queries. A "scope" is the unit's people down to `maxDepth` levels
 * below it in the hierarchy in force for each period: ROLLUP_DEPTH for the full roll-up, 1 for
 * the direct scope. The metric formulas come from metrics/aggregates.ts, as everywhere else.
 */
export const ROLLUP_DEPTH = 1_000_000;
export const DIRECT_DEPTH = 1;

const periodsCte = `sp AS (SELECT p AS period, hierarchy_for(p) AS eff FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS p))`;
const scopeCte = `${periodsCte},
  scope AS (
    SELECT sp.period, c.descendant_id
    FROM sp JOIN org_closure c ON c.effective_from = sp.eff AND c.ancestor_id = $unit AND c.depth <= $maxDepth)`;

/** Per period, the scope's employee, customer and HR figures. */
export interface ScopeFigures extends Record<string, unknown> {
  period: string;
  respondents: number;
  engagement_index: number | null;
  engagement_n: number;
  pct_favourable: number | null;
  favourable_n: number;
  enps: number | null;
  enps_n: number;
  nps: number | null;
  nps_n: number;
  csat: number | null;
  csat_n: number;
  headcount: number | null;
  leavers: number | null;
  absence_days: number | null;
  recognition_events: number;
}

/** One row per period asked for, whatever data it has. */
export async function scopeFigures(
  conn: DuckDBConnection,
  unitId: string,
  maxDepth: number,
  periods: string[],
): Promise<Map<string, ScopeFigures>> {
  const rows = await queryRows<ScopeFigures>(
    conn,
    `WITH ${scopeCte},
     people AS (
       SELECT s.period,
         ${EMPLOYEE_AGGREGATES}
       FROM scope s JOIN respondent_scores r ON r.period = s.period AND r.unit_id = s.descendant_id
       GROUP BY s.period),
     customers AS (
       SELECT s.period,
         ${CUSTOMER_AGGREGATES}
       FROM scope s
       JOIN unit_mapping m ON m.unit_id = s.descendant_id
       JOIN customer_code_stats f ON f.cx_code = m.cx_code AND f.period = s.period
       GROUP BY s.period),
     hr AS (
       SELECT s.period, sum(h.headcount) AS headcount, sum(h.leavers) AS leavers,
         sum(h.absence_days) AS absence_days
       FROM scope s JOIN hr_metrics h ON h.period = s.period AND h.unit_id = s.descendant_id
       GROUP BY s.period),
     rec AS (
       SELECT s.period, count(*) AS recognition_events
       FROM scope s JOIN recognition_events e ON e.period = s.period AND e.unit_id = s.descendant_id
       GROUP BY s.period)
     SELECT sp.period,
       coalesce(p.respondents, 0) AS respondents, p.engagement_index,
       coalesce(p.engagement_n, 0) AS engagement_n, p.pct_favourable,
       coalesce(p.favourable_n, 0) AS favourable_n, p.enps, coalesce(p.enps_n, 0) AS enps_n,
       c.nps, coalesce(c.nps_n, 0) AS nps_n, c.csat, coalesce(c.csat_n, 0) AS csat_n,
       h.headcount, h.leavers, h.absence_days, coalesce(e.recognition_events, 0) AS recognition_events
     FROM sp
     LEFT JOIN people p ON p.period = sp.period
     LEFT JOIN customers c ON c.period = sp.period
     LEFT JOIN hr h ON h.period = sp.period
     LEFT JOIN rec e ON e.period = sp.period`,
    { unit: unitId, maxDepth, periods: JSON.stringify(periods) },
  );
  return new Map(rows.map((r) => [r.period, r]));
}

export interface ScopePart extends Record<string, unknown> {
  period: string;
  unit_id: string;
  depth: number;
  /** Respondents attached to this unit itself. */
  attached: number;
  /** Respondents in this unit's full roll-up. */
  rollup: number;
  /** The roll-up's engagement index (mean of respondents' 0-100 scores) and its n. */
  engagement_index: number | null;
  engagement_n: number;
}

/**
 * Per period, the unit itself (depth 0) and the units reporting directly to it (depth 1), with
 * their attached and roll-up respondent counts and roll-up engagement index (the formula of
 * employeeRollups in metrics/rollups.ts, restated so the children come from this one query). A period without a depth-0 row is one whose
 * hierarchy does not contain the unit.
 */
export async function scopeParts(
  conn: DuckDBConnection,
  unitId: string,
  periods: string[],
): Promise<ScopePart[]> {
  return queryRows<ScopePart>(
    conn,
    `WITH ${periodsCte},
     parts AS (
       SELECT sp.period, sp.eff, c.descendant_id AS unit_id, c.depth
       FROM sp JOIN org_closure c ON c.effective_from = sp.eff AND c.ancestor_id = $unit AND c.depth <= 1),
     own AS (
       SELECT period, unit_id, count(*) AS n, sum(engagement_0_100) AS e_sum, count(engagement_0_100) AS e_n
       FROM respondent_scores WHERE period IN (SELECT period FROM sp) GROUP BY period, unit_id),
     rolled AS (
       SELECT p.period, p.unit_id, sum(o.n) AS n, sum(o.e_sum) AS e_sum, sum(o.e_n) AS e_n
       FROM parts p
       JOIN org_closure c ON c.effective_from = p.eff AND c.ancestor_id = p.unit_id
       JOIN own o ON o.period = p.period AND o.unit_id = c.descendant_id
       GROUP BY p.period, p.unit_id)
     SELECT p.period, p.unit_id, p.depth,
       coalesce(o.n, 0)::INTEGER AS attached, coalesce(r.n, 0)::INTEGER AS rollup,
       r.e_sum / nullif(r.e_n, 0) AS engagement_index, coalesce(r.e_n, 0)::INTEGER AS engagement_n
     FROM parts p
     LEFT JOIN own o ON o.period = p.period AND o.unit_id = p.unit_id
     LEFT JOIN rolled r ON r.period = p.period AND r.unit_id = p.unit_id
     ORDER BY p.period, p.depth, p.unit_id`,
    { unit: unitId, periods: JSON.stringify(periods) },
  );
}

export interface GroupSpec {
  key: string;
  unit: string;
  maxDepth: number;
}

export interface ValueTally extends Record<string, unknown> {
  key: string;
  factor: string;
  answered: number;
  favourable: number;
  /** Respondents who answered at least one of the value's items. */
  n: number;
}

/** The catalogue's 1-5 items, one row per item id (the latest source wins). */
const itemsCte = `items AS (
    SELECT item_id, item_text, factor FROM survey_items
    WHERE scale_min = 1 AND scale_max = 5
    QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY source_id DESC) = 1)`;

/** The closure rows (group key, team) of each group, in the hierarchy snapshot $eff. */
const membersCte = `sp AS (SELECT CAST($eff AS DATE) AS eff),
  g AS (SELECT unnest(from_json($groups, '[{"key":"VARCHAR","unit":"VARCHAR","maxDepth":"INTEGER"}]'), recursive := true)),
  members AS (
    SELECT g.key, c.descendant_id AS unit_id
    FROM g CROSS JOIN sp
    JOIN org_closure c ON c.effective_from = sp.eff AND c.ancestor_id = g.unit AND c.depth <= g.maxDepth)`;

/**
 * % favourable tallies per group and company value ('value:<Name>' factors) in one period.
 * Answers are tallied per person and value, then per team, then summed per group (a person
 * belongs to one team in a period, so the per-team respondent counts add up).
 */
export async function valueTallies(
  conn: DuckDBConnection,
  groups: GroupSpec[],
  period: string,
  /** The effective_from of the hierarchy in force for the period (hierarchyFor). */
  eff: string,
): Promise<ValueTally[]> {
  return queryRows<ValueTally>(
    conn,
    `WITH ${itemsCte}, ${membersCte},
     per_person AS (
       SELECT a.respondent_id, i.factor, count(*) AS answered,
         count(*) FILTER (WHERE a.scored >= 4) AS favourable
       FROM survey_answers a JOIN items i ON i.item_id = a.item_id
       WHERE a.period = $period AND i.factor LIKE 'value:%'
       GROUP BY a.respondent_id, i.factor),
     per_unit AS (
       SELECT r.unit_id, p.factor, sum(p.answered) AS answered, sum(p.favourable) AS favourable,
         count(*) AS n
       FROM per_person p JOIN respondent_scores r ON r.period = $period AND r.respondent_id = p.respondent_id
       GROUP BY r.unit_id, p.factor)
     SELECT m.key, u.factor, sum(u.answered)::BIGINT AS answered,
       sum(u.favourable)::BIGINT AS favourable, sum(u.n)::BIGINT AS n
     FROM members m JOIN per_unit u ON u.unit_id = m.unit_id
     GROUP BY m.key, u.factor`,
    { groups: JSON.stringify(groups), period, eff },
  );
}

/** The company values in the catalogue, by factor, sorted by name. */
export async function valueFactors(conn: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ factor: string }>(
    conn,
    `SELECT DISTINCT factor FROM survey_items WHERE factor LIKE 'value:%' AND scale_min = 1 AND scale_max = 5 ORDER BY factor`,
  );
  return rows.map((r) => r.factor);
}

export interface ItemTally extends Record<string, unknown> {
  item_id: string;
  item_text: string;
  factor: string;
  answered: number;
  favourable: number;
}

/** Every 1-5 item's answered and favourable counts for one group in one period. */
export async function itemTallies(
  conn: DuckDBConnection,
  group: GroupSpec,
  period: string,
  eff: string,
): Promise<ItemTally[]> {
  return queryRows<ItemTally>(
    conn,
    `WITH ${itemsCte}, ${membersCte}
     SELECT i.item_id, i.item_text, i.factor, count(*) AS answered,
       count(*) FILTER (WHERE a.scored >= 4) AS favourable
     FROM members m
     JOIN respondent_scores r ON r.period = $period AND r.unit_id = m.unit_id
     JOIN survey_answers a ON a.period = $period AND a.respondent_id = r.respondent_id
     JOIN items i ON i.item_id = a.item_id
     GROUP BY i.item_id, i.item_text, i.factor`,
    { groups: JSON.stringify([group]), period, eff },
  );
}
