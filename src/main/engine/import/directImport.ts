import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne, quoteIdent } from '../db/query';
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
 * from the file into the kind's table in one pass, with nothing materialised on the way. A row
 * that fails any check stops the statement; a key that repeats is found afterwards; both throw
 * DirectImportMiss, and the caller's transaction is rolled back. Rows of earlier sources with
 * a key of this file are then removed, as a re-import replaces them.
 */
export async function directImport(
  conn: DuckDBConnection,
  mapped: string,
  plan: ValidationPlan,
  target: DirectTarget,
  file: { fileName: string; sourceId: number },
  control: ImportControl,
): Promise<number> {
  const { fileName, sourceId } = file;
  const { table, keys } = target;
  const earlier = (await queryOne<{ n: number }>(conn, `SELECT count(*) AS n FROM ${table}`))!.n;
  const rows = `(${validatedRowsSql(mapped, plan, {
    where: `CASE WHEN __fail IS NULL THEN true ELSE error('a row fails a check') END`,
  })})`;
  let inserted: number;
  control.onProgress?.({ file: fileName, phase: 'validating' });
  try {
    inserted = await runWatched(
      conn,
      target.insertSql(rows, sourceId),
      fileName,
      'validating',
      control,
    );
  } catch (error) {
    if (control.signal?.aborted || isDiskFull(error)) throw error;
    throw new DirectImportMiss('a row fails a check or cannot be read', { cause: error });
  }
  control.onProgress?.({ file: fileName, phase: 'writing', rows: inserted });
  const key = keys.map(quoteIdent).join(', ');
  const present = keys.map((k) => `${quoteIdent(k)} IS NOT NULL`).join(' AND ');
  // Equal keys hash alike: grouping 64-bit hashes finds every repeat, and an exact check
  // confirms it only when two hashes meet.
  const sameHash = await queryOne(
    conn,
    `SELECT 1 AS found FROM ${table} WHERE source_id = $source AND ${present}
     GROUP BY hash(${key}) HAVING count(*) > 1 LIMIT 1`,
    { source: sourceId },
  );
  if (
    sameHash &&
    (await queryOne(
      conn,
      `SELECT 1 AS found FROM ${table} WHERE source_id = $source AND ${present}
       GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`,
      { source: sourceId },
    ))
  ) {
    throw new DirectImportMiss('a key repeats');
  }
  if (earlier > 0) {
    await conn.run(
      `DELETE FROM ${table} WHERE source_id <> $source AND (${key}) IN (
         SELECT (${key}) FROM ${table} WHERE source_id = $source)`,
      { source: sourceId },
    );
  }
  return inserted;
}
