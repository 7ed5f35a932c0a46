import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne, quoteIdent } from '../db/query';
import { threadedRowsSql } from '../db/threadedScan';
import { isDiskFull } from './diskFull';
import type { DirectTarget } from './kinds/kind';
import { runWatched, type ImportControl } from './progress';
import { validatedRowsSql, type ValidationPlan } from './rowValidation';

/**
 * Thrown when a file cannot be imported in one pass: some row fails a check (or the file
 * cannot be read as staged). The import is then rolled back and redone by checkedImport, which
 * keeps each failing row in quarantine with its row number and reason.
 */
export class DirectImportMiss extends Error {
  constructor(why: string, options?: { cause?: unknown }) {
    super(`direct import not possible: ${why}`, options);
  }
}

/**
 * The import of a file whose rows all pass: every row is typed, checked and written straight
 * from the file into the kind's table in one pass, with nothing materialised on the way: read as
 * typed columns when typedDirect.ts allows (`rows.typed`), as text and cast otherwise. A row
 * that fails any check stops the statement; a key that repeats is found afterwards; both throw
 * DirectImportMiss, and the caller's transaction is rolled back. Rows of earlier sources with
 * a key of this file are then removed, as a re-import replaces them.
 */
export async function directImport(
  conn: DuckDBConnection,
  rows: { mapped: string; typed: string | null },
  plan: ValidationPlan,
  target: DirectTarget,
  file: { fileName: string; sourceId: number },
  control: ImportControl,
): Promise<number> {
  const { fileName, sourceId } = file;
  const { table, keys } = target;
  const earlier = (await queryOne<{ n: number }>(conn, `SELECT count(*) AS n FROM ${table}`))!.n;
  const passing =
    rows.typed ??
    `(${validatedRowsSql(rows.mapped, plan, {
      where: `CASE WHEN __fail IS NULL THEN true ELSE error('a row fails a check') END`,
    })})`;
  let inserted: number;
  control.onProgress?.({ file: fileName, phase: 'validating' });
  try {
    inserted = await runWatched(
      conn,
      target.insertSql(passing, sourceId),
      fileName,
      'validating',
      control,
    );
  } catch (error) {
    if (control.signal?.aborted || isDiskFull(error)) throw error;
    throw new DirectImportMiss('a row fails a check or cannot be read', { cause: error });
  }
  control.onProgress?.({ file: fileName, phase: 'writing', rows: inserted });
  const written: KeyedRows = { table, keys, sourceId };
  if (await findRepeatedKeys(conn, written)) throw new DirectImportMiss('a key repeats');
  if (earlier > 0) await removeReplacedRows(conn, written);
  return inserted;
}

/** The rows one import wrote into a keyed table. */
export interface KeyedRows {
  table: string;
  keys: string[];
  sourceId: number;
}

/** Whether some key repeats among the rows this import wrote. */
export async function findRepeatedKeys(conn: DuckDBConnection, rows: KeyedRows): Promise<boolean> {
  const key = rows.keys.map(quoteIdent).join(', ');
  const present = rows.keys.map((k) => `${quoteIdent(k)} IS NOT NULL`).join(' AND ');
  const params = { source: rows.sourceId };
  const written = await threadedRowsSql(conn, {
    table: rows.table,
    select: key,
    within: 'source_id = $source',
    where: present,
    params,
  });
  // Equal keys hash alike: fewer distinct 64-bit hashes than rows means a hash repeats (counting
  // them is the cheapest exact test DuckDB has), and only then does grouping the keys themselves
  // say whether a key does.
  const hashes = await queryOne<{ repeated: boolean }>(
    conn,
    `SELECT count(*) > count(DISTINCT h) AS repeated FROM (SELECT hash(${key}) AS h FROM (${written}))`,
    params,
  );
  if (!hashes!.repeated) return false;
  const exact = await queryOne(
    conn,
    `SELECT 1 AS found FROM (${written}) GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`,
    params,
  );
  return exact !== undefined;
}

/** A re-import replaces: rows of earlier sources with a key this import wrote are removed. */
export async function removeReplacedRows(conn: DuckDBConnection, rows: KeyedRows): Promise<void> {
  const key = rows.keys.map(quoteIdent).join(', ');
  const params = { source: rows.sourceId };
  const written = await threadedRowsSql(conn, {
    table: rows.table,
    select: `(${key}) AS __key`,
    within: 'source_id = $source',
    params,
  });
  await conn.run(
    `DELETE FROM ${rows.table} WHERE source_id <> $source AND (${key}) IN (SELECT __key FROM (${written}))`,
    params,
  );
}
