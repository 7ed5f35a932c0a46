import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Answers that depend only on what has been imported (periods, hierarchy snapshots, level names,
 * the value catalogue), kept in memory per workspace connection until the data changes. Every
 * change to imported data goes through derived/refresh.ts, which clears the cache first; a
 * workspace is open in one process only (DuckDB locks the file), so nothing else can change it.
 * Cached values are shared: callers must not mutate them.
 */
const caches = new WeakMap<DuckDBConnection, Map<string, Promise<unknown>>>();

export function memo<T>(
  conn: DuckDBConnection,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(conn);
  if (!cache) caches.set(conn, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit as Promise<T>;
  const value = compute();
  cache.set(key, value);
  value.catch(() => cache.delete(key));
  return value;
}

/** Forgets everything cached for the workspace: its data is about to change. */
export function invalidateCache(conn: DuckDBConnection): void {
  caches.get(conn)?.clear();
}
