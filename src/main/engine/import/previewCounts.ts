import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne } from '../db/query';
import { rawCell } from './columnChecks';
import type { StagedSource } from './readers/types';
import { readingStage, STAGE } from './stageTable';

export interface ColumnCounts {
  rows: number;
  /** Per column, in the staged order: non-empty cells and distinct non-empty values. */
  columns: { nonEmpty: number; distinct: number; distinctExact: boolean }[];
}

/**
 * Rows, non-empty cells and distinct values per column, over the whole file in one pass. A column
 * with many values in the sample (`exact` false: ids, timestamps, comments) gets DuckDB's
 * HyperLogLog estimate, within a few per cent, so that no hash table of millions of values is built.
 */
export async function countColumns(
  conn: DuckDBConnection,
  staged: StagedSource,
  fileName: string,
  exact: readonly boolean[],
): Promise<ColumnCounts> {
  const parts = staged.columns.flatMap((c, i) => [
    `count(${rawCell(c.name)}) AS "n${i}"`,
    exact[i]
      ? `count(DISTINCT ${rawCell(c.name)}) AS "d${i}"`
      : `approx_count_distinct(${rawCell(c.name)}) AS "d${i}"`,
  ]);
  const row = await readingStage(fileName, staged, {}, () =>
    queryOne<Record<string, unknown>>(
      conn,
      `SELECT ${['count(*) AS __rows', ...parts].join(', ')} FROM ${STAGE}`,
    ),
  );
  return {
    rows: Number(row?.__rows ?? 0),
    columns: staged.columns.map((_, i) => ({
      nonEmpty: Number(row?.[`n${i}`] ?? 0),
      distinct: Number(row?.[`d${i}`] ?? 0),
      distinctExact: exact[i] ?? false,
    })),
  };
}
