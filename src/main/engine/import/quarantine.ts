import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne, queryRows } from '../db/query';

export interface QuarantinedRow {
  sourceId: number;
  file: string;
  kind: string;
  row: number;
  column: string | null;
  rule: string;
  reason: string;
  /** The row as the file had it; for survey responses only the failing cell (answers are personal). */
  values: Record<string, unknown>;
}

/** Rows kept out of an import, with their reasons, newest import first. */
export async function listQuarantine(
  conn: DuckDBConnection,
  options: { sourceId?: number; limit: number; offset: number },
): Promise<{ total: number; rows: QuarantinedRow[] }> {
  const where = options.sourceId === undefined ? 'true' : 'q.source_id = $source';
  const params: Record<string, number> =
    options.sourceId === undefined ? {} : { source: options.sourceId };
  const total = (await queryOne<{ n: number }>(
    conn,
    `SELECT count(*) AS n FROM quarantine q WHERE ${where}`,
    params,
  ))!.n;
  const rows = await queryRows<{
    source_id: number;
    file_name: string;
    kind: string;
    row_number: number;
    column_name: string | null;
    rule: string;
    reason: string;
    raw_json: string;
  }>(
    conn,
    `SELECT q.source_id, q.file_name, s.kind, q.row_number, q.column_name, q.rule, q.reason, q.raw_json
     FROM quarantine q JOIN sources s USING (source_id) WHERE ${where}
     ORDER BY q.source_id DESC, q.row_number LIMIT ${Math.trunc(options.limit)} OFFSET ${Math.trunc(options.offset)}`,
    params,
  );
  return {
    total,
    rows: rows.map((r) => {
      const raw = JSON.parse(r.raw_json) as Record<string, unknown>;
      delete raw.__row;
      const values =
        r.kind === 'survey_responses'
          ? Object.fromEntries(Object.entries(raw).filter(([key]) => key === r.column_name))
          : raw;
      return {
        sourceId: r.source_id,
        file: r.file_name,
        kind: r.kind,
        row: r.row_number,
        column: r.column_name,
        rule: r.rule,
        reason: r.reason,
        values,
      };
    }),
  };
}
