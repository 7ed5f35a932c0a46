import { existsSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { compressFile } from './compressFile';
import { blobValue } from '@duckdb/node-api';
import type { CanonicalKind, ColumnMapping } from '../../../shared/imports';
import { UpstreamError } from '../../../shared/result';
import { APP_VERSION } from '../appVersion';
import { inTransaction, queryOne, queryRows, quoteIdent, quoteLiteral } from '../db/query';
import type { Workspace } from '../workspace/workspace';
import { mappedColumns } from './applyMapping';
import { CANONICAL_COLUMNS, type ColumnSpec } from './canonicalFormats';
import { addMappedItemsToCatalogue } from './catalogueFromMapping';
import { columnChecks, firstFailure, typedCell, type RowCheck } from './columnChecks';
import { sha256OfFile } from './fileHash';
import { KIND_IMPORTERS } from './kinds';
import { saveProfile } from './profiles';
import { cancelled, runWatched, throwIfCancelled, type ImportControl } from './progress';
import { stageSource } from './readers';
import type { StagedSource } from './readers/types';
import { PIVOT, pivotLongStage } from './pivotLong';
import { catalogueOf, resolveMapping, type MappingSource } from './resolveMapping';
import { refreshDerived } from '../derived/refresh';
import { dropStage, loadStage, profileColumns, readingStage, STAGE } from './stageTable';

export interface ImportRequest {
  /** What the file is; inferred from its columns when absent. */
  kind?: CanonicalKind;
  /** A mapping confirmed by the analyst; otherwise a profile, the canonical names, or inference. */
  mapping?: ColumnMapping;
  /** Use this saved profile's mapping. */
  profile?: string;
  /** Workbook sheet. */
  sheet?: string;
  /** Save the mapping used under this name, for next quarter's file. */
  saveProfileAs?: string;
}

export interface ImportReport {
  file: string;
  kind: CanonicalKind;
  sha256: string;
  /** 'unchanged' when this exact file was imported before: nothing was done. */
  status: 'imported' | 'unchanged';
  format: string;
  encoding: string | null;
  delimiter: string | null;
  headerShape: string;
  sheet: string | null;
  mappingSource: MappingSource | 'previous import';
  profile: string | null;
  kindConfidence: number;
  rowsRead: number;
  rowsImported: number;
  rowsQuarantined: number;
  /** Quarantined rows counted by "column: rule". */
  reasons: Record<string, number>;
  warnings: string[];
  keptCopy: boolean;
}

/** Files above this size are imported without keeping a compressed copy inside the workspace. */
const MAX_KEPT_COPY_BYTES = 256 * 1024 * 1024;
const MAPPED = '__mapped';
const CHECKED = '__checked';
const VALID = '__valid';

function importError(file: string, message: string): UpstreamError {
  return new UpstreamError('IMPORT_ERROR', `${file}: ${message}`);
}

/**
 * Imports one file of any supported shape in a single transaction: read (readers/), load into a
 * staging table, map onto canonical columns (mapping/), validate, apply. Every row lands either
 * in the workspace or in quarantine with its row number, column and reason, so read = imported +
 * quarantined. Cancelling, or any failure, leaves the workspace exactly as it was.
 */
export async function importFile(
  ws: Workspace,
  filePath: string,
  request: ImportRequest = {},
  control: ImportControl = {},
): Promise<ImportReport> {
  const fileName = basename(filePath);
  const progress = (
    phase: Parameters<NonNullable<ImportControl['onProgress']>>[0]['phase'],
    extra = {},
  ) => control.onProgress?.({ file: fileName, phase, ...extra });
  if (!existsSync(filePath) || !statSync(filePath).isFile())
    throw importError(filePath, 'file not found');
  const bytes = statSync(filePath).size;
  if (bytes === 0) throw importError(fileName, 'the file is empty (0 bytes)');

  progress('hashing');
  const sha256 = await sha256OfFile(filePath);
  throwIfCancelled(fileName, control.signal);
  const unchanged = await previousImport(ws, sha256, request);
  if (unchanged) return { ...unchanged, file: fileName };

  progress('reading');
  let staged: StagedSource;
  try {
    staged = await stageSource(filePath, ws.stagingDir, {
      sheet: request.sheet,
      signal: control.signal,
      onProgress: (done, total) =>
        progress('reading', { fraction: total ? done / total : undefined }),
    });
  } catch (error) {
    if (control.signal?.aborted) throw cancelled(fileName);
    throw error;
  }
  try {
    const report = await inTransaction(ws.conn, () =>
      importStaged(ws, staged, { fileName, sha256, bytes, filePath }, request, control),
    );
    progress('done', { rows: report.rowsRead });
    return report;
  } finally {
    rmSync(ws.stagingDir, { recursive: true, force: true });
    await ws.conn.run(`DROP VIEW IF EXISTS ${VALID}`);
    await ws.conn.run(`DROP TABLE IF EXISTS ${CHECKED}`);
    await ws.conn.run(`DROP VIEW IF EXISTS ${MAPPED}`);
    await ws.conn.run(`DROP VIEW IF EXISTS ${PIVOT}`);
    await dropStage(ws.conn);
  }
}

/** The same bytes imported before, with no new mapping asked for: nothing to do. */
async function previousImport(
  ws: Workspace,
  sha256: string,
  request: ImportRequest,
): Promise<ImportReport | null> {
  const previous = await queryOne<{
    kind: CanonicalKind;
    format: string;
    mapping_json: string;
    profile_name: string | null;
  }>(
    ws.conn,
    'SELECT kind, format, mapping_json, profile_name FROM sources WHERE sha256 = $sha ORDER BY source_id DESC LIMIT 1',
    { sha: sha256 },
  );
  if (!previous) return null;
  if (request.kind && request.kind !== previous.kind) return null;
  if (request.mapping && JSON.stringify(request.mapping) !== previous.mapping_json) return null;
  if (request.profile && request.profile !== previous.profile_name) return null;
  return {
    file: '',
    kind: previous.kind,
    sha256,
    status: 'unchanged',
    format: previous.format,
    encoding: null,
    delimiter: null,
    headerShape: 'plain',
    sheet: null,
    mappingSource: 'previous import',
    profile: previous.profile_name,
    kindConfidence: 1,
    rowsRead: 0,
    rowsImported: 0,
    rowsQuarantined: 0,
    reasons: {},
    warnings: [],
    keptCopy: true,
  };
}

async function importStaged(
  ws: Workspace,
  staged: StagedSource,
  file: { fileName: string; sha256: string; bytes: number; filePath: string },
  request: ImportRequest,
  control: ImportControl,
): Promise<ImportReport> {
  const { conn } = ws;
  const { fileName } = file;
  if (!(await loadStage(conn, staged, fileName, control))) {
    throw importError(fileName, 'has a header but no data rows');
  }

  control.onProgress?.({ file: fileName, phase: 'mapping' });
  const resolved = await resolveMapping(
    conn,
    fileName,
    staged,
    () => readingStage(fileName, staged, control, () => profileColumns(conn, staged)),
    request,
  );
  let { mapping } = resolved;
  const kind = mapping.kind;
  const longColumns = mapping.long
    ? Object.values(mapping.long).filter((c): c is string => typeof c === 'string')
    : [];
  const missingSources = [
    ...Object.values(mapping.columns),
    ...mapping.items.map((i) => i.column),
    ...longColumns,
  ].filter((c) => !staged.columns.some((s) => s.name === c));
  if (missingSources.length > 0) {
    throw importError(
      fileName,
      `the mapping names column${missingSources.length > 1 ? 's' : ''} the file does not have: ${missingSources.join(', ')}`,
    );
  }

  const sourceId = (await queryOne<{ id: number }>(
    conn,
    'SELECT coalesce(max(source_id), 0) + 1 AS id FROM sources',
  ))!.id;
  let stage = STAGE;
  if (kind === 'survey_responses' && mapping.long) {
    const pivoted = await readingStage(fileName, staged, control, async () =>
      pivotLongStage(conn, STAGE, mapping, await catalogueOf(conn), fileName),
    );
    stage = pivoted.stage;
    mapping = pivoted.mapping;
    resolved.problems.push(pivoted.warning);
  }
  if (kind === 'survey_responses') await addMappedItemsToCatalogue(conn, mapping, sourceId);

  const mapped = mappedColumns(mapping, stage, fileName);
  const canonical = CANONICAL_COLUMNS[kind];
  const missing = canonical
    .filter((c) => c.required && !mapped.names.includes(c.name))
    .map((c) => c.name);
  if (missing.length > 0) {
    const found = staged.columns.map((c) => c.name).join(', ');
    throw importError(
      fileName,
      resolved.source === 'canonical' || resolved.source === 'inferred'
        ? `row ${staged.firstDataRow - 1} (the header) lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that a ${kind} file needs, and no column could be matched to ${missing.length > 1 ? 'them' : 'it'}. Columns found: ${found}`
        : `the mapping gives no column for ${missing.join(', ')}, which a ${kind} file needs. Columns found: ${found}`,
    );
  }
  await conn.run(
    `CREATE TEMP VIEW ${MAPPED} AS SELECT ${stage}.__row, ${mapped.select.join(', ')} FROM ${stage}`,
  );

  const importer = KIND_IMPORTERS[kind];
  const columns: ColumnSpec[] = [
    ...canonical.filter((c) => mapped.names.includes(c.name)),
    ...(await importer.extraColumns(conn, mapped.names)),
  ];
  const absentOptional = canonical.filter((c) => !mapped.names.includes(c.name));
  const allChecks = [
    ...columns.flatMap(columnChecks),
    ...(await importer.extraChecks(conn, columns)),
  ];
  const failure = firstFailure(
    allChecks.filter((c) => !c.uniqueColumns),
    '__fail',
  );
  const typed = (c: ColumnSpec) => quoteIdent(`__typed_${c.name}`);
  control.onProgress?.({ file: fileName, phase: 'validating' });
  // Inner: each cell cast once and the checks run once; outer: canonical names, reasons for failures only.
  await readingStage(fileName, staged, control, () =>
    runWatched(
      conn,
      `CREATE TEMP TABLE ${CHECKED} AS
     SELECT __row,
       ${[
         ...columns.map((c) => `${typed(c)} AS ${quoteIdent(c.name)}`),
         ...absentOptional.map((c) => `NULL::${c.type} AS ${quoteIdent(c.name)}`),
       ].join(', ')},
       ${failure.column} AS __column, ${failure.rule} AS __rule, ${failure.reason} AS __reason
     FROM (
       SELECT m.*, ${columns.map((c) => `${typedCell(c.name, c.type)} AS ${typed(c)}`).join(', ')},
         ${failure.index} AS __fail
       FROM ${MAPPED} m)`,
      fileName,
      'validating',
      control,
    ),
  );

  const rowsRead = (await queryOne<{ n: number }>(conn, `SELECT count(*) AS n FROM ${CHECKED}`))!.n;
  for (const check of allChecks.filter((c) => c.uniqueColumns)) {
    await markDuplicates(conn, check);
  }
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
       FROM ${CHECKED} c JOIN ${STAGE} s USING (__row) WHERE c.__reason IS NOT NULL`,
      fileName,
      'writing',
      control,
    );
  }
  await conn.run(`CREATE TEMP VIEW ${VALID} AS SELECT * FROM ${CHECKED} WHERE __reason IS NULL`);
  await importer.apply(conn, VALID, sourceId, columns);
  await refreshDerived(conn, kind);
  throwIfCancelled(fileName, control.signal);

  const rowsImported = rowsRead - rowsQuarantined;
  const keptCopy = file.bytes <= MAX_KEPT_COPY_BYTES;
  const details = {
    encoding: staged.encoding ?? null,
    delimiter: staged.delimiter ?? null,
    headerShape: staged.headerShape,
    sheet: staged.sheet ?? null,
    sheets: staged.sheets ?? null,
    warnings: [...staged.warnings, ...resolved.problems],
  };
  await conn.run(
    `INSERT INTO sources VALUES ($id, $kind, $file, $sha, $bytes, $read, $imported, $quarantined, $columns,
       $format, $details, $mapping, $profile, now()::TIMESTAMP, $version)`,
    {
      id: sourceId,
      kind,
      file: fileName,
      sha: file.sha256,
      bytes: file.bytes,
      read: rowsRead,
      imported: rowsImported,
      quarantined: rowsQuarantined,
      columns: JSON.stringify(staged.columns.map((c) => c.name)),
      format: staged.format,
      details: JSON.stringify(details),
      // The mapping as the analyst confirmed it (long form stays long), so a rebuild repeats it.
      mapping: JSON.stringify(resolved.mapping),
      profile: resolved.profile ?? request.saveProfileAs ?? null,
      version: APP_VERSION,
    },
  );
  if (keptCopy) {
    await conn.run('INSERT INTO source_files VALUES ($id, $gzip)', {
      id: sourceId,
      gzip: blobValue(await compressFile(file.filePath)),
    });
  }
  if (request.saveProfileAs)
    await saveProfile(
      conn,
      request.saveProfileAs,
      staged.columns.map((c) => c.name),
      resolved.mapping,
    );
  await conn.run("UPDATE meta SET value = $now WHERE key = 'updated_at'", {
    now: new Date().toISOString(),
  });

  return {
    file: fileName,
    kind,
    sha256: file.sha256,
    status: 'imported',
    format: staged.format,
    encoding: details.encoding,
    delimiter: details.delimiter,
    headerShape: staged.headerShape,
    sheet: details.sheet,
    mappingSource: resolved.source,
    profile: resolved.profile ?? request.saveProfileAs ?? null,
    kindConfidence: resolved.kindConfidence,
    rowsRead,
    rowsImported,
    rowsQuarantined,
    reasons: Object.fromEntries(reasonRows.map((r) => [r.reason, r.n])),
    warnings: details.warnings,
    keptCopy,
  };
}

/**
 * Marks rows whose key repeats a row earlier in the file, among rows that passed every other
 * check. Runs on the typed, materialised rows (no second parse of the file) and sorts only when
 * some key repeats at all.
 */
async function markDuplicates(conn: Workspace['conn'], check: RowCheck): Promise<void> {
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
