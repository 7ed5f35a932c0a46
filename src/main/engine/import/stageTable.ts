import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne, quoteIdent } from '../db/query';
import { rawCell } from './columnChecks';
import { isDiskFull } from './diskFull';
import type { ColumnProfile } from './mapping';
import type { ImportControl } from './progress';
import { UpstreamError } from '../../../shared/result';
import { explainReadError } from './readers';
import type { StagedSource } from './readers/types';

export const STAGE = '__stage';
const SAMPLE_ROWS = 20_000;
const SAMPLES_PER_COLUMN = 200;

/**
 * Puts the reader's relation behind a view and says whether it has any data row. A view rather
 * than a table: a multi-million-row export is never held in memory as text, and it is parsed as
 * part of the one pass that validates and writes it, not once more.
 * `numbered` adds `__row`, each row's number in the original file. Numbering is a streaming
 * window, which DuckDB runs on one thread: a read that needs no row numbers leaves it out.
 * Without `probe` no row is read yet (and true is returned): the caller counts rows itself.
 */
export async function loadStage(
  conn: DuckDBConnection,
  staged: StagedSource,
  fileName: string,
  control: ImportControl,
  options: { numbered: boolean; probe: boolean } = { numbered: true, probe: true },
): Promise<boolean> {
  await createStageView(conn, STAGE, staged, options.numbered);
  control.onProgress?.({ file: fileName, phase: 'loading', fraction: 0 });
  if (!options.probe) return true;
  const first = await readingStage(fileName, staged, control, () =>
    queryOne(conn, `SELECT 1 AS found FROM ${STAGE} LIMIT 1`),
  );
  return first !== undefined;
}

/** A view `name` of the staged rows as text, blank rows left out, numbered or not. */
export async function createStageView(
  conn: DuckDBConnection,
  name: string,
  staged: StagedSource,
  numbered: boolean,
): Promise<void> {
  // Blank lines keep their place in the numbering but are not rows: they are skipped silently.
  const anyCell = staged.columns.length
    ? staged.columns.map((c) => `${rawCell(c.name)} IS NOT NULL`).join(' OR ')
    : 'true';
  const row = numbered
    ? `(row_number() OVER () + ${staged.firstDataRow - 1})::BIGINT AS __row, `
    : '';
  await conn.run(
    `CREATE TEMP VIEW ${name} AS
     SELECT * FROM (
       SELECT ${row}CAST(COLUMNS(*) AS VARCHAR)
       FROM ${staged.relationSql})
     WHERE ${anyCell}`,
  );
}

/** Every data row, counted (reads the whole file). */
export async function countStage(
  conn: DuckDBConnection,
  staged: StagedSource,
  fileName: string,
): Promise<number> {
  return readingStage(
    fileName,
    staged,
    {},
    async () => (await queryOne<{ n: number }>(conn, `SELECT count(*) AS n FROM ${STAGE}`))!.n,
  );
}

/**
 * Runs work that reads the staged file: a malformed line surfaces whenever DuckDB reaches it, and
 * is then explained with the file's row number.
 */
export async function readingStage<T>(
  fileName: string,
  staged: StagedSource,
  control: ImportControl,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (control.signal?.aborted || error instanceof UpstreamError || isDiskFull(error)) throw error;
    throw explainReadError(fileName, error, staged);
  }
}

/** Removes what loadStage made. */
export async function dropStage(conn: DuckDBConnection): Promise<void> {
  await conn.run(`DROP VIEW IF EXISTS ${STAGE}`);
}

/** What inference looks at: per column, up to 200 distinct values from rows sampled across the file. */
export async function profileColumns(
  conn: DuckDBConnection,
  staged: StagedSource,
): Promise<ColumnProfile[]> {
  if (staged.columns.length === 0) return [];
  const parts = staged.columns.flatMap((c, i) => {
    const cell = `nullif(trim(${quoteIdent(c.name)}), '')`;
    return [
      `list_slice(list(DISTINCT ${cell}) FILTER (WHERE ${cell} IS NOT NULL), 1, ${SAMPLES_PER_COLUMN}) AS "s${i}"`,
      `count(${cell}) AS "n${i}"`,
    ];
  });
  const row = (await queryOne<Record<string, unknown>>(
    conn,
    // A repeatable sample of rows from the whole file: time-ordered exports would otherwise show
    // inference only their first day (and hide whether dates are day- or month-first).
    `SELECT count(*) AS __rows, ${parts.join(', ')} FROM (SELECT * FROM ${STAGE} USING SAMPLE reservoir(${SAMPLE_ROWS} ROWS) REPEATABLE (42))`,
  ))!;
  return staged.columns.map((c, i) => ({
    name: c.name,
    label: c.label,
    importId: c.importId,
    valueLabels: c.valueLabels,
    samples: ((row[`s${i}`] as string[] | null) ?? []).map(String),
    nonEmpty: Number(row[`n${i}`] ?? 0),
    rows: Number(row.__rows ?? 0),
  }));
}
