import type { DuckDBConnection } from '@duckdb/node-api';
import { memo } from '../workspace/cache';
import { UpstreamError } from '../../../shared/result';
import { queryRows } from '../db/query';

/** Every period with any employee, customer, HR or contact-centre data, oldest first. */
export function listPeriods(conn: DuckDBConnection): Promise<string[]> {
  return memo(conn, 'listPeriods', async () => {
    const rows = await queryRows<{ period: string }>(
      conn,
      'SELECT DISTINCT period FROM unit_period_stats ORDER BY period',
    );
    return rows.map((r) => r.period);
  });
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

/** The first day of a calendar quarter, ISO: '2025-Q3' -> '2025-07-01'. */
export function periodStart(period: string): string {
  const month = Number(period.slice(6, 7)) * 3 - 2;
  return `${period.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}
