import { listSome } from './columnNames';
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
import { readCsvSql } from './sql';
import { rewriteText, scanUtf8, type Progress } from './textStaging';
import type { TextEncoding } from './types';

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

export function notText(fileName: string, why: string) {
  return importError(
    fileName,
    `is not a file Upstream can read: ${why}. Upstream reads CSV/TSV text, Excel (.xlsx), Parquet, JSON lines and SPSS (.sav); export the data in one of those formats.`,
  );
}

/** A record with no data: blank, or every field empty. */
function isEmptyRecord(r: ParsedRecord): boolean {
  return r.blank || r.fields.every((f) => f.trim() === '');
}

function quoteDescription(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `"${shown.replace(/\s+/g, ' ')}"`;
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
        `the first row is longer than ${MAX_HEADER_BYTES / 1024 / 1024} MB, so the quoting is probably broken: check for a quote (") that is never closed near the start of the file.`,
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
    const titled = records.slice(0, h).filter((r) => !isEmptyRecord(r));
    warnings.push(
      titled.length > 0
        ? `${h} line${h > 1 ? 's' : ''} above the header skipped (${titled.map((r) => quoteDescription(r.fields[0]!)).slice(0, 2).join(', ')}).`
        : `${h} blank line${h > 1 ? 's' : ''} above the header skipped.`,
    );
  }
  const rows = records.slice(h).map((r) => r.fields);
  const header = records[h];
  if (!header) throw importError(ctx.fileName, 'has no data: it holds only blank lines or spaces.');

  let layout: HeaderLayout;
  const headerWidth = header.fields.length;
  if (isQualtrics(rows)) layout = qualtricsLayout(rows, headerWidth);
  else if (isSurveyMonkey(rows)) layout = surveyMonkeyLayout(rows, headerWidth);
  else if (records.length - h > 1 && looksLikeData(header)) {
    layout = plainLayout(undefined, headerWidth);
    warnings.push(
      `row ${h + 1} holds only numbers and dates, so it was read as data, not as a header: the columns are named column_1 to column_${headerWidth}.`,
    );
  } else layout = plainLayout(header.fields, headerWidth);

  // Data rows wider or narrower than the header.
  const dataRecords = records.slice(h + layout.rows).filter((r) => !r.blank);
  const data = modeWidth(dataRecords);
  let width = headerWidth;
  if (dataRecords.length > 0 && data.width > headerWidth) {
    const extra = plainLayout(undefined, data.width).columns.slice(headerWidth);
    const used = new Set(layout.columns.map((c) => c.name.toLowerCase()));
    for (const column of extra) {
      let name = column.name;
      while (used.has(name.toLowerCase())) name = `${name}_2`;
      used.add(name.toLowerCase());
      layout.columns.push({ name });
    }
    warnings.push(
      `the header names ${headerWidth} columns but the rows have ${data.width}: the extra column${data.width - headerWidth > 1 ? 's are' : ' is'} called ${listSome(layout.columns.slice(headerWidth).map((c) => c.name))}.`,
    );
    width = data.width;
  } else if (dataRecords.length > 0 && data.width < headerWidth) {
    const trailing = header.fields.slice(data.width);
    if (trailing.every((f) => f.trim() === '')) {
      layout.columns = layout.columns.slice(0, data.width);
      warnings.push(
        `${headerWidth - data.width} empty column${headerWidth - data.width > 1 ? 's' : ''} at the end of the header dropped (the rows have ${data.width} columns).`,
      );
      width = data.width;
    }
  }
  const skip = h + layout.rows;
  const decimalComma = detectDecimalComma(dataRecords, dialect.delimiter);
  warnings.push(...layout.warnings);

  const staged = await stageText(ctx, sample, dialect, width, warnings);
  return {
    format: 'csv',
    encoding: staged.encoding,
    delimiter: dialect.delimiter,
    decimalComma,
    headerShape: layout.shape,
    columns: layout.columns,
    relationSql: readCsvSql({
      path: staged.path,
      skip,
      delimiter: dialect.delimiter,
      quote: dialect.quote,
      escape: dialect.escape,
      names: layout.columns.map((c) => c.name),
    }),
    firstDataRow: skip + 1,
    warnings,
  };
}

async function stageText(
  ctx: ReaderContext,
  sample: Sample,
  dialect: Dialect,
  width: number,
  warnings: string[],
): Promise<{ path: string; encoding: TextEncoding }> {
  const progress: Progress = {
    fileName: ctx.fileName,
    total: ctx.size,
    ...(ctx.options.onProgress ? { onProgress: ctx.options.onProgress } : {}),
    ...(ctx.options.signal ? { signal: ctx.options.signal } : {}),
  };
  const dest = stagedPath(ctx, '.csv');
  const fill = { ...dialect, width };
  const encoding = sample.encoding;
  const isUtf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
  if (isUtf8 && !sample.mixed) {
    const scan = await scanUtf8(ctx.filePath, sample.bomLength, progress);
    if (scan.invalidBytes === 0 && (!scan.blankLineInside || width === 1)) {
      await linkOrCopy(ctx, ctx.filePath, dest);
      return { path: dest, encoding };
    }
  }
  const result = await rewriteText(
    ctx.filePath,
    dest,
    { encoding, skipBytes: sample.bomLength, fill },
    progress,
  );
  if (isUtf8 && result.fallbackBytes > 0) {
    warnings.push(
      `${result.fallbackBytes} byte${result.fallbackBytes > 1 ? 's are' : ' is'} not valid UTF-8 (the first on line ${result.firstFallbackLine}) and ${result.fallbackBytes > 1 ? 'were' : 'was'} read as Windows-1252: the file mixes encodings, so check the text on ${result.fallbackBytes > 1 ? 'those lines' : 'that line'}, or save the file again as UTF-8.`,
    );
  }
  if (result.blankLinesFilled > 0)
    warnings.push(
      `${result.blankLinesFilled} blank line${result.blankLinesFilled > 1 ? 's' : ''} between rows ${result.blankLinesFilled > 1 ? 'are' : 'is'} read as empty row${result.blankLinesFilled > 1 ? 's' : ''}, so row numbers match the file.`,
    );
  return { path: dest, encoding };
}
