import { existsSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { CanonicalKind, ColumnMapping } from '../../../shared/imports';
import type { ImportHints } from '../../../shared/importHints';
import { UpstreamError } from '../../../shared/result';
import { inTransaction, queryOne } from '../db/query';
import type { Workspace } from '../workspace/workspace';
import { dropChecked } from './checkedImport';
import { DirectImportMiss } from './directImport';
import { diskFullError, isDiskFull } from './diskFull';
import { sha256OfFile } from './fileHash';
import {
  importStaged,
  MAPPED,
  MAPPED_PLAIN,
  RestageNeeded,
  STAGE_PLAIN,
  type ImportMode,
  type StagedFile,
} from './importStaged';
import { TREE } from './managerTree';
import { PIVOT } from './pivotLong';
import { dropPeople } from './people/stage';
import { cancelled, throwIfCancelled, type ImportControl } from './progress';
import { stageSource } from './readers';
import type { StagedSource } from './readers/types';
import type { MappingSource } from './resolveMapping';
import { startSourceCopy } from './sourceCopy';
import { dropSplit } from './splitImport';
import { dropSurveyDefaults } from './surveyDefaults';
import { dropStage } from './stageTable';
import { keptCopyLimitMbOf } from '../workspace/settings';
import { timed } from '../stepTimes';
export interface ImportRequest {
  /** What the file is; inferred from its columns when absent. */
  kind?: CanonicalKind;
  /** A mapping confirmed by the analyst; otherwise a profile, the canonical names, or inference. */
  mapping?: ColumnMapping;
  /** The analyst's --map and --set, laid over whichever mapping is used. */
  hints?: ImportHints;
  /** Use this saved profile's mapping. */
  profile?: string;
  /** Workbook sheet. */
  sheet?: string;
  /** Save the mapping used under this name, for next quarter's file. */
  saveProfileAs?: string;
  /** Keep a copy of the file in the workspace, or not, whatever its size (a rebuild's choice). */
  keepCopy?: boolean;
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

function importError(file: string, message: string): UpstreamError {
  return new UpstreamError('IMPORT_ERROR', `${file}: ${message}`);
}

/**
 * Imports one file of any supported shape in a single transaction: read (readers/), load into a
 * staging view, map onto canonical columns (mapping/), validate, apply. Every row lands either
 * in the workspace or in quarantine with its row number, column and reason, so read = imported +
 * quarantined. Cancelling, or any failure, leaves the workspace exactly as it was.
 *
 * Most files' rows all pass, so the import first tries to write them in one pass (direct mode);
 * if a row fails, it rolls back and imports again keeping each failing row (checked mode).
 * While DuckDB works, the file is hashed and, when it is within the workspace's limit for kept
 * copies, compressed for the copy the workspace keeps.
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

  // Only a file of the same size as an earlier source can be unchanged: hash it first then.
  let knownSha256: string | undefined;
  if (await sourceOfSize(ws, bytes)) {
    progress('hashing');
    knownSha256 = await sha256OfFile(filePath);
    throwIfCancelled(fileName, control.signal);
    const unchanged = await previousImport(ws, knownSha256, request);
    if (unchanged) return { ...unchanged, file: fileName };
  }

  const keptCopyLimitMb = await keptCopyLimitMbOf(ws.conn);
  const copy = startSourceCopy(filePath, {
    gzip: request.keepCopy ?? bytes <= keptCopyLimitMb * 1024 * 1024,
    ...(knownSha256 ? { knownSha256 } : {}),
  });
  const file: StagedFile = { fileName, bytes, copy, keptCopyLimitMb };
  try {
    let report: ImportReport;
    try {
      report = await importOnce(ws, filePath, file, request, control, 'direct');
    } catch (error) {
      if (control.signal?.aborted) throw cancelled(fileName);
      if (!(
        error instanceof DirectImportMiss ||
        error instanceof RestageNeeded ||
        error instanceof UnscannedFailure
      ))
        throw error;
      report = await importOnce(ws, filePath, file, request, control, 'checked');
    }
    progress('done', { rows: report.rowsRead });
    return report;
  } catch (error) {
    if (isDiskFull(error) && !(error instanceof UpstreamError))
      throw diskFullError(fileName, 'workspace');
    throw error;
  } finally {
    copy.abort();
  }
}

/** An error while the staged text had not been scanned in full: a full staging may avoid it. */
class UnscannedFailure extends Error {}

async function importOnce(
  ws: Workspace,
  filePath: string,
  file: StagedFile,
  request: ImportRequest,
  control: ImportControl,
  mode: ImportMode,
): Promise<ImportReport> {
  const { fileName } = file;
  control.onProgress?.({ file: fileName, phase: 'reading' });
  let staged: StagedSource;
  try {
    staged = await timed('reading the file', () =>
      stageSource(filePath, ws.stagingDir, {
        sheet: request.sheet,
        signal: control.signal,
        deferTextScan: mode === 'direct',
        onProgress: (done, total) =>
          control.onProgress?.({
            file: fileName,
            phase: 'reading',
            fraction: total ? done / total : undefined,
          }),
      }),
    );
  } catch (error) {
    if (control.signal?.aborted) throw cancelled(fileName);
    throw error;
  }
  try {
    return await inTransaction(ws.conn, () =>
      importStaged(ws, staged, file, request, control, mode),
    );
  } catch (error) {
    if (staged.unscannedText && !(error instanceof DirectImportMiss) && !isDiskFull(error))
      throw new UnscannedFailure(String(error), { cause: error });
    throw error;
  } finally {
    rmSync(ws.stagingDir, { recursive: true, force: true });
    // A commit that failed to write (a full disk) leaves DuckDB's instance unusable, and the
    // workspace file as it was before this import: open it again, and the temporaries are gone.
    if (!(await ws.reopenIfLost())) await dropTemporaries(ws);
  }
}

async function dropTemporaries(ws: Workspace): Promise<void> {
  await dropChecked(ws.conn);
  await dropSplit(ws.conn);
  await ws.conn.run(`DROP VIEW IF EXISTS ${MAPPED_PLAIN}`);
  await ws.conn.run(`DROP VIEW IF EXISTS ${STAGE_PLAIN}`);
  await ws.conn.run(`DROP VIEW IF EXISTS ${MAPPED}`);
  await dropSurveyDefaults(ws.conn);
  await ws.conn.run(`DROP VIEW IF EXISTS ${PIVOT}`);
  await ws.conn.run(`DROP TABLE IF EXISTS ${TREE}`);
  await dropPeople(ws.conn);
  await dropStage(ws.conn);
}

async function sourceOfSize(ws: Workspace, bytes: number): Promise<boolean> {
  return (
    (await queryOne(ws.conn, 'SELECT 1 AS found FROM sources WHERE bytes = $bytes LIMIT 1', {
      bytes,
    })) !== undefined
  );
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
    kept: boolean;
  }>(
    ws.conn,
    `SELECT kind, format, mapping_json, profile_name,
       EXISTS (SELECT 1 FROM source_files f WHERE f.source_id = s.source_id) AS kept
     FROM sources s WHERE sha256 = $sha ORDER BY source_id DESC LIMIT 1`,
    { sha: sha256 },
  );
  if (!previous) return null;
  if (request.kind && request.kind !== previous.kind) return null;
  if (request.mapping && JSON.stringify(request.mapping) !== previous.mapping_json) return null;
  if (request.profile && request.profile !== previous.profile_name) return null;
  if (request.hints && !sameHints(request.hints, previous.mapping_json)) return null;
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
    keptCopy: previous.kept,
  };
}

/** Whether the mapping recorded for an earlier import already followed these hints. */
function sameHints(hints: ImportHints, mappingJson: string): boolean {
  try {
    const recorded = JSON.parse(mappingJson) as Partial<ColumnMapping>;
    return (
      Object.entries(hints.set ?? {}).every(([k, v]) => recorded.constants?.[k] === v.trim()) &&
      Object.entries(hints.map ?? {}).every(([k, v]) => recorded.columns?.[k] === v)
    );
  } catch {
    return false;
  }
}
