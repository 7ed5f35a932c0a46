import type { DuckDBConnection } from '@duckdb/node-api';
import { UpstreamError } from '../../../shared/result';
import { queryRows } from '../db/query';

/** Every period with any employee, customer or HR data, oldest first. */
export async function listPeriods(conn: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ period: string }>(
    conn,
    `SELECT DISTINCT period FROM (
       SELECT period FROM respondent_scores UNION ALL SELECT period FROM customer_code_stats
       UNION ALL SELECT period FROM hr_metrics)
     ORDER BY period`,
  );
  return rows.map((r) => r.period);
}

/** The period asked for, or the latest one; a period without data is a clear error. */
export async function resolvePeriod(conn: DuckDBConnection, period?: string): Promise<string> {
  const periods = await listPeriods(conn);
  if (periods.length === 0) {
    throw new UpstreamError(
      'NOT_FOUND',
      'The workspace has no data yet: import survey or customer files first.',
    );
  }
  if (period === undefined) return periods[periods.length - 1]!;
  if (!periods.includes(period)) {
    throw new UpstreamError(
      'NOT_FOUND',
      `No data for period ${period}. Periods in this workspace: ${periods.join(', ')}.`,
    );
  }
  return period;
}
