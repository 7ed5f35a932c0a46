import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from '../db/query';
import { UpstreamError } from '../../../shared/result';

/**
 * A workshop change in one transaction. A workspace opened read-only (a copy on a USB stick, a
 * file another window holds) says so in words instead of DuckDB's "read-only mode" message.
 */
export async function changeWorkshop<T>(
  conn: DuckDBConnection,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(conn, work);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/read-only|read only/i.test(message)) {
      throw new UpstreamError(
        'WORKSPACE_ERROR',
        'This workspace is open read-only (another window or program has it, or the file cannot be written), so stories, views and commitments cannot be saved. Close the other window, or copy the workspace somewhere writable.',
      );
    }
    throw error;
  }
}

export const now = (): string => new Date().toISOString();
export const newId = (): string => crypto.randomUUID().slice(0, 12);
