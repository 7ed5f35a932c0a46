import type { DuckDBConnection } from '@duckdb/node-api';
import { memo } from '../../workspace/cache';
import type {
  LinkageCustomerMetric,
  LinkageEmployeeMetric,
} from '../../../../shared/analytics/linkage';
import { visibilityMaps, visibilityOf } from '../../confidentiality/visibilityMaps';
import { queryRows } from '../../db/query';
import { customerValue, employeeValue } from '../../metrics/metricValue';
import {
  customerRollups,
  employeeRollups,
  type CustomerRollup,
  type EmployeeRollup,
} from '../../metrics/rollups';

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

const employeeField: Record<LinkageEmployeeMetric, [keyof EmployeeRollup, keyof EmployeeRollup]> = {
  engagement_index: ['engagement_index', 'engagement_n'],
  pct_favourable: ['pct_favourable', 'favourable_n'],
  enps: ['enps', 'enps_n'],
};
const customerField: Record<LinkageCustomerMetric, [keyof CustomerRollup, keyof CustomerRollup]> = {
  nps: ['nps', 'nps_n'],
  csat: ['csat', 'csat_n'],
  customer_responses: ['customer_responses', 'customer_responses'],
};

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
     GROUP BY ALL`,
      { periods: JSON.stringify(periods), level, groupLevel: groupLevel ?? '', company },
    ),
  );
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
 * Four set-based queries (units, visibility, employee and customer roll-ups), whatever the
 * number of units and periods.
 */
export async function loadLinkageData(
  conn: DuckDBConnection,
  options: LoadOptions,
): Promise<LinkageData> {
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
  // The same whole-tree visibility every method applies (next-smallest rule, all the way down).
  const visibility = await visibilityMaps(conn, employeePeriods, minSize);
  const key = (period: string, unit: string) => `${period}|${unit}`;
  const unitIds = [...new Set(units.map((u) => u.unit_id))];
  const employee = await employeeRollups(conn, unitIds, employeePeriods);
  const customer = await customerRollups(conn, unitIds, customerPeriods);
  const [eValue, eN] = employeeField[options.employeeMetric];
  const [cValue, cN] = customerField[options.customerMetric];

  // Employee side once per (t, unit): the value the overview would show, or why not.
  const employeeSide = new Map<string, Side>();
  const unitsByPeriod = new Map<string, UnitRow[]>();
  for (const unit of units) {
    const list = unitsByPeriod.get(unit.period);
    if (list) list.push(unit);
    else unitsByPeriod.set(unit.period, [unit]);
  }
  const employeeBy = new Map(employee.map((e) => [key(e.period, e.unit_id), e]));
  for (const unit of units) {
    const e = employeeBy.get(key(unit.period, unit.unit_id));
    const shown = visibilityOf(visibility, unit.period, unit.unit_id, options.employeeMetric);
    const v = employeeValue(
      options.employeeMetric,
      (e?.[eValue] as number | null | undefined) ?? null,
      (e?.[eN] as number | undefined) ?? 0,
      shown,
      minSize,
    );
    employeeSide.set(
      key(unit.period, unit.unit_id),
      v.status === 'ok'
        ? { ok: true, value: v.value!, n: v.n! }
        : { ok: false, reason: v.reason ?? 'No employee figure' },
    );
  }
  // Customer side once per (t+lag, unit).
  const customerSide = new Map<string, Side>();
  for (const c of customer) {
    const n = (c[cN] as number | undefined) ?? 0;
    const v = customerValue(options.customerMetric, (c[cValue] as number | null) ?? null, n);
    customerSide.set(
      key(c.period, c.unit_id),
      v.status !== 'ok'
        ? { ok: false, reason: `No customer responses mapped in ${c.period}` }
        : n < MIN_CUSTOMER_RESPONSES
          ? {
              ok: false,
              reason: `Fewer than ${MIN_CUSTOMER_RESPONSES} customer responses in ${c.period}`,
            }
          : { ok: true, value: v.value!, n },
    );
  }

  const observations: Observation[] = [];
  const exclusions: Exclusion[] = [];
  const company = new Map<string, { x: number; y: number }>();
  for (const pair of pairs) {
    for (const unit of unitsByPeriod.get(pair.employeePeriod) ?? []) {
      const e = employeeSide.get(key(pair.employeePeriod, unit.unit_id))!;
      const c = customerSide.get(key(pair.customerPeriod, unit.unit_id)) ?? {
        ok: false,
        reason: `No customer responses mapped in ${pair.customerPeriod}`,
      };
      if (unit.is_root) {
        if (e.ok && c.ok) company.set(pairKey(pair), { x: e.value, y: c.value });
        continue;
      }
      if (!e.ok || !c.ok) {
        exclusions.push({
          employeePeriod: pair.employeePeriod,
          customerPeriod: pair.customerPeriod,
          unitId: unit.unit_id,
          reason: !e.ok ? e.reason : (c as { reason: string }).reason,
        });
        continue;
      }
      observations.push({
        employeePeriod: pair.employeePeriod,
        customerPeriod: pair.customerPeriod,
        unitId: unit.unit_id,
        name: unit.unit_name,
        groupId: unit.group_id,
        groupName: unit.group_name,
        x: e.value,
        y: c.value,
        nEmployees: e.n,
        nCustomers: c.n,
      });
    }
  }
  return { observations, exclusions, company };
}

/** Survey periods and customer periods in the workspace, oldest first. */
export function dataPeriods(
  conn: DuckDBConnection,
): Promise<{ employee: string[]; customer: string[] }> {
  return memo(conn, 'dataPeriods', async () => {
    const rows = await queryRows<{ side: string; period: string }>(
      conn,
      `SELECT DISTINCT 'e' AS side, period FROM respondent_scores
     UNION SELECT DISTINCT 'c' AS side, period FROM customer_code_stats WHERE responses > 0
     ORDER BY period`,
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
