import type { DuckDBConnection } from '@duckdb/node-api';
import { boundedMemo, memo } from '../../workspace/cache';
import type {
  LinkageCustomerMetric,
  LinkageEmployeeMetric,
} from '../../../../shared/analytics/linkage';
import { METRICS, type MetricId, type MetricSource } from '../../../../shared/metrics';
import { queryOne, queryRows } from '../../db/query';
import { customerValue, employeeMetricValue } from '../../metrics/metricValue';
import { METRIC_SQL } from '../../metrics/registrySql';

/**
 * Customer figures from fewer answers than this are too noisy to place a unit on the chart (an NPS
 * from 4 answers moves 25 points per customer). Customers are not the protected party, so this is
 * a quality floor, not suppression; excluded units are counted and named by reason.
 */
export const MIN_CUSTOMER_RESPONSES = 10;

/** '2025-Q4' shifted by +1 is '2026-Q1'. */
export function shiftPeriod(period: string, quarters: number): string {
  const year = Number(period.slice(0, 4));
  const q = Number(period.slice(6, 7));
  const index = year * 4 + (q - 1) + quarters;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export interface PeriodPair {
  employeePeriod: string;
  customerPeriod: string;
}

export interface Observation extends PeriodPair {
  unitId: string;
  name: string;
  groupId: string | null;
  groupName: string | null;
  x: number;
  y: number;
  nEmployees: number;
  nCustomers: number;
}

export interface Exclusion extends PeriodPair {
  unitId: string;
  reason: string;
}

export interface LinkageData {
  observations: Observation[];
  /** The same observations by pairKey, in pair order. */
  byPair: Map<string, Observation[]>;
  exclusions: Exclusion[];
  /** The company figures (top of the tree) per pair, for quadrant splits; absent when suppressed. */
  company: Map<string, { x: number; y: number }>;
}

export const pairKey = (p: PeriodPair): string => `${p.employeePeriod}>${p.customerPeriod}`;

interface UnitRow extends Record<string, unknown> {
  period: string;
  unit_id: string;
  unit_name: string;
  is_root: boolean;
  group_id: string | null;
  group_name: string | null;
}

/**
 * The units at `level` (and the top of the tree) in the snapshot in force for each period, with
 * their ancestor at `groupLevel` in that same snapshot. One query for all periods.
 */
function levelUnits(
  conn: DuckDBConnection,
  level: string,
  groupLevel: string | null,
  periods: string[],
  company: boolean,
): Promise<UnitRow[]> {
  const key = `levelUnits:${JSON.stringify([level, groupLevel, periods, company])}`;
  return memo(conn, key, () =>
    queryRows<UnitRow>(
      conn,
      `WITH sp AS MATERIALIZED (SELECT p AS period, hierarchy_for(p) AS eff
                           FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS p)),
     grp AS (
       SELECT c.effective_from AS eff, c.descendant_id, g.unit_id AS group_id, g.unit_name AS group_name
       FROM org_closure c
       JOIN org_units g ON g.effective_from = c.effective_from AND g.unit_id = c.ancestor_id
       WHERE g.level = $groupLevel)
     SELECT sp.period, u.unit_id, u.unit_name, u.parent_id IS NULL AS is_root,
       any_value(grp.group_id) AS group_id, any_value(grp.group_name) AS group_name
     FROM sp
     JOIN org_units u ON u.effective_from = sp.eff AND (u.level = $level OR ($company AND u.parent_id IS NULL))
     LEFT JOIN grp ON grp.eff = sp.eff AND grp.descendant_id = u.unit_id
     GROUP BY ALL
     -- A fixed order: the same question gives the same answer, point for point (and the same file
     -- when a slide is exported twice).
     ORDER BY sp.period, u.unit_id`,
      { periods: JSON.stringify(periods), level, groupLevel: groupLevel ?? '', company },
    ),
  );
}

interface LevelFigure {
  x: number | null;
  xn: number;
  /** Why the employee figure may not be shown (the stored decision), or null. */
  hidden: string | null;
  y: number | null;
  yn: number;
}

/**
 * Both metrics for every unit at the level (and the top of the tree) in some periods, with the
 * stored confidentiality decision on the employee figure: one query over unit_period_stats.
 */
async function levelFigures(
  conn: DuckDBConnection,
  options: LoadOptions,
  periods: string[],
): Promise<Map<string, Map<string, LevelFigure>>> {
  const x = METRIC_SQL[options.employeeMetric];
  const y = METRIC_SQL[options.customerMetric];
  // One text of tab-separated lines: converting thousands of rows to JS objects costs more.
  const row = await queryOne<{ text: string | null }>(
    conn,
    `WITH sp AS MATERIALIZED (
       SELECT p AS period, hierarchy_for(p) AS eff FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS p)),
     f AS (
       SELECT u.period, u.unit_id, ${x.value} AS x, ${x.n} AS xn, s.reason AS hidden,
         ${y.value} AS y, ${y.n} AS yn
       FROM sp
       JOIN unit_period_stats u ON u.period = sp.period
       JOIN org_units o ON o.effective_from = sp.eff AND o.unit_id = u.unit_id
       LEFT JOIN suppressed_figures s
         ON s.period = u.period AND s.unit_id = u.unit_id AND s.figure = $figure
       WHERE o.level = $level OR ($company AND o.parent_id IS NULL))
     SELECT string_agg(concat_ws(chr(9), period, coalesce(CAST(x AS VARCHAR), ''), xn,
       coalesce(CAST(y AS VARCHAR), ''), yn, coalesce(hidden, ''), unit_id), chr(10)) AS text FROM f`,
    {
      periods: JSON.stringify(periods),
      level: options.level,
      company: options.company ?? true,
      figure: options.employeeMetric,
    },
  );
  const out = new Map<string, Map<string, LevelFigure>>(periods.map((p) => [p, new Map()]));
  for (const line of (row?.text ?? '').split('\n')) {
    if (!line) continue;
    const [period, x, xn, y, yn, hidden, ...unit] = line.split('\t') as string[];
    out.get(period!)?.set(unit.join('\t'), {
      x: x === '' ? null : Number(x),
      xn: Number(xn),
      y: y === '' ? null : Number(y),
      yn: Number(yn),
      hidden: hidden === '' ? null : hidden!,
    });
  }
  return out;
}

export interface LoadOptions {
  employeeMetric: LinkageEmployeeMetric;
  customerMetric: LinkageCustomerMetric;
  level: string;
  groupLevel: string | null;
  pairs: PeriodPair[];
  minSize: number;
  /** Also load the company (top of the tree) figures, for quadrant splits. Default true. */
  company?: boolean;
}

type Side = { ok: true; value: number; n: number } | { ok: false; reason: string };

/**
 * One observation per unit at `level` and period pair: the employee figure for t under the usual
 * roll-up and visibility rules (a suppressed figure never leaves; the unit is excluded with the
 * reason) against the customer figure for t+lag from at least MIN_CUSTOMER_RESPONSES answers.
 * Two set-based queries (the level's units, cached, and both figures with the stored decisions),
 * whatever the number of units and periods.
 */
interface Sides {
  unitsByPeriod: Map<string, UnitRow[]>;
  employeeSide: Map<string, Map<string, Side>>;
  customerSide: Map<string, Map<string, Side>>;
  customerNoun: string;
}

/**
 * Both sides of every pair, decided once: the employee figure per (t, unit) under the usual
 * rules (a suppressed figure never leaves; the unit is excluded with the reason), the customer
 * figure per (t+lag, unit) from at least MIN_CUSTOMER_RESPONSES answers. Two set-based queries
 * (the level's units, cached, and both figures with the stored decisions).
 */
async function loadSides(conn: DuckDBConnection, options: LoadOptions): Promise<Sides> {
  // Decided for every period the workspace holds, so every lag, period and view of the same
  // metrics and level shares one load until the data changes.
  const periods = await dataPeriods(conn, options.employeeMetric, options.customerMetric);
  const everyPair = periods.employee.flatMap((employeePeriod) =>
    periods.customer.map((customerPeriod) => ({ employeePeriod, customerPeriod })),
  );
  const key = JSON.stringify([
    options.employeeMetric,
    options.customerMetric,
    options.level,
    options.groupLevel,
    options.company ?? true,
    options.minSize,
  ]);
  const all = await boundedMemo(conn, 'linkageSides', key, SIDES_KEPT, () =>
    computeSides(conn, { ...options, pairs: everyPair }),
  );
  // A pair outside the workspace's periods (a caller's own list) is decided on its own.
  const known = options.pairs.every(
    (p) => all.employeeSide.has(p.employeePeriod) && all.customerSide.has(p.customerPeriod),
  );
  return known ? all : computeSides(conn, options);
}

/** How many metric-pair and level variants of the sides are kept in memory. */
const SIDES_KEPT = 6;

async function computeSides(conn: DuckDBConnection, options: LoadOptions): Promise<Sides> {
  const { pairs, minSize } = options;
  const employeePeriods = [...new Set(pairs.map((p) => p.employeePeriod))];
  const customerPeriods = [...new Set(pairs.map((p) => p.customerPeriod))];
  const units = await levelUnits(
    conn,
    options.level,
    options.groupLevel,
    employeePeriods,
    options.company ?? true,
  );
  const unitsByPeriod = new Map<string, UnitRow[]>();
  for (const unit of units) {
    const list = unitsByPeriod.get(unit.period);
    if (list) list.push(unit);
    else unitsByPeriod.set(unit.period, [unit]);
  }
  const figures = await levelFigures(conn, options, [
    ...new Set([...employeePeriods, ...customerPeriods]),
  ]);
  const customerNoun =
    METRICS[options.customerMetric].source === 'contact_centre'
      ? 'contact-centre interactions'
      : 'customer responses';
  const notInTree = {
    visible: false,
    reason: 'Not in the hierarchy in force for this period',
  } as const;

  // Employee side once per (t, unit): the value the overview would show, or why not (the
  // stored whole-tree decisions, the figure's own n, the HR headcount minimum).
  const employeeSide = new Map<string, Map<string, Side>>();
  for (const period of employeePeriods) {
    const sides = new Map<string, Side>();
    const byUnit = figures.get(period)!;
    for (const unit of unitsByPeriod.get(period) ?? []) {
      const f = byUnit.get(unit.unit_id);
      const v = employeeMetricValue(
        options.employeeMetric,
        f?.x ?? null,
        f?.xn ?? 0,
        f === undefined
          ? notInTree
          : f.hidden === null
            ? { visible: true }
            : { visible: false, reason: f.hidden },
        minSize,
      );
      sides.set(
        unit.unit_id,
        v.status === 'ok'
          ? { ok: true, value: v.value!, n: v.n! }
          : { ok: false, reason: v.reason ?? 'No employee figure' },
      );
    }
    employeeSide.set(period, sides);
  }
  // Customer side once per (t+lag, unit).
  const customerSide = new Map<string, Map<string, Side>>();
  for (const period of customerPeriods) {
    const sides = new Map<string, Side>();
    const few: Side = {
      ok: false,
      reason: `Fewer than ${MIN_CUSTOMER_RESPONSES} ${customerNoun} in ${period}`,
    };
    for (const [unitId, f] of figures.get(period)!) {
      if (f.yn === 0 || f.y === null) continue;
      const v = customerValue(options.customerMetric, f.y, f.yn);
      sides.set(
        unitId,
        f.yn < MIN_CUSTOMER_RESPONSES ? few : { ok: true, value: v.value!, n: f.yn },
      );
    }
    customerSide.set(period, sides);
  }
  return { unitsByPeriod, employeeSide, customerSide, customerNoun };
}

export async function loadLinkageData(
  conn: DuckDBConnection,
  options: LoadOptions,
): Promise<LinkageData> {
  const { pairs } = options;
  const { unitsByPeriod, employeeSide, customerSide, customerNoun } = await loadSides(
    conn,
    options,
  );
  const observations: Observation[] = [];
  const byPair = new Map<string, Observation[]>();
  const exclusions: Exclusion[] = [];
  const company = new Map<string, { x: number; y: number }>();
  for (const pair of pairs) {
    const { employeePeriod, customerPeriod } = pair;
    const inPair: Observation[] = [];
    byPair.set(pairKey(pair), inPair);
    const noCustomers: Side = {
      ok: false,
      reason: `No ${customerNoun} mapped in ${customerPeriod}`,
    };
    const employees = employeeSide.get(employeePeriod)!;
    const customers = customerSide.get(customerPeriod)!;
    for (const unit of unitsByPeriod.get(employeePeriod) ?? []) {
      const e = employees.get(unit.unit_id)!;
      const c = customers.get(unit.unit_id) ?? noCustomers;
      if (unit.is_root) {
        if (e.ok && c.ok) company.set(pairKey(pair), { x: e.value, y: c.value });
        continue;
      }
      if (!e.ok || !c.ok) {
        const reason = !e.ok ? e.reason : (c as { reason: string }).reason;
        exclusions.push({ employeePeriod, customerPeriod, unitId: unit.unit_id, reason });
        continue;
      }
      const o: Observation = {
        employeePeriod,
        customerPeriod,
        unitId: unit.unit_id,
        name: unit.unit_name,
        groupId: unit.group_id,
        groupName: unit.group_name,
        x: e.value,
        y: c.value,
        nEmployees: e.n,
        nCustomers: c.n,
      };
      observations.push(o);
      inPair.push(o);
    }
  }
  return { observations, byPair, exclusions, company };
}

/** One quarter pair's points as bare numbers, and how many units it left out. */
export interface PairSeries {
  xs: number[];
  ys: number[];
  excluded: number;
}

/**
 * The pairs' points as numbers only (no unit objects), for answers that need only r and its
 * interval per pair set (the lag profile): the same sides and rules as loadLinkageData.
 */
export async function loadPairSeries(
  conn: DuckDBConnection,
  options: LoadOptions,
): Promise<Map<string, PairSeries>> {
  const { unitsByPeriod, employeeSide, customerSide } = await loadSides(conn, options);
  const out = new Map<string, PairSeries>();
  for (const pair of options.pairs) {
    const series: PairSeries = { xs: [], ys: [], excluded: 0 };
    const employees = employeeSide.get(pair.employeePeriod)!;
    const customers = customerSide.get(pair.customerPeriod)!;
    for (const unit of unitsByPeriod.get(pair.employeePeriod) ?? []) {
      if (unit.is_root) continue;
      const e = employees.get(unit.unit_id)!;
      const c = customers.get(unit.unit_id);
      if (e.ok && c?.ok) {
        series.xs.push(e.value);
        series.ys.push(c.value);
      } else series.excluded++;
    }
    out.set(pairKey(pair), series);
  }
  return out;
}

/** Survey periods and customer periods in the workspace, oldest first. */
export function dataPeriods(
  conn: DuckDBConnection,
  employeeMetric: MetricId = 'engagement_index',
  customerMetric: MetricId = 'nps',
): Promise<{ employee: string[]; customer: string[] }> {
  // From the statistics imports keep, so raw and pre-aggregated data count alike.
  const from: Record<MetricSource, string> = {
    survey: 'SELECT DISTINCT period FROM employee_figure_stats WHERE n > 0',
    hr: 'SELECT DISTINCT period FROM unit_period_stats WHERE headcount > 0',
    customer: 'SELECT DISTINCT period FROM unit_period_stats WHERE customer_responses > 0',
    contact_centre: 'SELECT DISTINCT period FROM unit_period_stats WHERE interactions > 0',
  };
  const e = METRICS[employeeMetric].source;
  const c = METRICS[customerMetric].source;
  return memo(conn, `dataPeriods:${e}:${c}`, async () => {
    const rows = await queryRows<{ side: string; period: string }>(
      conn,
      `SELECT 'e' AS side, period FROM (${from[e]}) UNION SELECT 'c', period FROM (${from[c]}) ORDER BY period`,
    );
    return {
      employee: rows.filter((r) => r.side === 'e').map((r) => r.period),
      customer: rows.filter((r) => r.side === 'c').map((r) => r.period),
    };
  });
}

/** Level names in any hierarchy snapshot, top first. */
export function levelNames(conn: DuckDBConnection): Promise<string[]> {
  return memo(conn, 'levelNames', async () => {
    const rows = await queryRows<{ level: string }>(
      conn,
      `SELECT u.level, min(d.depth) AS depth FROM org_units u
     JOIN (SELECT effective_from, descendant_id, max(depth) AS depth FROM org_closure GROUP BY ALL) d
       ON d.effective_from = u.effective_from AND d.descendant_id = u.unit_id
     GROUP BY u.level ORDER BY depth, u.level`,
    );
    return rows.map((r) => r.level);
  });
}

/**
 * The unit of analysis when none is asked for (DOMAIN.md): the lowest level whose units customer
 * codes are mapped to; the lowest level of all when nothing is mapped yet.
 */
export async function defaultLevel(conn: DuckDBConnection, levels: string[]): Promise<string> {
  const rows = await memo(conn, 'mappedLevels', () =>
    queryRows<{ level: string }>(
      conn,
      `SELECT DISTINCT u.level FROM unit_mapping m JOIN org_units u ON u.unit_id = m.unit_id`,
    ),
  );
  const mapped = new Set(rows.map((r) => r.level));
  return [...levels].reverse().find((l) => mapped.has(l)) ?? levels[levels.length - 1]!;
}
