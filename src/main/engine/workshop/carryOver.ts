import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { queryRows } from '../db/query';

/** The workshop's tables: what people made in the app, which no import can make again. */
export const WORKSHOP_TABLES = [
  'saved_views',
  'stories',
  'story_slides',
  'story_guesses',
  'commitments',
] as const;

export type WorkshopRows = Record<(typeof WORKSHOP_TABLES)[number], Record<string, DuckDBValue>[]>;

/** Every workshop row; a workspace from before the workshop (schema < 7) has none. */
export async function readWorkshop(conn: DuckDBConnection): Promise<WorkshopRows> {
  const present = new Set(
    (await queryRows<{ name: string }>(conn, 'SELECT table_name AS name FROM duckdb_tables()')).map(
      (r) => r.name,
    ),
  );
  const rows = {} as WorkshopRows;
  for (const table of WORKSHOP_TABLES) {
    rows[table] = present.has(table)
      ? await queryRows<Record<string, DuckDBValue>>(conn, `SELECT * FROM ${table}`)
      : [];
  }
  return rows;
}

export async function writeWorkshop(conn: DuckDBConnection, rows: WorkshopRows): Promise<void> {
  for (const table of WORKSHOP_TABLES) {
    for (const row of rows[table]) {
      const columns = Object.keys(row);
      await conn.run(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `$${c}`).join(', ')})`,
        row,
      );
    }
  }
}
