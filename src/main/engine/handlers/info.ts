import { queryRows } from '../db/query';
import type { Handler } from './context';

const COUNTED_TABLES = [
  'org_units',
  'survey_items',
  'survey_respondents',
  'survey_answers',
  'survey_comments',
  'customer_feedback',
  'unit_mapping',
  'contact_interactions',
  'recognition_events',
  'hr_metrics',
  'quarantine',
] as const;

export const info: Handler<'info'> = async (_input, { ws }) => {
  const { conn } = ws;
  const meta = Object.fromEntries(
    (await queryRows<{ key: string; value: string }>(conn, 'SELECT key, value FROM meta')).map(
      (r) => [r.key, r.value],
    ),
  );
  const sources = await queryRows<{
    id: number;
    kind: string;
    fileName: string;
    sha256: string;
    rowsRead: number;
    rowsImported: number;
    rowsQuarantined: number;
    importedAt: string;
  }>(
    conn,
    `SELECT source_id AS id, kind, file_name AS "fileName", sha256, rows_read AS "rowsRead",
       rows_imported AS "rowsImported", rows_quarantined AS "rowsQuarantined", CAST(imported_at AS VARCHAR) AS "importedAt"
     FROM sources ORDER BY source_id`,
  );
  const periods = await queryRows<{
    id: string;
    start: string;
    end: string;
    surveyResponses: number;
    customerResponses: number;
  }>(
    conn,
    `WITH s AS (SELECT period, count(*) AS n FROM respondent_scores GROUP BY period),
          c AS (SELECT period, sum(responses) AS n FROM customer_code_stats GROUP BY period),
          h AS (SELECT DISTINCT period FROM hr_metrics),
          p AS (SELECT period FROM s UNION SELECT period FROM c UNION SELECT period FROM h)
     SELECT p.period AS id, CAST(period_start(p.period) AS VARCHAR) AS start,
       CAST(period_start(p.period) + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE)::VARCHAR AS "end",
       coalesce(s.n, 0) AS "surveyResponses", coalesce(c.n, 0) AS "customerResponses"
     FROM p LEFT JOIN s USING (period) LEFT JOIN c USING (period) ORDER BY p.period`,
  );
  const tables = await queryRows<{ name: string; rows: number }>(
    conn,
    COUNTED_TABLES.map((t) => `SELECT '${t}' AS name, count(*) AS rows FROM ${t}`).join(
      ' UNION ALL ',
    ),
  );
  const unmapped = await queryRows<{ n: number }>(
    conn,
    'SELECT count(DISTINCT cx_code) AS n FROM customer_code_stats WHERE cx_code NOT IN (SELECT cx_code FROM unit_mapping)',
  );
  return {
    workspace: {
      path: ws.path,
      schemaVersion: Number(meta.schema_version),
      createdAt: meta.created_at ?? '',
      updatedAt: meta.updated_at ?? '',
      minGroupSize: await ws.minGroupSize(),
    },
    sources,
    periods,
    tables: COUNTED_TABLES.map((name) => ({
      name,
      rows: tables.find((t) => t.name === name)?.rows ?? 0,
    })),
    unmappedCustomerCodes: unmapped[0]?.n ?? 0,
  };
};
