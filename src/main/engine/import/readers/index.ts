import { mkdir, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { UpstreamError } from '../../../../shared/result';
import { readHead, type ReaderContext, type ReaderResult } from './context';
import { stageDelimited, notText } from './delimitedReader';
import { containerOf, detectFormat } from './detectFormat';
import { diskFullError, isDiskFull } from '../diskFull';
import { folderNotWritable, isNotWritable } from '../folderNotWritable';
import { importError } from './errors';
import { stageJson } from './jsonReader';
import { stageParquet } from './parquetReader';
import type { ReadOptions, SourceFormat, StagedSource } from './types';

export { detectFormat } from './detectFormat';
export { confirmStagedText } from './delimitedReader';
export { explainReadError, withRejects } from './readErrors';
export type * from './types';

const HEAD_BYTES = 64 * 1024;

const EXTENSION_FORMATS: Record<string, SourceFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.tab': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xls': 'xls',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.sav': 'sav',
  '.zsav': 'sav',
};

const FORMAT_NAMES: Record<SourceFormat, string> = {
  csv: 'delimited text (CSV/TSV)',
  xlsx: 'an Excel workbook',
  xls: 'a legacy Excel 97-2003 workbook',
  parquet: 'a Parquet file',
  jsonl: 'JSON',
  sav: 'an SPSS .sav file',
};

/**
 * Copies or converts any supported export into `stagingDir` and says how DuckDB reads it: a
 * table expression over files inside `stagingDir` only, every column VARCHAR, rows in file order.
 * Throws UpstreamError('IMPORT_ERROR', '<file name>: ...') for anything it cannot read.
 */
export async function stageSource(
  filePath: string,
  stagingDir: string,
  options: ReadOptions = {},
): Promise<StagedSource> {
  const fileName = basename(filePath);
  const ctx: ReaderContext = { filePath, fileName, stagingDir, size: 0, options, files: [] };
  try {
    const info = await stat(filePath).catch(() => {
      throw importError(fileName, `file not found (${filePath}).`);
    });
    if (!info.isFile())
      throw importError(fileName, 'is not a file (a folder?): choose a data file.');
    ctx.size = info.size;
    if (info.size === 0) throw importError(fileName, 'the file is empty (0 bytes).');
    await mkdir(stagingDir, { recursive: true }).catch((error: unknown) => {
      throw isNotWritable(error) ? folderNotWritable(fileName, dirname(stagingDir)) : error;
    });
    const head = await readHead(filePath, HEAD_BYTES);
    const format = detectFormat(head, fileName);
    const expected = EXTENSION_FORMATS[extname(fileName).toLowerCase()];
    if (format === null) throw unreadable(fileName, head, expected);
    const staged = await stageByFormat(ctx, format, head);
    // The reader knows best what a workbook is (.xlsx, or a legacy .xls inside an OLE file).
    const found = staged.format;
    if (expected && expected !== found)
      staged.warnings.unshift(
        `the file is named ${extname(fileName)} but holds ${FORMAT_NAMES[found]}: read as ${FORMAT_NAMES[found]}.`,
      );
    return { ...staged, files: [...ctx.files] };
  } catch (error) {
    await Promise.all(ctx.files.map((f) => rm(f, { force: true }).catch(() => undefined)));
    // The folder too, when this read made it and nothing else is in it.
    await rmdir(stagingDir).catch(() => undefined);
    if (error instanceof UpstreamError) throw error;
    if (isDiskFull(error)) throw diskFullError(fileName, 'staging');
    const message = error instanceof Error ? error.message : String(error);
    throw importError(fileName, `could not be read (${message.split('\n')[0]}).`);
  }
}

/** Workbook and SPSS readers load SheetJS, which costs every command's start: loaded when needed. */
async function stageByFormat(
  ctx: ReaderContext,
  format: SourceFormat,
  head: Buffer,
): Promise<ReaderResult> {
  switch (format) {
    case 'csv':
      return stageDelimited(ctx);
    case 'xlsx':
    case 'xls':
      return (await import('./xlsxReader')).stageWorkbook(ctx, head);
    case 'parquet':
      return stageParquet(ctx);
    case 'jsonl':
      return stageJson(ctx, head);
    case 'sav':
      return (await import('./savReader')).stageSav(ctx);
  }
}

function unreadable(
  fileName: string,
  head: Buffer,
  expected: SourceFormat | undefined,
): UpstreamError {
  const container = containerOf(head);
  if (container === 'gzip')
    return importError(
      fileName,
      'is gzip-compressed: unpack it first, then import the file inside.',
    );
  if (container === 'pdf')
    return importError(
      fileName,
      'is a PDF document, not data: export the report as CSV or XLSX instead.',
    );
  if (expected === 'sav')
    return importError(
      fileName,
      'is not an SPSS .sav file (a .sav file starts with "$FL2"): export it from SPSS again with File > Save As > SPSS Statistics (*.sav).',
    );
  if (expected === 'parquet')
    return importError(
      fileName,
      'is not a Parquet file (it does not start with "PAR1"): export it again.',
    );
  return notText(fileName, 'it is not text, and not a format Upstream knows');
}
