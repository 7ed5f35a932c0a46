import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne, type Params } from './query';

/** Rows of one table, picked by conditions that may use named parameters. */
export interface PickedRows {
  table: string;
  /** The select list of each part. */
  select: string;
  /** The rows whose row ids are split into ranges: a condition on cheap columns. */
  within: string;
  /** A further condition on the rows `within` picks, left out of the ranges' bounds. */
  where?: string;
  params?: Params;
}

/**
 * The picked rows as SQL: a UNION ALL of one part per DuckDB thread, each over its own range of
 * row ids. DuckDB plans a scan's threads from a table's committed rows, so the rows an open
 * transaction wrote (an import's, until it commits) are scanned by one thread however many it
 * has. It skips straight to a range of row ids, so parts over disjoint ranges put every thread
 * to work: timed alone on 5M rows an import had just written, with 2 threads, the repeated-key
 * check went from 0.37 s (parts by rowid modulo, each reading every row) to 0.31 s and the
 * customer sums from 0.14 to 0.08 s. The ranges together span every picked row, so the parts
 * hold each exactly once. The SQL keeps the conditions' parameters: bind `params` again to run
 * it.
 */
export async function threadedRowsSql(conn: DuckDBConnection, rows: PickedRows): Promise<string> {
  const where = rows.where === undefined ? rows.within : `${rows.within} AND ${rows.where}`;
  const plain = `SELECT ${rows.select} FROM ${rows.table} WHERE ${where}`;
  // Row ids of uncommitted rows start near 2^55, past a JS number's exact integers: as text.
  const bounds = await queryOne<{ lo: string | null; hi: string | null; threads: number }>(
    conn,
    `SELECT CAST(min(rowid) AS VARCHAR) AS lo, CAST(max(rowid) AS VARCHAR) AS hi,
       CAST(current_setting('threads') AS INTEGER) AS threads
     FROM ${rows.table} WHERE ${rows.within}`,
    rows.params,
  );
  if (!bounds || bounds.lo === null || bounds.hi === null) return plain;
  const lo = BigInt(bounds.lo);
  const span = BigInt(bounds.hi) - lo + 1n;
  const parts = BigInt(Math.max(1, Math.min(bounds.threads, Number(span))));
  const start = (i: bigint) => lo + (span * i) / parts;
  return Array.from({ length: Number(parts) }, (_, index) => {
    const i = BigInt(index);
    return `${plain} AND rowid >= ${start(i)} AND rowid < ${start(i + 1n)}`;
  }).join(' UNION ALL ');
}
