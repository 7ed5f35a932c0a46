import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne, queryRows, quoteIdent, quoteLiteral } from '../db/query';
import type { RowCounts } from './checkedImport';
import { findRepeatedKeys, removeReplacedRows, type KeyedRows } from './directImport';
import type { DirectTarget } from './kinds/kind';
import { runWatched, type ImportControl } from './progress';
import { validatedRowsSql, type ValidationPlan } from './rowValidation';

export const KEPT = '__kept';
const REPEATED = '__repeated_keys';

/**
 * The import of a file with failing rows, for kinds with a one-pass target: the rows that pass
 * go straight into the table in one parallel pass (`plainRows`, not numbered), then one pass over
 * the numbered rows (`numberedRows`, which carries each staged row as `__source`) keeps only the
 * failing rows and those whose key repeats, so only they are ever materialised. Failing rows go
 * to quarantine as the file had them; of rows sharing a key the first in the file stays and the
 * others are quarantined, as checkedImport does.
 */
export async function splitImport(
  conn: DuckDBConnection,
  views: { plainRows: string; numberedRows: string },
  plan: ValidationPlan,
  target: DirectTarget,
  file: { fileName: string; sourceId: number },
  control: ImportControl,
): Promise<RowCounts> {
  const { fileName, sourceId } = file;
  const { table, keys } = target;
  const rows: KeyedRows = { table, keys, sourceId };
  const earlier = (await queryOne<{ n: number }>(conn, `SELECT count(*) AS n FROM ${table}`))!.n;
  control.onProgress?.({ file: fileName, phase: 'validating' });
  const passing = `(${validatedRowsSql(views.plainRows, plan, { where: '__fail IS NULL' })})`;
  const inserted = await runWatched(
    conn,
    target.insertSql(passing, sourceId),
    fileName,
    'validating',
    control,
  );

  const repeated = await findRepeatedKeys(conn, rows);
  const typedKey = keys.map((k) => quoteIdent(`__typed_${k}`)).join(', ');
  const keyList = keys.map(quoteIdent).join(', ');
  if (repeated)
    await conn.run(
      `CREATE TEMP TABLE ${REPEATED} AS SELECT ${keyList} FROM ${table}
       WHERE source_id = $source GROUP BY ${keyList} HAVING count(*) > 1`,
      { source: sourceId },
    );
  const keep = repeated
    ? `__fail IS NOT NULL OR (${typedKey}) IN (SELECT (${keyList}) FROM ${REPEATED})`
    : '__fail IS NOT NULL';
  control.onProgress?.({ file: fileName, phase: 'writing', rows: inserted });
  await runWatched(
    conn,
    `CREATE TEMP TABLE ${KEPT} AS ${validatedRowsSql(views.numberedRows, plan, {
      extra: (failure) => [
        '__row',
        '__fail',
        `${failure.column} AS __column`,
        `${failure.rule} AS __rule`,
        `${failure.reason} AS __reason`,
        'CAST(to_json(__source) AS VARCHAR) AS __raw',
      ],
      where: keep,
    })}`,
    fileName,
    'writing',
    control,
  );
  const quarantine = (where: string, reason: { column: string; rule: string; reason: string }) =>
    conn.run(
      `INSERT INTO quarantine
       SELECT ${sourceId}, ${quoteLiteral(fileName)}, __row, ${reason.column}, ${reason.rule}, ${reason.reason}, __raw
       FROM ${KEPT} WHERE ${where}`,
    );
  await quarantine('__fail IS NOT NULL', {
    column: '__column',
    rule: '__rule',
    reason: '__reason',
  });
  if (repeated) {
    // Every copy of a repeated key was written; the first in the file goes back alone.
    const check = plan.uniqueChecks[0]!;
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE ${KEPT} AS SELECT *,
         CASE WHEN __fail IS NULL THEN row_number() OVER (PARTITION BY __fail IS NULL, ${keyList} ORDER BY __row) END AS __copy
       FROM ${KEPT}`,
    );
    await quarantine('__copy > 1', {
      column: quoteLiteral(check.column),
      rule: quoteLiteral(check.rule),
      reason: check.reason,
    });
    await conn.run(
      `DELETE FROM ${table} WHERE source_id = $source AND (${keyList}) IN (SELECT (${keyList}) FROM ${REPEATED})`,
      { source: sourceId },
    );
    await conn.run(target.insertSql(`(SELECT * FROM ${KEPT} WHERE __copy = 1)`, sourceId));
  }
  if (earlier > 0) await removeReplacedRows(conn, rows);

  const reasonRows = await queryRows<{ reason: string; n: number }>(
    conn,
    `SELECT column_name || ': ' || rule AS reason, count(*) AS n FROM quarantine
     WHERE source_id = $source GROUP BY 1 ORDER BY 2 DESC, 1`,
    { source: sourceId },
  );
  const rowsQuarantined = reasonRows.reduce((sum, r) => sum + r.n, 0);
  const failing = (await queryOne<{ n: number }>(
    conn,
    `SELECT count(*) AS n FROM ${KEPT} WHERE __fail IS NOT NULL`,
  ))!.n;
  return {
    rowsRead: inserted + failing,
    rowsQuarantined,
    reasons: Object.fromEntries(reasonRows.map((r) => [r.reason, r.n])),
  };
}

/** Removes what splitImport made. */
export async function dropSplit(conn: DuckDBConnection): Promise<void> {
  await conn.run(`DROP TABLE IF EXISTS ${KEPT}`);
  await conn.run(`DROP TABLE IF EXISTS ${REPEATED}`);
}
