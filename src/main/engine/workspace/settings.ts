import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne } from '../db/query';

import { DEFAULT_KEPT_COPY_LIMIT_MB, MIN_GROUP_SIZE_FLOOR } from '../../../shared/settings';

export { MIN_GROUP_SIZE_FLOOR };
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** The workspace's minimum group size for employee figures (meta), never below the floor. */
export async function minGroupSizeOf(conn: DuckDBConnection): Promise<number> {
  const row = await queryOne<{ value: string }>(
    conn,
    "SELECT value FROM meta WHERE key = 'min_group_size'",
  );
  const configured = Number(row?.value ?? DEFAULT_MIN_GROUP_SIZE);
  return Math.max(
    MIN_GROUP_SIZE_FLOOR,
    Number.isFinite(configured) ? configured : DEFAULT_MIN_GROUP_SIZE,
  );
}

/** Imported files up to this many MB are kept inside the workspace (meta); 0 keeps none. */
export async function keptCopyLimitMbOf(conn: DuckDBConnection): Promise<number> {
  const row = await queryOne<{ value: string }>(
    conn,
    "SELECT value FROM meta WHERE key = 'kept_copy_limit_mb'",
  );
  const configured = Number(row?.value ?? DEFAULT_KEPT_COPY_LIMIT_MB);
  return Number.isInteger(configured) && configured >= 0 ? configured : DEFAULT_KEPT_COPY_LIMIT_MB;
}

/** Sets one meta key, replacing what it held. */
export async function setMeta(conn: DuckDBConnection, key: string, value: string): Promise<void> {
  await conn.run(
    'INSERT INTO meta VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    { key, value },
  );
}
