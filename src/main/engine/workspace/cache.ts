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

/**
 * memo for answers that come in many variants (one per metric pair and level, say): at most
 * `limit` of the group are kept, the least recently used going first.
 */
export function boundedMemo<T>(
  conn: DuckDBConnection,
  group: string,
  key: string,
  limit: number,
  compute: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(conn);
  if (!cache) caches.set(conn, (cache = new Map()));
  const full = `${group}\u0000${key}`;
  const hit = cache.get(full);
  if (hit) {
    // Map order is insertion order: re-inserting marks it most recently used.
    cache.delete(full);
    cache.set(full, hit);
    return hit as Promise<T>;
  }
  const inGroup = [...cache.keys()].filter((k) => k.startsWith(`${group}\u0000`));
  for (const old of inGroup.slice(0, Math.max(0, inGroup.length - limit + 1))) cache.delete(old);
  return memo(conn, full, compute);
}

/** Forgets everything cached for the workspace: its data is about to change. */
export function invalidateCache(conn: DuckDBConnection): void {
  caches.get(conn)?.clear();
}
