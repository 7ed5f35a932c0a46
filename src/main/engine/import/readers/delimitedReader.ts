import { linkOrCopy, readHead, stagedPath, type ReaderContext, type ReaderResult } from './context';
import { parseRecords, type Dialect, type ParsedRecord } from './csvText';
import { controlCharShare, decodeSample, guessEncoding } from './encoding';
import { importError } from './errors';
import {
  isQualtrics,
  isSurveyMonkey,
  plainLayout,
  qualtricsLayout,
  surveyMonkeyLayout,
  type HeaderLayout,
} from './headerShapes';
import { detectDecimalComma, looksLikeData, modeWidth, sniffDialect } from './sniffDelimited';
import { readCsvSql, type CsvRelationSpec } from './sql';
import {
  hasInnerBlankLine,
  rewriteText,
  scanUtf8,
  type Progress,
  type Utf8Scan,
} from './textStaging';
import type { StagedSource, TextEncoding, UnscannedText } from './types';

/**
 * Delimited text (CSV, TSV, pipe, semicolon): the start of the file is decoded and parsed here to
 * find the encoding, dialect and header rows; the file itself goes to staging as UTF-8 (linked
 * or copied when it already is, re-encoded in a stream when not) and DuckDB parses the data.
 */
const SAMPLE_BYTES = 1024 * 1024;
const MAX_HEADER_BYTES = 16 * 1024 * 1024;
const SAMPLE_RECORDS = 400;

interface Sample {
  text: string;
  whole: boolean;
  encoding: TextEncoding;
  bomLength: number;
  mixed: boolean;
}

export function notText(fileName: string, why: string) {
  return importError(
    fileName,
    `is not a file Upstream can read: ${why}. Upstream reads CSV/TSV text, Excel (.xlsx), Parquet, JSON lines and SPSS (.sav); export the data in one of those formats.`,
  );
}

async function readSample(ctx: ReaderContext, bytes: number): Promise<Sample> {
  const head = await readHead(ctx.filePath, bytes);
  const whole = head.length >= ctx.size;
  const guess = guessEncoding(head, whole);
  if (guess.kind === 'binary') throw notText(ctx.fileName, guess.reason);
  const text = decodeSample(head, guess.encoding, guess.bomLength, whole);
  if (controlCharShare(text.slice(0, 65536)) > 0.01)
    throw notText(ctx.fileName, 'it contains binary data (control characters)');
  return { text, whole, encoding: guess.encoding, bomLength: guess.bomLength, mixed: guess.mixed };
}

/** A record with no data: blank, or every field empty. */
function isEmptyRecord(r: ParsedRecord): boolean {
  return r.blank || r.fields.every((f) => f.trim() === '');
}

function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 40 ? `${flat.slice(0, 40)}…` : flat}"`;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export async function stageDelimited(ctx: ReaderContext): Promise<ReaderResult> {
  let sample = await readSample(ctx, SAMPLE_BYTES);
  if (sample.text.trim() === '')
    throw importError(ctx.fileName, 'has no data: it holds only blank lines or spaces.');
  let dialect = sniffDialect(sample.text, sample.whole);
  let parsed = parseRecords(sample.text, dialect, SAMPLE_RECORDS, sample.whole);
  if (!sample.whole && parsed.records.length < 4) {
    // Header rows longer than the sample (huge quoted question texts): read further.
    sample = await readSample(ctx, MAX_HEADER_BYTES);
    dialect = sniffDialect(sample.text, sample.whole);
    parsed = parseRecords(sample.text, dialect, SAMPLE_RECORDS, sample.whole);
    if (parsed.records.length === 0)
      throw importError(
        ctx.fileName,
        `the first row is longer than ${MAX_HEADER_BYTES / 1024 / 1024} MB, so the quoting is probably broken: check for a quote (${dialect.quote}) that is never closed near the start of the file.`,
      );
  }
  const records = parsed.records;
  if (records.length === 0 && parsed.openQuote)
    throw importError(
      ctx.fileName,
      `row 1 has a quote (${dialect.quote}) that is never closed, so the rest of the file would be one cell. Fix the quoting (a quote inside a quoted cell is written twice) or export the file again.`,
    );

  const warnings: string[] = [];
  const { width: modal } = modeWidth(records);

  // Title lines above the header ("Engagement survey export, 3 March") have one cell.
  let h = 0;
  while (
    h < records.length - 1 &&
    (isEmptyRecord(records[h]!) || (modal > 1 && records[h]!.fields.length === 1))
  )
    h++;
  if (h > 0) {
    const titles = records.slice(0, h).filter((r) => !isEmptyRecord(r));
    warnings.push(
      titles.length > 0
        ? `${h} ${plural(h, 'line', 'lines')} above the header skipped (${titles
            .slice(0, 2)
            .map((r) => shortQuote(r.fields[0]!))
            .join(', ')}).`
        : `${h} blank ${plural(h, 'line', 'lines')} above the header skipped.`,
    );
  }
  const header = records[h];
  if (!header) throw importError(ctx.fileName, 'has no data: it holds only blank lines or spaces.');
  const rows = records.slice(h).map((r) => r.fields);
  const headerWidth = header.fields.length;

  type Shape = 'qualtrics' | 'surveymonkey' | 'headerless' | 'plain';
  let shape: Shape = 'plain';
  if (isQualtrics(rows)) shape = 'qualtrics';
  else if (isSurveyMonkey(rows)) shape = 'surveymonkey';
  else if (records.length - h > 1 && looksLikeData(header)) shape = 'headerless';
  const headerRecords = { qualtrics: 3, surveymonkey: 2, headerless: 0, plain: 1 }[shape];

  // Rows wider than the header get named columns; empty header cells past the rows' width go.
  const dataRecords = records.slice(h + headerRecords).filter((r) => !r.blank);
  const data = modeWidth(dataRecords);
  let width = headerWidth;
  const clearMajority = dataRecords.length > 0 && data.share > 0.5;
  if (clearMajority && data.width > headerWidth) width = data.width;
  else if (
    clearMajority &&
    data.width < headerWidth &&
    header.fields.slice(data.width).every((f) => f.trim() === '')
  ) {
    width = data.width;
    const dropped = headerWidth - width;
    warnings.push(
      `${dropped} empty ${plural(dropped, 'column', 'columns')} at the end of the header dropped (the rows have ${width} columns).`,
    );
  }

  let layout: HeaderLayout;
  if (shape === 'qualtrics') layout = qualtricsLayout(rows, width);
  else if (shape === 'surveymonkey') layout = surveyMonkeyLayout(rows, width);
  else if (shape === 'headerless') {
    layout = plainLayout(undefined, width);
    warnings.push(
      `row ${h + 1} holds only numbers and dates, so it was read as data, not as a header: the columns are named column_1 to column_${width}.`,
    );
  } else layout = plainLayout(header.fields, width);
  warnings.push(...layout.warnings);

  const skip = h + layout.rows;
  const decimalComma = detectDecimalComma(dataRecords, dialect.delimiter);
  const staged = await stageText(ctx, sample, dialect, width, skip, warnings);
  const csv: CsvRelationSpec = {
    path: staged.path,
    skip,
    delimiter: dialect.delimiter,
    quote: dialect.quote,
    escape: dialect.escape,
    names: layout.columns.map((c) => c.name),
  };
  return {
    ...(staged.unscanned ? { unscannedText: staged.unscanned } : {}),
    format: 'csv',
    encoding: staged.encoding,
    delimiter: dialect.delimiter,
    decimalComma,
    headerShape: layout.shape,
    columns: layout.columns,
    relationSql: readCsvSql(csv),
    csv,
    firstDataRow: skip + 1,
    warnings,
  };
}

async function stageText(
  ctx: ReaderContext,
  sample: Sample,
  dialect: Dialect,
  width: number,
  skip: number,
  warnings: string[],
): Promise<{ path: string; encoding: TextEncoding; unscanned?: UnscannedText }> {
  const progress: Progress = {
    fileName: ctx.fileName,
    total: ctx.size,
    ...(ctx.options.onProgress ? { onProgress: ctx.options.onProgress } : {}),
    ...(ctx.options.signal ? { signal: ctx.options.signal } : {}),
  };
  const dest = stagedPath(ctx, '.csv');
  const encoding = sample.encoding;
  const utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
  if (utf8 && !sample.mixed && ctx.options.deferTextScan) {
    await linkOrCopy(ctx, ctx.filePath, dest);
    return { path: dest, encoding, unscanned: { path: dest, skipBytes: sample.bomLength, width } };
  }
  if (utf8 && !sample.mixed) {
    // The common case: already UTF-8. One read-only pass checks it all is, then a link or copy.
    const scan = await scanUtf8(ctx.filePath, sample.bomLength, progress);
    if (usableAsIs(scan, width)) {
      await linkOrCopy(ctx, ctx.filePath, dest);
      return { path: dest, encoding };
    }
  }
  // Filling blank lines needs a character-by-character pass: only when the file has them.
  const fill =
    width > 1 && (await hasInnerBlankLine(ctx.filePath, sample.bomLength, encoding, progress));
  const result = await rewriteText(
    ctx.filePath,
    dest,
    {
      encoding,
      skipBytes: sample.bomLength,
      ...(fill ? { fill: { ...dialect, width, fromRecord: skip } } : {}),
    },
    progress,
  );
  if (utf8 && result.fallbackBytes > 0) {
    const n = result.fallbackBytes;
    warnings.push(
      `${n} ${plural(n, 'byte is', 'bytes are')} not valid UTF-8 (the first on line ${result.firstFallbackLine}) and ${plural(n, 'was', 'were')} read as Windows-1252: the file mixes encodings, so check the text on ${plural(n, 'that line', 'those lines')}, or save the file again as UTF-8.`,
    );
  }
  if (result.blankLinesFilled > 0) {
    const n = result.blankLinesFilled;
    warnings.push(
      n === 1
        ? '1 blank line between rows is read as an empty row, so row numbers match the file.'
        : `${n} blank lines between rows are read as empty rows, so row numbers match the file.`,
    );
  }
  return { path: dest, encoding };
}

/** A UTF-8 file DuckDB can read as it is: all valid, and no blank line that would shift row numbers. */
function usableAsIs(scan: Utf8Scan, width: number): boolean {
  return scan.invalidBytes === 0 && (!scan.blankLineInside || width === 1);
}

/**
 * The scan a deferred staging skipped: true when the file staged as it is is exactly what a full
 * staging would have made (valid UTF-8, row numbers right). False means stage it again.
 */
export async function confirmStagedText(
  staged: StagedSource,
  fileName: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const text = staged.unscannedText;
  if (!text) return true;
  const scan = await scanUtf8(text.path, text.skipBytes, {
    fileName,
    total: 0,
    ...(signal ? { signal } : {}),
  });
  return usableAsIs(scan, text.width);
}
