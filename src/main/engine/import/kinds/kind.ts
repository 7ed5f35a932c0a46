import type { DuckDBConnection } from '@duckdb/node-api';
import type { CanonicalKind, ColumnSpec } from '../canonicalFormats';
import type { RowCheck } from '../columnChecks';

/**
 * What one kind of source adds to the shared import pipeline: columns beyond the canonical ones
 * (a survey's item columns), checks that need the workspace (a unit must exist), and how its
 * valid rows replace what the workspace held.
 * `apply` reads valid rows from the temp table named by `validRows`, typed per its columns.
 */
export interface KindImporter {
  kind: CanonicalKind;
  extraColumns(conn: DuckDBConnection, header: string[]): Promise<ColumnSpec[]>;
  extraChecks(conn: DuckDBConnection, columns: ColumnSpec[]): Promise<RowCheck[]>;
  apply(
    conn: DuckDBConnection,
    validRows: string,
    sourceId: number,
    columns: ColumnSpec[],
  ): Promise<void>;
  /**
   * Checks over the whole file, run once the row checks and key checks are done (checked
   * imports only): marks more rows of the table `checked` as failing, by setting __column,
   * __rule and __reason on rows where __reason is still NULL.
   */
  afterChecks?(conn: DuckDBConnection, checked: string): Promise<void>;
  /** What the import report should say about the rows this source wrote (`sourceId`). */
  warnings?(conn: DuckDBConnection, sourceId: number): Promise<string[]>;
  /** Kinds whose valid rows all go to one table by key can be imported in one pass (directImport.ts). */
  direct?: DirectTarget;
}

export interface DirectTarget {
  table: string;
  /** Canonical key columns, also the table's column names. */
  keys: string[];
  /** INSERT of every row of the relation `rows` (typed canonical columns) into `table`. */
  insertSql(rows: string, sourceId: number): string;
}

export const noExtraColumns = async (): Promise<ColumnSpec[]> => [];
