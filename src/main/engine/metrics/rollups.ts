import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db/query';
import { CUSTOMER_AGGREGATES, EMPLOYEE_AGGREGATES } from './aggregates';

/**
 * Roll-up figures per (period, unit): each unit stands for every unit below it in the hierarchy
 * snapshot in force for that period, so a reorganisation moves teams between parents per period.
 * The formulas are those in src/shared/metrics.ts, by metric id.
 */
export interface EmployeeRollup extends Record<string, unknown> {
  period: string;
  unit_id: string;
  respondents: number;
  engagement_index: number | null;
  engagement_n: number;
  pct_favourable: number | null;
  favourable_n: number;
  enps: number | null;
  enps_n: number;
  headcount: number | null;
}

export interface CustomerRollup extends Record<string, unknown> {
  period: string;
  unit_id: string;
  customer_responses: number;
  nps: number | null;
  nps_n: number;
  csat: number | null;
  csat_n: number;
}

const scopeCte = `
  scope_units AS (SELECT unnest(from_json($units, '["VARCHAR"]')) AS unit_id),
  scope_periods AS (SELECT p AS period, hierarchy_for(p) AS effective_from
                    FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS p)),
  scope AS (
    SELECT sp.period, c.ancestor_id AS unit_id, c.descendant_id
    FROM scope_periods sp
    JOIN org_closure c ON c.effective_from = sp.effective_from
    WHERE c.ancestor_id IN (SELECT unit_id FROM scope_units))`;

const params = (unitIds: string[], periods: string[]) => ({
  units: JSON.stringify(unitIds),
  periods: JSON.stringify(periods),
});

export async function employeeRollups(
  conn: DuckDBConnection,
  unitIds: string[],
  periods: string[],
): Promise<EmployeeRollup[]> {
  return queryRows<EmployeeRollup>(
    conn,
    `WITH ${scopeCte},
     people AS (
       SELECT s.period, s.unit_id,
         ${EMPLOYEE_AGGREGATES}
       FROM scope s JOIN respondent_scores r ON r.period = s.period AND r.unit_id = s.descendant_id
       GROUP BY s.period, s.unit_id),
     heads AS (
       SELECT s.period, s.unit_id, sum(h.headcount) AS headcount
       FROM scope s JOIN hr_metrics h ON h.period = s.period AND h.unit_id = s.descendant_id
       GROUP BY s.period, s.unit_id)
     SELECT k.period, k.unit_id,
       coalesce(p.respondents, 0) AS respondents, p.engagement_index, coalesce(p.engagement_n, 0) AS engagement_n,
       p.pct_favourable, coalesce(p.favourable_n, 0) AS favourable_n, p.enps, coalesce(p.enps_n, 0) AS enps_n,
       h.headcount
     FROM (SELECT DISTINCT period, unit_id FROM scope) k
     LEFT JOIN people p USING (period, unit_id)
     LEFT JOIN heads h USING (period, unit_id)`,
    params(unitIds, periods),
  );
}

export async function customerRollups(
  conn: DuckDBConnection,
  unitIds: string[],
  periods: string[],
): Promise<CustomerRollup[]> {
  return queryRows<CustomerRollup>(
    conn,
    `WITH ${scopeCte}
     SELECT s.period, s.unit_id,
       ${CUSTOMER_AGGREGATES}
     FROM scope s
     JOIN unit_mapping m ON m.unit_id = s.descendant_id
     JOIN customer_code_stats f ON f.cx_code = m.cx_code AND f.period = s.period
     GROUP BY s.period, s.unit_id`,
    params(unitIds, periods),
  );
}
