import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Whether DuckDB has invalidated this connection's database: after a checkpoint fails (a commit
 * is one, see commitByCheckpoint.ts) every statement fails with "database has been invalidated",
 * and only a new instance, reading what the file last committed, can go on.
 */
export async function isInvalidated(conn: DuckDBConnection): Promise<boolean> {
  try {
    await conn.run('SELECT 1');
    return false;
  } catch (error) {
    return /invalidated/i.test(error instanceof Error ? error.message : String(error));
  }
}
