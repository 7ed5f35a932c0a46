import type { DuckDBConnection } from '@duckdb/node-api';
import { METRICS } from '../../../shared/metrics';
import { queryOne, queryRows } from '../db/query';
import { metricIdOf } from './kinds/preaggregatedMetrics';

export interface QuarantinedRow {
  sourceId: number;
  file: string;
  kind: string;
  row: number;
  column: string | null;
  rule: string;
  reason: string;
  /**
   * The row as the file had it; for survey responses only the failing cell (answers are
   * personal); for pre-aggregated employee figures only which figure it is and the failing cell.
   */
  values: Record<string, unknown>;
}

/** Canonical column -> the file's column, from a recorded mapping; none when it cannot be read. */
function sourceColumnsOf(mappingJson: string): Record<string, string> {
  try {
    return (JSON.parse(mappingJson) as { columns?: Record<string, string> }).columns ?? {};
  } catch {
    // No readable mapping: the canonical names stand for themselves.
    return {};
  }
}

/**
 * A pre-aggregated row's cells that may be shown: all of them for customer and contact-centre
 * figures (customers are not the protected party); for employee figures (survey, HR, and names
 * that stand for no known metric) only the unit, period and metric and the failing cell, since
 * a value or n the confidentiality rules never judged must not leave the engine.
 */
function preaggregatedValues(
  raw: Record<string, unknown>,
  column: string | null,
  mappingJson: string,
): Record<string, unknown> {
  const columns = sourceColumnsOf(mappingJson);
  const source = (name: string) => columns[name] ?? name;
  const metric = raw[source('metric')];
  const id = typeof metric === 'string' ? metricIdOf(metric) : null;
  if (id !== null && (METRICS[id].source === 'customer' || METRICS[id].source === 'contact_centre'))
    return raw;
  const shown = new Set(['unit_id', 'period', 'metric', ...(column ? [column] : [])].map(source));
  return Object.fromEntries(Object.entries(raw).filter(([key]) => shown.has(key)));
}

/**
 * A people roster's row (stored without ids or names, see import/people/stage.ts) shows only
 * its unit and the failing cell: the rest (dates, status, absence) are one person's records.
 */
function peopleValues(
  raw: Record<string, unknown>,
  column: string | null,
  mappingJson: string,
): Record<string, unknown> {
  const columns = sourceColumnsOf(mappingJson);
  const shown = new Set(['unit_id', ...(column ? [column] : [])].map((c) => columns[c] ?? c));
  return Object.fromEntries(Object.entries(raw).filter(([key]) => shown.has(key)));
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
    mapping_json: string;
  }>(
    conn,
    `SELECT q.source_id, q.file_name, s.kind, q.row_number, q.column_name, q.rule, q.reason, q.raw_json,
       s.mapping_json
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
          : r.kind === 'preaggregated'
            ? preaggregatedValues(raw, r.column_name, r.mapping_json)
            : r.kind === 'people'
              ? peopleValues(raw, r.column_name, r.mapping_json)
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
