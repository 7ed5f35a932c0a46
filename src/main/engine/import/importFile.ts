import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { blobValue } from '@duckdb/node-api';
import { UpstreamError } from '../../../shared/result';
import { APP_VERSION } from '../appVersion';
import { inTransaction, queryOne, queryRows, quoteIdent, quoteLiteral } from '../db/query';
import type { Workspace } from '../workspace/workspace';
import { CANONICAL_COLUMNS, type CanonicalKind, type ColumnSpec } from './canonicalFormats';
import { columnChecks, firstFailure, typedCell } from './columnChecks';
import { sha256OfFile } from './fileHash';
import { KIND_IMPORTERS } from './kinds';

export interface ImportReport {
  file: string;
  kind: CanonicalKind;
  sha256: string;
  /** 'unchanged' when this exact file was imported before: nothing was done. */
  status: 'imported' | 'unchanged';
  rowsRead: number;
  rowsImported: number;
  rowsQuarantined: number;
  /** Quarantined rows counted by "column: rule". */
  reasons: Record<string, number>;
  ignoredColumns: string[];
  keptCopy: boolean;
}

export type ImportPhase = 'hashing' | 'reading' | 'validating' | 'writing' | 'done';
export interface ImportOptions {
  onProgress?: (phase: ImportPhase, detail?: string) => void;
}

/** Files above this size are imported without keeping a compressed copy inside the workspace. */
const MAX_KEPT_COPY_BYTES = 256 * 1024 * 1024;

const STAGE = '__stage';
const CHECKED = '__checked';
const VALID = '__valid';

function importError(file: string, message: string): UpstreamError {
  return new UpstreamError('IMPORT_ERROR', `${file}: ${message}`);
}

/**
 * Imports one canonical CSV file in a single transaction. Every row either lands in the
 * workspace or in quarantine with its row number, column and reason; counts always reconcile
 * (read = imported + quarantined). Any failure leaves the workspace exactly as it was.
 */
export async function importFile(
  ws: Workspace,
  kind: CanonicalKind,
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => undefined);
  const fileName = basename(filePath);
  if (!existsSync(filePath)) throw importError(filePath, 'file not found');
  const bytes = statSync(filePath).size;
  if (bytes === 0) throw importError(fileName, 'the file is empty (0 bytes)');

  progress('hashing');
  const sha256 = await sha256OfFile(filePath);
  const previous = await queryOne(
    ws.conn,
    'SELECT source_id FROM sources WHERE sha256 = $sha AND kind = $kind',
    { sha: sha256, kind },
  );
  if (previous) {
    return {
      file: fileName,
      kind,
      sha256,
      status: 'unchanged',
      rowsRead: 0,
      rowsImported: 0,
      rowsQuarantined: 0,
      reasons: {},
      ignoredColumns: [],
      keptCopy: true,
    };
  }

  mkdirSync(ws.stagingDir, { recursive: true });
  const staged = join(ws.stagingDir, `${sha256}.csv`);
  copyFileSync(filePath, staged);
  try {
    const report = await inTransaction(ws.conn, () =>
      importStaged(ws, kind, staged, fileName, sha256, bytes, progress),
    );
    progress('done');
    return report;
  } finally {
    rmSync(staged, { force: true });
    await dropScratch(ws);
  }
}

async function dropScratch(ws: Workspace): Promise<void> {
  for (const table of [VALID, CHECKED, STAGE]) await ws.conn.run(`DROP TABLE IF EXISTS ${table}`);
}

async function importStaged(
  ws: Workspace,
  kind: CanonicalKind,
  staged: string,
  fileName: string,
  sha256: string,
  bytes: number,
  progress: NonNullable<ImportOptions['onProgress']>,
): Promise<ImportReport> {
  const { conn } = ws;
  const importer = KIND_IMPORTERS[kind];
  progress('reading');
  const csv = `read_csv(${quoteLiteral(staged)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', strict_mode = true)`;
  try {
    await conn.run(
      `CREATE TEMP TABLE ${STAGE} AS SELECT (row_number() OVER () + 1)::BIGINT AS __row, * FROM ${csv}`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw importError(fileName, `cannot be read as CSV: ${message}`);
  }

  const header = (await queryRows<{ column_name: string }>(conn, `DESCRIBE ${STAGE}`))
    .map((c) => c.column_name)
    .filter((name) => name !== '__row');
  const canonical = CANONICAL_COLUMNS[kind];
  const missing = canonical
    .filter((c) => c.required && !header.includes(c.name))
    .map((c) => c.name);
  if (missing.length > 0) {
    throw importError(
      fileName,
      `row 1 (the header) lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that a ${kind} file needs. Columns found: ${header.join(', ')}`,
    );
  }
  const columns: ColumnSpec[] = [
    ...canonical.filter((c) => header.includes(c.name) || c.required),
    ...(await importer.extraColumns(conn, header)),
  ];
  const absentOptional = canonical.filter((c) => !header.includes(c.name));
  const ignoredColumns = header.filter((h) => !columns.some((c) => c.name === h));

  const rowsRead = (await queryOne<{ n: number }>(conn, `SELECT count(*) AS n FROM ${STAGE}`))!.n;
  if (rowsRead === 0) throw importError(fileName, 'has a header but no data rows');

  progress('validating', `${rowsRead} rows`);
  const checks = [...columns.flatMap(columnChecks), ...(await importer.extraChecks(conn, columns))];
  const failure = firstFailure(checks);
  const typedColumns = [
    ...columns.map((c) => `${typedCell(c.name, c.type)} AS ${quoteIdent(c.name)}`),
    ...absentOptional.map((c) => `NULL::${c.type} AS ${quoteIdent(c.name)}`),
  ];
  await conn.run(`
    CREATE TEMP TABLE ${CHECKED} AS
    SELECT __row, ${typedColumns.join(', ')},
      ${failure.column} AS __column, ${failure.rule} AS __rule, ${failure.reason} AS __reason,
      to_json(s) AS __raw
    FROM ${STAGE} s`);

  progress('writing');
  const sourceId = (await queryOne<{ id: number }>(
    conn,
    'SELECT coalesce(max(source_id), 0) + 1 AS id FROM sources',
  ))!.id;
  await conn.run(
    `INSERT INTO quarantine SELECT ${sourceId}, ${quoteLiteral(fileName)}, __row, __column, __rule, __reason, CAST(__raw AS VARCHAR)
     FROM ${CHECKED} WHERE __reason IS NOT NULL`,
  );
  await conn.run(`CREATE TEMP TABLE ${VALID} AS SELECT * FROM ${CHECKED} WHERE __reason IS NULL`);
  await importer.apply(conn, VALID, sourceId, columns);

  const reasonRows = await queryRows<{ reason: string; n: number }>(
    conn,
    `SELECT __column || ': ' || __rule AS reason, count(*) AS n FROM ${CHECKED} WHERE __reason IS NOT NULL GROUP BY 1 ORDER BY 2 DESC`,
  );
  const rowsQuarantined = reasonRows.reduce((sum, r) => sum + r.n, 0);
  const rowsImported = rowsRead - rowsQuarantined;
  const keptCopy = bytes <= MAX_KEPT_COPY_BYTES;
  await conn.run(
    `INSERT INTO sources VALUES ($id, $kind, $file, $sha, $bytes, $read, $imported, $quarantined, $columns, now()::TIMESTAMP, $version)`,
    {
      id: sourceId,
      kind,
      file: fileName,
      sha: sha256,
      bytes,
      read: rowsRead,
      imported: rowsImported,
      quarantined: rowsQuarantined,
      columns: JSON.stringify(columns.map((c) => c.name)),
      version: APP_VERSION,
    },
  );
  if (keptCopy) {
    await conn.run('INSERT INTO source_files VALUES ($id, $gzip)', {
      id: sourceId,
      gzip: blobValue(gzipSync(readFileSync(staged))),
    });
  }
  await conn.run("UPDATE meta SET value = $now WHERE key = 'updated_at'", {
    now: new Date().toISOString(),
  });

  return {
    file: fileName,
    kind,
    sha256,
    status: 'imported',
    rowsRead,
    rowsImported,
    rowsQuarantined,
    reasons: Object.fromEntries(reasonRows.map((r) => [r.reason, r.n])),
    ignoredColumns,
    keptCopy,
  };
}
