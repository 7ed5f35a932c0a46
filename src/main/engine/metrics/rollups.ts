import type { DuckDBConnection } from '@duckdb/node-api';
import type { MetricId } from '../../../shared/metrics';
import { queryRows } from '../db/query';
import { metricColumns } from './registrySql';

/**
 * Roll-up figures per (period, unit), read from unit_period_stats: each unit stands for every
 * unit below it in the hierarchy snapshot in force for that period (a reorganisation moves teams
 * between parents per period), and each figure is computed by the registry's SQL (registrySql.ts).
 * Values are raw: employee figures must still pass the stored confidentiality decisions.
 */
export type UnitFigures = {
  period: string;
  unit_id: string;
} & Record<string, number | null | string>;

/**
 * The figures of some metrics for some units (all units of the periods' trees when null), with
 * each metric's n as `<id>_n` and the HR headcount.
 */
export async function unitFigures(
  conn: DuckDBConnection,
  unitIds: string[] | null,
  periods: string[],
  metrics: readonly MetricId[],
): Promise<UnitFigures[]> {
  return queryRows<UnitFigures>(
    conn,
    `SELECT u.period, u.unit_id, u.headcount, ${metricColumns(metrics)}
     FROM unit_period_stats u
     WHERE u.period IN (SELECT unnest(from_json($periods, '["VARCHAR"]')))
       AND ($all OR u.unit_id IN (SELECT unnest(from_json($units, '["VARCHAR"]'))))`,
    {
      periods: JSON.stringify(periods),
      units: JSON.stringify(unitIds ?? []),
      all: unitIds === null,
    },
  );
}

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

/** The headline survey figures of some units, with the HR headcount behind response rates. */
export async function employeeRollups(
  conn: DuckDBConnection,
  unitIds: string[],
  periods: string[],
): Promise<EmployeeRollup[]> {
  const rows = await unitFigures(conn, unitIds, periods, [
    'respondents',
    'engagement_index',
    'pct_favourable',
    'enps',
  ]);
  return rows.map((r) => ({
    period: r.period,
    unit_id: r.unit_id,
    respondents: Number(r.respondents ?? 0),
    engagement_index: r.engagement_index as number | null,
    engagement_n: Number(r.engagement_index_n ?? 0),
    pct_favourable: r.pct_favourable as number | null,
    favourable_n: Number(r.pct_favourable_n ?? 0),
    enps: r.enps as number | null,
    enps_n: Number(r.enps_n ?? 0),
    headcount: (r.headcount as number | null) ?? null,
  }));
}

/** The headline customer figures of some units (customers mapped to them and below). */
export async function customerRollups(
  conn: DuckDBConnection,
  unitIds: string[],
  periods: string[],
): Promise<CustomerRollup[]> {
  const rows = await unitFigures(conn, unitIds, periods, ['customer_responses', 'nps', 'csat']);
  return rows
    .filter((r) => Number(r.customer_responses ?? 0) > 0)
    .map((r) => ({
      period: r.period,
      unit_id: r.unit_id,
      customer_responses: Number(r.customer_responses),
      nps: r.nps as number | null,
      nps_n: Number(r.nps_n ?? 0),
      csat: r.csat as number | null,
      csat_n: Number(r.csat_n ?? 0),
    }));
}
