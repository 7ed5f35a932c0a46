import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne, queryRows, quoteIdent, quoteLiteral } from '../db/query';
import type { RowCheck } from './columnChecks';
import type { KindImporter } from './kinds/kind';
import { runWatched, type ImportControl } from './progress';
import { timed } from '../stepTimes';
import { validatedRowsSql, type ValidationPlan } from './rowValidation';

export const CHECKED = '__checked';
export const VALID = '__valid';

export interface RowCounts {
  rowsRead: number;
  rowsQuarantined: number;
  /** Quarantined rows counted by "column: rule". */
  reasons: Record<string, number>;
}

/**
 * The import that keeps every failing row: each row of `mapped` (numbered by `__row`) is typed
 * and checked into a temporary table with its first failure, repeated keys are marked, failing
 * rows go to quarantine as the file had them, and the kind's importer applies the rest.
 */
export async function checkedImport(
  conn: DuckDBConnection,
  mapped: string,
  plan: ValidationPlan,
  importer: KindImporter,
  target: {
    fileName: string;
    sourceId: number;
    read: <T>(work: () => Promise<T>) => Promise<T>;
    /** Where a failing row is taken from as the file had it (joined on __row). */
    rawRows: string;
  },
  control: ImportControl,
): Promise<RowCounts> {
  const { fileName, sourceId } = target;
  const sql = validatedRowsSql(mapped, plan, {
    // Reasons are built from the text cells, and only for failing rows.
    extra: (failure) => [
      '__row',
      `${failure.column} AS __column`,
      `${failure.rule} AS __rule`,
      `${failure.reason} AS __reason`,
    ],
  });
  control.onProgress?.({ file: fileName, phase: 'validating' });
  await timed('validating', () =>
    target.read(() =>
      runWatched(conn, `CREATE TEMP TABLE ${CHECKED} AS ${sql}`, fileName, 'validating', control),
    ),
  );

  const rowsRead = (await queryOne<{ n: number }>(conn, `SELECT count(*) AS n FROM ${CHECKED}`))!.n;
  for (const check of plan.uniqueChecks) await markDuplicates(conn, check);
  await importer.afterChecks?.(conn, CHECKED);
  control.onProgress?.({ file: fileName, phase: 'writing', rows: rowsRead });
  const reasonRows = await queryRows<{ reason: string; n: number }>(
    conn,
    `SELECT __column || ': ' || __rule AS reason, count(*) AS n FROM ${CHECKED} WHERE __reason IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const rowsQuarantined = reasonRows.reduce((sum, r) => sum + r.n, 0);
  if (rowsQuarantined > 0) {
    // The quarantined row is kept as the file had it (the staged row), not as mapped.
    await runWatched(
      conn,
      `INSERT INTO quarantine
       SELECT ${sourceId}, ${quoteLiteral(fileName)}, c.__row, c.__column, c.__rule, c.__reason, CAST(to_json(s) AS VARCHAR)
       FROM ${CHECKED} c JOIN ${target.rawRows} s USING (__row) WHERE c.__reason IS NOT NULL`,
      fileName,
      'writing',
      control,
    );
  }
  await conn.run(`CREATE TEMP VIEW ${VALID} AS SELECT * FROM ${CHECKED} WHERE __reason IS NULL`);
  await timed('writing rows', () => importer.apply(conn, VALID, sourceId, plan.columns));
  return {
    rowsRead,
    rowsQuarantined,
    reasons: Object.fromEntries(reasonRows.map((r) => [r.reason, r.n])),
  };
}

/** Removes what checkedImport made. */
export async function dropChecked(conn: DuckDBConnection): Promise<void> {
  await conn.run(`DROP VIEW IF EXISTS ${VALID}`);
  await conn.run(`DROP TABLE IF EXISTS ${CHECKED}`);
}

/**
 * Marks rows whose key repeats a row earlier in the file, among rows that passed every other
 * check. Runs on the typed, materialised rows (no second parse of the file) and sorts only when
 * some key repeats at all.
 */
async function markDuplicates(conn: DuckDBConnection, check: RowCheck): Promise<void> {
  const key = check.uniqueColumns!.map(quoteIdent).join(', ');
  const present = check.uniqueColumns!.map((c) => `${quoteIdent(c)} IS NOT NULL`).join(' AND ');
  const repeated = await queryOne(
    conn,
    `SELECT 1 AS repeated FROM ${CHECKED} WHERE ${present} GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`,
  );
  if (!repeated) return;
  await conn.run(
    `UPDATE ${CHECKED} SET __column = $column, __rule = $rule, __reason = ${check.reason}
     WHERE __reason IS NULL AND __row IN (
       SELECT __row FROM (
         SELECT __row, row_number() OVER (PARTITION BY ${key} ORDER BY __row) AS n FROM ${CHECKED} WHERE ${present})
       WHERE n > 1)`,
    { column: check.column, rule: check.rule },
  );
}
