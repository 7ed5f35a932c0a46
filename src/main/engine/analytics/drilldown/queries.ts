import type { DuckDBConnection } from '@duckdb/node-api';
import { memo } from '../../workspace/cache';
import { queryRows } from '../../db/query';
import { preaggregatedCubeSql } from '../../derived/preaggregatedStats';
import { EMPLOYEE_FIGURES_FROM_STATS } from '../../metrics/aggregates';
import { METRIC_SQL } from '../../metrics/registrySql';

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

/**
 * The employee_figure_stats rows (aliased `s`, role 'all') that sum to a group's figures: the
 * unit's stored roll-up, or for a shallower scope the people attached to each unit in it.
 */
function groupStats(unit: string, maxDepth: number): string {
  if (maxDepth >= ROLLUP_DEPTH) {
    return `employee_figure_stats s WHERE s.scope = 'rollup' AND s.role = 'all' AND s.unit_id = ${unit}
       AND s.period IN (SELECT period FROM sp)`;
  }
  return `scope sc JOIN employee_figure_stats s ON s.period = sc.period AND s.unit_id = sc.descendant_id
       WHERE s.scope = 'own' AND s.role = 'all'`;
}

/** A full roll-up's figures per period, as stored in unit_period_stats. */
async function rollupFigures(
  conn: DuckDBConnection,
  unitId: string,
  periods: string[],
): Promise<Map<string, ScopeFigures>> {
  const rows = await queryRows<ScopeFigures>(
    conn,
    `SELECT p.period,
       coalesce(u.respondents, 0) AS respondents,
       ${METRIC_SQL.engagement_index.value} AS engagement_index,
       coalesce(${METRIC_SQL.engagement_index.n}, 0) AS engagement_n,
       ${METRIC_SQL.pct_favourable.value} AS pct_favourable,
       coalesce(${METRIC_SQL.pct_favourable.n}, 0) AS favourable_n,
       ${METRIC_SQL.enps.value} AS enps, coalesce(${METRIC_SQL.enps.n}, 0) AS enps_n,
       ${METRIC_SQL.nps.value} AS nps, coalesce(${METRIC_SQL.nps.n}, 0) AS nps_n,
       ${METRIC_SQL.csat.value} AS csat, coalesce(${METRIC_SQL.csat.n}, 0) AS csat_n,
       u.headcount, u.leavers, u.absence_days, coalesce(u.recognition_events, 0) AS recognition_events
     FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS period) p
     LEFT JOIN unit_period_stats u ON u.period = p.period AND u.unit_id = $unit`,
    { unit: unitId, periods: JSON.stringify(periods) },
  );
  return new Map(rows.map((r) => [r.period, r]));
}

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
  if (maxDepth >= ROLLUP_DEPTH) return rollupFigures(conn, unitId, periods);
  const rows = await queryRows<ScopeFigures>(
    conn,
    `WITH ${scopeCte},
     people AS (
       SELECT s.period, ${EMPLOYEE_FIGURES_FROM_STATS}
       FROM ${groupStats('$unit', maxDepth)}
       GROUP BY s.period),
     customers AS (
       SELECT s.period, sum(f.nps_n) AS nps_n, sum(f.promoters) - sum(f.detractors) AS nps_net,
         sum(f.csat_n) AS csat_n, sum(f.csat_favourable) AS csat_favourable
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
       GROUP BY s.period),
     given AS (${preaggregatedCubeSql('(SELECT period, $unit AS ancestor_id, descendant_id FROM scope)')}),
     -- The scope's sums as unit_period_stats keeps a roll-up's: raw data and given figures added.
     u AS (
       SELECT sp.period,
         coalesce(c.nps_n, 0) + coalesce(g.nps_n, 0) AS nps_n,
         coalesce(c.nps_net, 0) + coalesce(g.nps_net, 0) AS nps_net,
         coalesce(c.csat_n, 0) + coalesce(g.csat_n, 0) AS csat_n,
         coalesce(c.csat_favourable, 0) + coalesce(g.csat_favourable, 0) AS csat_favourable,
         ${['headcount', 'leavers', 'absence_days']
           .map(
             (col) =>
               `CASE WHEN h.${col} IS NULL AND g.${col} IS NULL THEN NULL
                  ELSE coalesce(h.${col}, 0) + coalesce(g.${col}, 0) END AS ${col}`,
           )
           .join(', ')},
         coalesce(e.recognition_events, 0) + coalesce(g.recognition_events, 0) AS recognition_events
       FROM sp
       LEFT JOIN customers c ON c.period = sp.period
       LEFT JOIN hr h ON h.period = sp.period
       LEFT JOIN rec e ON e.period = sp.period
       LEFT JOIN given g ON g.period = sp.period)
     SELECT sp.period,
       coalesce(p.respondents, 0) AS respondents, p.engagement_index,
       coalesce(p.engagement_n, 0) AS engagement_n, p.pct_favourable,
       coalesce(p.favourable_n, 0) AS favourable_n, p.enps, coalesce(p.enps_n, 0) AS enps_n,
       ${METRIC_SQL.nps.value} AS nps, ${METRIC_SQL.nps.n} AS nps_n,
       ${METRIC_SQL.csat.value} AS csat, ${METRIC_SQL.csat.n} AS csat_n,
       u.headcount, u.leavers, u.absence_days, u.recognition_events
     FROM sp
     LEFT JOIN people p ON p.period = sp.period
     JOIN u ON u.period = sp.period`,
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
 * their attached and roll-up respondent counts and roll-up engagement index, from the figure
 * parts (one read of the stored statistics serves both). A period without a depth-0 row is one
 * whose hierarchy does not contain the unit.
 */
export function scopeParts(parts: FigurePart[]): ScopePart[] {
  const byKey = new Map<string, ScopePart>();
  for (const p of parts) {
    const key = `${p.period}|${p.unit_id}`;
    let row = byKey.get(key);
    if (!row) {
      row = {
        period: p.period,
        unit_id: p.unit_id,
        depth: p.depth,
        attached: 0,
        rollup: 0,
        engagement_index: null,
        engagement_n: 0,
      };
      byKey.set(key, row);
    }
    if (p.figure === 'respondents') {
      row.attached = p.own;
      row.rollup = p.rollup;
    } else if (p.figure === 'engagement_index') {
      row.engagement_n = p.rollup;
      row.engagement_index = p.rollup > 0 ? p.rollup_total / p.rollup : null;
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      a.period.localeCompare(b.period) || a.depth - b.depth || a.unit_id.localeCompare(b.unit_id),
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

/** The catalogue's items, one row per item id (the latest source wins). */
const itemsCte = `items AS (
    SELECT item_id, item_text, factor FROM survey_items
    QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY source_id DESC) = 1)`;

/**
 * The stored statistics rows of each group in one period: a full roll-up is the unit's own
 * 'rollup' row; a shallower scope sums the 'own' rows of the units in it (hierarchy $eff).
 */
const groupRowsCte = `sp AS (SELECT CAST($eff AS DATE) AS eff),
  g AS (SELECT unnest(from_json($groups, '[{"key":"VARCHAR","unit":"VARCHAR","maxDepth":"INTEGER"}]'), recursive := true)),
  members AS (
    SELECT g.key, c.descendant_id AS unit_id, g.maxDepth >= ${ROLLUP_DEPTH} AS whole
    FROM g CROSS JOIN sp
    JOIN org_closure c ON c.effective_from = sp.eff AND c.ancestor_id = g.unit
      AND c.depth <= CASE WHEN g.maxDepth >= ${ROLLUP_DEPTH} THEN 0 ELSE g.maxDepth END),
  group_rows AS (
    SELECT m.key, s.figure, s.n, s.answered, s.favourable
    FROM members m JOIN employee_figure_stats s
      ON s.period = $period AND s.unit_id = m.unit_id AND s.role = 'all'
      AND s.scope = CASE WHEN m.whole THEN 'rollup' ELSE 'own' END)`;

/** % favourable tallies per group and company value ('value:<Name>' factors) in one period. */
export async function valueTallies(
  conn: DuckDBConnection,
  groups: GroupSpec[],
  period: string,
  /** The effective_from of the hierarchy in force for the period (hierarchyFor). */
  eff: string,
): Promise<ValueTally[]> {
  return queryRows<ValueTally>(
    conn,
    `WITH ${groupRowsCte}
     SELECT key, figure AS factor, sum(answered)::BIGINT AS answered,
       sum(favourable)::BIGINT AS favourable, sum(n)::BIGINT AS n
     FROM group_rows WHERE figure LIKE 'value:%'
     GROUP BY key, figure`,
    { groups: JSON.stringify(groups), period, eff },
  );
}

/** The company values in the catalogue, by factor, sorted by name. */
export function valueFactors(conn: DuckDBConnection): Promise<string[]> {
  return memo(conn, 'valueFactors', async () => {
    const rows = await queryRows<{ factor: string }>(
      conn,
      `SELECT DISTINCT factor FROM survey_items WHERE factor LIKE 'value:%' ORDER BY factor`,
    );
    return rows.map((r) => r.factor);
  });
}

export interface ItemTally extends Record<string, unknown> {
  item_id: string;
  item_text: string;
  factor: string;
  answered: number;
  favourable: number;
}

/** Every item's (but eNPS's) answered and top-two-box counts for one group in one period. */
export async function itemTallies(
  conn: DuckDBConnection,
  group: GroupSpec,
  period: string,
  eff: string,
): Promise<ItemTally[]> {
  return queryRows<ItemTally>(
    conn,
    `WITH ${itemsCte}, ${groupRowsCte}
     SELECT i.item_id, i.item_text, i.factor, sum(r.answered)::BIGINT AS answered,
       sum(r.favourable)::BIGINT AS favourable
     FROM group_rows r JOIN items i ON 'item:' || i.item_id = r.figure
     GROUP BY i.item_id, i.item_text, i.factor`,
    { groups: JSON.stringify([group]), period, eff },
  );
}

export interface IvrReason extends Record<string, unknown> {
  reason: string;
  interactions: number;
}

/**
 * Why customers called: the IVR reasons of the contact-centre interactions on the queues mapped
 * to the unit and everything below it, in one period, most frequent first.
 */
export async function ivrMix(
  conn: DuckDBConnection,
  unitId: string,
  period: string,
  eff: string,
): Promise<IvrReason[]> {
  return queryRows<IvrReason>(
    conn,
    `SELECT coalesce(q.ivr_reason, '(no reason given)') AS reason, sum(q.interactions)::BIGINT AS interactions
     FROM org_closure c
     JOIN unit_mapping m ON m.unit_id = c.descendant_id
     JOIN contact_queue_stats q ON q.queue_code = m.cx_code AND q.period = $period
     WHERE c.effective_from = CAST($eff AS DATE) AND c.ancestor_id = $unit
     GROUP BY ALL ORDER BY interactions DESC, reason`,
    { unit: unitId, period, eff },
  );
}

export interface FigurePart extends Record<string, unknown> {
  period: string;
  unit_id: string;
  depth: number;
  figure: string;
  /** People behind the figure attached to the unit itself. */
  own: number;
  /** People behind the figure in the unit's full roll-up. */
  rollup: number;
  /** The roll-up's sum of the per-person figure (engagement: of the 0-100 scores). */
  rollup_total: number;
}

/**
 * Per period and figure, the people behind it attached to the unit and to each unit reporting
 * directly to it, and in those units' roll-ups (units in the period's tree without any figure
 * get a 'respondents' row of zeros, so the tree's shape is kept): what the direct scope's
 * figures are made of, and the drill-down's parts (scopeParts). The headline figures come for
 * every period (the trends); values and items only for `period`, the one they are shown for.
 */
export async function figureParts(
  conn: DuckDBConnection,
  unitId: string,
  periods: string[],
  period: string,
): Promise<FigurePart[]> {
  return queryRows<FigurePart>(
    conn,
    `WITH ${periodsCte},
     parts AS (
       SELECT sp.period, c.descendant_id AS unit_id, c.depth
       FROM sp JOIN org_closure c ON c.effective_from = sp.eff AND c.ancestor_id = $unit AND c.depth <= 1)
     SELECT p.period, p.unit_id, p.depth, coalesce(s.figure, 'respondents') AS figure,
       coalesce(sum(s.n) FILTER (WHERE s.scope = 'own'), 0)::BIGINT AS own,
       coalesce(sum(s.n) FILTER (WHERE s.scope = 'rollup'), 0)::BIGINT AS rollup,
       coalesce(sum(s.total) FILTER (WHERE s.scope = 'rollup'), 0)::DOUBLE AS rollup_total
     FROM parts p LEFT JOIN employee_figure_stats s
       ON s.period = p.period AND s.unit_id = p.unit_id AND s.role = 'all'
       AND s.period IN (SELECT period FROM sp)
       AND (s.figure IN ('respondents', 'engagement_index', 'pct_favourable', 'enps')
         OR s.period = $period)
     GROUP BY ALL`,
    { unit: unitId, periods: JSON.stringify(periods), period },
  );
}
