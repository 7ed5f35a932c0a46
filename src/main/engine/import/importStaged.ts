import type { ColumnMapping } from '../../../shared/imports';
import { UpstreamError } from '../../../shared/result';
import { queryOne } from '../db/query';
import { refreshDerived } from '../derived/refresh';
import { timed } from '../stepTimes';
import type { Workspace } from '../workspace/workspace';
import { idsFromRowNumbers, mappedColumns } from './applyMapping';
import { CANONICAL_COLUMNS, type ColumnSpec } from './canonicalFormats';
import { addMappedItemsToCatalogue } from './catalogueFromMapping';
import { checkedImport, type RowCounts } from './checkedImport';
import { columnChecks } from './columnChecks';
import { directImport } from './directImport';
import { hintFlags } from './hints';
import { refusalHint } from './refusalHint';
import type { ImportReport, ImportRequest } from './importFile';
import { KIND_IMPORTERS } from './kinds';
import { mappedSources } from './mapping';
import type { DirectTarget, KindImporter } from './kinds/kind';
import { managerTreeStage, TREE } from './managerTree';
import { pivotLongStage } from './pivotLong';
import { PEOPLE, PEOPLE_RAW, peopleStage } from './people/stage';
import { throwIfCancelled, type ImportControl } from './progress';
import { confirmStagedText } from './readers';
import type { StagedSource } from './readers/types';
import { recordSource } from './recordSource';
import { catalogueOf, resolveMapping } from './resolveMapping';
import { validationPlan } from './rowValidation';
import type { SourceCopy } from './sourceCopy';
import { sizeText } from './fileSize';
import { splitImport } from './splitImport';
import { surveyDefaultsStage } from './surveyDefaults';
import { typedDirectRows } from './typedDirect';
import {
  createStageView,
  dropStage,
  loadStage,
  profileColumns,
  readingStage,
  STAGE,
} from './stageTable';

export const MAPPED = '__mapped';
export const MAPPED_PLAIN = '__mapped_plain';
export const STAGE_PLAIN = '__stage_plain';

export interface StagedFile {
  fileName: string;
  bytes: number;
  copy: SourceCopy;
  /** Files up to this many MB are copied into the workspace (settings). */
  keptCopyLimitMb: number;
}

/**
 * `direct`: try the one-pass import (directImport.ts) and throw DirectImportMiss if any row
 * fails; `checked`: keep failing rows in quarantine (checkedImport.ts). A file the one-pass
 * import cannot take at all (a survey, a hierarchy, ids made from row numbers) is checked.
 */
export type ImportMode = 'direct' | 'checked';

/** Thrown when a file staged without its full scan turns out to need a full staging. */
export class RestageNeeded extends Error {}

/** Survey item columns know the file's column they come from, so reasons can name it. */
function withItemSources(columns: ColumnSpec[], mapping: ColumnMapping): ColumnSpec[] {
  return columns.map((c) => {
    const item = mapping.items.find((i) => i.itemId === c.name);
    return item && item.column !== item.itemId ? { ...c, source: item.column } : c;
  });
}

function importError(file: string, message: string): UpstreamError {
  return new UpstreamError('IMPORT_ERROR', `${file}: ${message}`);
}

/** A kind's own refusal (it does not know the file's name) names the file, as every error does. */
async function namedAfter<T>(file: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UpstreamError && !error.message.startsWith(`${file}: `))
      throw new UpstreamError(error.code, `${file}: ${error.message}`, { hint: error.hint });
    throw error;
  }
}

/**
 * Inside the caller's transaction: maps the staged rows onto the canonical columns (mapping/),
 * validates them, writes them through the kind's importer, refreshes derived tables and records
 * the source. Every row lands either in the workspace or in quarantine, so read = imported +
 * quarantined.
 */
export async function importStaged(
  ws: Workspace,
  staged: StagedSource,
  file: StagedFile,
  request: ImportRequest,
  control: ImportControl,
  mode: ImportMode,
): Promise<ImportReport> {
  const { conn } = ws;
  const { fileName } = file;
  const read = <T>(work: () => Promise<T>) => readingStage(fileName, staged, control, work);
  const noRows = () => importError(fileName, 'has a header but no data rows');
  // The one-pass import counts the rows it writes: no need to read one first.
  const checked = mode === 'checked';
  const load = (numbered: boolean) =>
    timed('loading the staged rows', () =>
      loadStage(conn, staged, fileName, control, { numbered, probe: numbered }),
    );
  if (!(await load(checked))) throw noRows();

  control.onProgress?.({ file: fileName, phase: 'mapping' });
  const resolved = await timed('mapping', () =>
    resolveMapping(conn, fileName, staged, () => read(() => profileColumns(conn, staged)), request),
  );
  let { mapping } = resolved;
  if (resolved.hinted) resolved.problems.push(`hints: ${hintFlags(request.hints).join(' ')}`);
  const kind = mapping.kind;
  assertColumnsExist(fileName, mapping, staged);
  const importer = KIND_IMPORTERS[kind];
  const direct = mode === 'direct' ? directTarget(importer, mapping) : null;
  if (mode === 'direct' && !direct) {
    // Row numbers are needed after all: only exact ones will do.
    if (!(await confirmStagedText(staged, fileName, control.signal))) throw new RestageNeeded();
    delete staged.unscannedText;
    await dropStage(conn);
    if (!(await load(true))) throw noRows();
  }

  const sourceId = (await queryOne<{ id: number }>(
    conn,
    'SELECT coalesce(max(source_id), 0) + 1 AS id FROM sources',
  ))!.id;
  let stage = STAGE;
  if (kind === 'survey_responses' && mapping.long) {
    const pivoted = await read(async () =>
      pivotLongStage(conn, STAGE, mapping, await catalogueOf(conn), fileName),
    );
    stage = pivoted.stage;
    mapping = pivoted.mapping;
    resolved.problems.push(pivoted.warning);
  }
  if (kind === 'org_units' && mapping.managerTree) {
    const tree = await read(() => managerTreeStage(conn, STAGE, mapping));
    stage = tree.stage;
    mapping = tree.mapping;
    resolved.problems.push(...tree.warnings);
  }
  if (kind === 'people') {
    // Only the columns the figures need go on; the people's ids and names stay in the file.
    const people = await read(() => peopleStage(conn, STAGE, mapping, fileName));
    stage = people.stage;
    mapping = people.mapping;
    resolved.problems.push(...people.warnings);
  }
  if (kind === 'survey_responses') {
    const defaults = await read(() =>
      surveyDefaultsStage(conn, stage, mapping, {
        fileName,
        sourceId,
        sha256: async () => (await file.copy.result).sha256,
        columnNames: staged.columns.map((c) => c.originalName ?? c.name),
      }),
    );
    stage = defaults.stage;
    mapping = defaults.mapping;
    // The import's own account of a default replaces the preview's (the same words, with facts).
    const lead = (text: string) => text.split(':')[0];
    const restated = new Set(defaults.warnings.map(lead));
    resolved.problems = resolved.problems.filter((p) => !restated.has(lead(p)));
    resolved.problems.push(...defaults.warnings);
    await addMappedItemsToCatalogue(conn, mapping, sourceId);
  }

  const mapped = mappedColumns(mapping, stage, fileName);
  const canonical = CANONICAL_COLUMNS[kind];
  const missing = canonical
    .filter((c) => c.required && !mapped.names.includes(c.name))
    .map((c) => c.name);
  if (missing.length > 0) {
    const found = staged.columns.map((c) => c.name).join(', ');
    const hint = refusalHint(
      mapping,
      canonical.filter((c) => missing.includes(c.name)),
      await read(() => profileColumns(conn, staged)),
      { kindGiven: request.kind !== undefined || request.mapping !== undefined },
    );
    throw new UpstreamError(
      'IMPORT_ERROR',
      `${fileName}: ${
        resolved.source === 'canonical' || resolved.source === 'inferred'
          ? `row ${staged.firstDataRow - 1} (the header) lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that a ${kind} file needs, and no column could be matched to ${missing.length > 1 ? 'them' : 'it'}. Columns found: ${found}`
          : `the mapping gives no column for ${missing.join(', ')}, which a ${kind} file needs. Columns found: ${found}`
      }. Say which column holds ${missing.length > 1 ? 'each' : 'it'}, or give one value for the whole file, e.g. ${hint.join(' ')}`,
      { hint },
    );
  }
  const target = directTarget(importer, mapping);
  const split = mode === 'checked' && target !== null;
  // A split import reads the rows twice: numbered, with each staged row kept for quarantine,
  // and plain.
  const numbered = direct ? [] : [`${stage}.__row`, ...(split ? [`${stage} AS __source`] : [])];
  await conn.run(
    `CREATE TEMP VIEW ${MAPPED} AS SELECT ${[...numbered, ...mapped.select].join(', ')} FROM ${stage}`,
  );
  if (split) {
    await createStageView(conn, STAGE_PLAIN, staged, false);
    const plain = mappedColumns(mapping, STAGE_PLAIN, fileName);
    await conn.run(
      `CREATE TEMP VIEW ${MAPPED_PLAIN} AS SELECT ${plain.select.join(', ')} FROM ${STAGE_PLAIN}`,
    );
  }

  const columns: ColumnSpec[] = [
    ...canonical.filter((c) => mapped.names.includes(c.name)),
    ...withItemSources(
      await namedAfter(fileName, importer.extraColumns(conn, mapped.names)),
      mapping,
    ),
  ];
  const kindChecks = await importer.extraChecks(conn, columns);
  const plan = validationPlan(
    columns,
    canonical.filter((c) => !mapped.names.includes(c.name)),
    [...columns.flatMap(columnChecks), ...kindChecks],
  );
  let counts: RowCounts;
  if (direct) {
    const rows = await timed('validating and writing rows (one pass)', () =>
      directImport(
        conn,
        { mapped: MAPPED, typed: typedDirectRows(staged, mapping, plan, kindChecks) },
        plan,
        direct,
        { fileName, sourceId },
        control,
      ),
    );
    if (rows === 0) throw noRows();
    counts = { rowsRead: rows, rowsQuarantined: 0, reasons: {} };
  } else if (split) {
    counts = await timed('validating and writing rows (split)', () =>
      read(() =>
        splitImport(
          conn,
          { plainRows: MAPPED_PLAIN, numberedRows: MAPPED },
          plan,
          target,
          { fileName, sourceId },
          control,
        ),
      ),
    );
  } else {
    counts = await checkedImport(
      conn,
      MAPPED,
      plan,
      importer,
      // A tree's units are kept as units: the people rows hold e-mails.
      {
        fileName,
        sourceId,
        read,
        rawRows: stage === TREE ? TREE : stage === PEOPLE ? PEOPLE_RAW : STAGE,
      },
      control,
    );
  }
  await timed('derived tables', () => refreshDerived(conn, kind));
  const kindWarnings = (await importer.warnings?.(conn, sourceId)) ?? [];
  throwIfCancelled(fileName, control.signal);

  const copied = await timed('waiting for the hash and kept copy', () => file.copy.result);
  const { sha256 } = copied;
  // A file of people and their managers lists e-mails, which the workspace never keeps.
  // A roster (people kind) lists employee ids and often names: no copy either.
  const roster = kind === 'people';
  const peopleFile = resolved.mapping.managerTree !== undefined || roster;
  const gzip = peopleFile ? null : copied.gzip;
  const rowsImported = counts.rowsRead - counts.rowsQuarantined;
  const details = {
    encoding: staged.encoding ?? null,
    delimiter: staged.delimiter ?? null,
    headerShape: staged.headerShape,
    sheet: staged.sheet ?? null,
    sheets: staged.sheets ?? null,
    warnings: [
      ...staged.warnings,
      ...resolved.problems,
      ...kindWarnings,
      ...(gzip === null ? [notKeptWarning(file, peopleFile, roster)] : []),
    ],
  };
  const profile = resolved.profile ?? request.saveProfileAs ?? null;
  await timed('recording the source', () =>
    recordSource(conn, {
      sourceId,
      kind,
      fileName,
      sha256,
      bytes: file.bytes,
      counts: { ...counts, rowsImported },
      staged,
      details,
      mapping: resolved.mapping,
      profile,
      gzip,
      ...(request.saveProfileAs ? { saveProfileAs: request.saveProfileAs } : {}),
    }),
  );

  return {
    file: fileName,
    kind,
    sha256,
    status: 'imported',
    format: staged.format,
    encoding: details.encoding,
    delimiter: details.delimiter,
    headerShape: staged.headerShape,
    sheet: details.sheet,
    mappingSource: resolved.source,
    profile,
    kindConfidence: resolved.kindConfidence,
    rowsRead: counts.rowsRead,
    rowsImported,
    rowsQuarantined: counts.rowsQuarantined,
    reasons: counts.reasons,
    warnings: details.warnings,
    keptCopy: gzip !== null,
  };
}

function notKeptWarning(file: StagedFile, peopleFile: boolean, roster = false): string {
  const size = sizeText(file.bytes);
  const rebuild = 'keep the file itself to rebuild the workspace later.';
  if (roster)
    return `no copy of this file is kept in the workspace: it lists employees, whose identifiers Upstream never stores; ${rebuild}`;
  if (peopleFile)
    return `no copy of this file is kept in the workspace: it lists people's e-mails, which Upstream never stores; ${rebuild}`;
  if (file.keptCopyLimitMb === 0)
    return `no copy of this ${size} file is kept in the workspace (the workspace settings keep none): ${rebuild}`;
  if (file.bytes > file.keptCopyLimitMb * 1024 * 1024)
    return `no copy of this ${size} file is kept in the workspace (it keeps files up to ${file.keptCopyLimitMb} MB; see the workspace settings): ${rebuild}`;
  return `no copy of this ${size} file is kept in the workspace (the workspace it was rebuilt from kept none): ${rebuild}`;
}

/** The one-pass target, when this kind and mapping allow one. */
function directTarget(importer: KindImporter, mapping: ColumnMapping): DirectTarget | null {
  if (!importer.direct || mapping.long || idsFromRowNumbers(mapping)) return null;
  return importer.direct;
}

function assertColumnsExist(fileName: string, mapping: ColumnMapping, staged: StagedSource): void {
  const missingSources = mappedSources(mapping).filter(
    (c) => !staged.columns.some((s) => s.name === c),
  );
  if (missingSources.length > 0) {
    throw importError(
      fileName,
      `the mapping names column${missingSources.length > 1 ? 's' : ''} the file does not have: ${[...new Set(missingSources)].join(', ')}`,
    );
  }
}
