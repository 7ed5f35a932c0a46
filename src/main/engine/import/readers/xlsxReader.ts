import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { cleanHeader, listSome, uniqueColumns } from './columnNames';
import { stagedPath, type ReaderContext, type ReaderResult } from './context';
import { CsvWriter } from './csvWriter';
import { containerOf } from './detectFormat';
import { importError, throwIfAborted } from './errors';
import { chooseSheet, sheetShape, type SheetShape } from './sheetChoice';
import { readCsvSql } from './sql';

/**
 * Excel workbooks (and other spreadsheets SheetJS reads: .xlsm, .xlsb, legacy .xls, .ods).
 * One sheet is written to a staged UTF-8 CSV: values, not formulas; dates as ISO text; merged
 * cells carry their value into every cell they cover, so a merged group header names each column.
 */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

const BASE_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer',
  dense: true,
  cellNF: true,
  cellDates: false,
  cellFormula: false,
  cellHTML: false,
  cellText: false,
  cellStyles: false,
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Which parts a number format shows (quoted text and [colour]/[locale] blocks ignored). */
function formatParts(format: string): { date: boolean; time: boolean } {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const time = /[hs]/i.test(bare);
  return { date: /[yd]/i.test(bare) || (/m/i.test(bare) && !time), time };
}

export function excelDateText(serial: number, format: string, date1904: boolean): string {
  const code = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!code) return formatNumber(serial);
  const parts = formatParts(format);
  const time = `${pad(code.H)}:${pad(code.M)}:${pad(code.S)}`;
  if (!parts.date && serial < 1) return time;
  const date = `${pad(code.y, 4)}-${pad(code.m)}-${pad(code.d)}`;
  const hasTime = code.H !== 0 || code.M !== 0 || code.S !== 0;
  return parts.time || hasTime ? `${date} ${time}` : date;
}

/** Numbers as Excel shows them at full precision: 15 significant digits, no float noise. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return ERROR_TEXT[cell.v as number] ?? '#ERROR';
    case 'n': {
      const value = cell.v as number;
      const format = typeof cell.z === 'string' ? cell.z : '';
      if (format !== '' && format !== 'General' && XLSX.SSF.is_date(format))
        return excelDateText(value, format, date1904);
      return formatNumber(value);
    }
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      return Number.isNaN(d.getTime())
        ? ''
        : d
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d+Z$/, '')
            .replace(/ 00:00:00$/, '');
    }
    default:
      return '';
  }
}

function cfbPaths(buffer: Buffer): string[] {
  try {
    return XLSX.CFB.read(buffer, { type: 'buffer' }).FullPaths.map((p: string) =>
      p.replace(/\/$/, '').split('/').pop()!.toLowerCase(),
    );
  } catch {
    return [];
  }
}

function passwordProtected(fileName: string) {
  return importError(
    fileName,
    'is password-protected: save an unprotected copy (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear the password) and import that.',
  );
}

function parse(fileName: string, buffer: Buffer, options: XLSX.ParsingOptions): XLSX.WorkBook {
  try {
    return XLSX.read(buffer, { ...BASE_OPTIONS, ...options });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password-protected/i.test(message)) throw passwordProtected(fileName);
    throw importError(
      fileName,
      `cannot be read as an Excel workbook (${message.split('\n')[0]}). Open it in Excel and save it again as .xlsx, or export the sheet as CSV.`,
    );
  }
}

function hasData(sheet: XLSX.WorkSheet | undefined): boolean {
  const rows = sheet?.['!data'];
  return (
    !!rows &&
    rows.some((row) =>
      row?.some((cell) => cell && cell.t !== 'z' && cell.v !== undefined && String(cell.v) !== ''),
    )
  );
}

export async function stageWorkbook(ctx: ReaderContext, head: Buffer): Promise<ReaderResult> {
  const { fileName } = ctx;
  const buffer = await readFile(ctx.filePath);
  const warnings: string[] = [];
  const legacy = containerOf(head) === 'cfb';
  if (legacy) {
    const paths = cfbPaths(buffer);
    if (paths.includes('encryptioninfo') || paths.includes('encryptedpackage'))
      throw passwordProtected(fileName);
    if (!paths.includes('workbook') && !paths.includes('book'))
      throw importError(
        fileName,
        'is an older Office document (OLE) but not an Excel workbook: export the data as .xlsx or CSV.',
      );
    warnings.push('read as a legacy Excel 97-2003 workbook (.xls); saving it as .xlsx is safer.');
  }

  const book = parse(fileName, buffer, { bookSheets: true, bookProps: true });
  const sheets = book.SheetNames;
  if (sheets.length === 0) throw importError(fileName, 'has no sheets.');

  let chosen: string | undefined;
  let sheet: XLSX.WorkSheet | undefined;
  let date1904 = false;
  const load = (name: string): XLSX.WorkSheet | undefined => {
    const wb = parse(fileName, buffer, { sheets: name });
    date1904 = !!wb.Workbook?.WBProps?.date1904;
    return wb.Sheets[name];
  };
  if (ctx.options.sheet !== undefined) {
    chosen =
      sheets.find((s) => s === ctx.options.sheet) ??
      sheets.find((s) => s.toLowerCase() === ctx.options.sheet!.toLowerCase());
    if (chosen === undefined)
      throw importError(
        fileName,
        `has no sheet named "${ctx.options.sheet}". Its sheets are: ${sheets.map((s) => `"${s}"`).join(', ')}.`,
      );
    sheet = load(chosen);
  } else {
    // The sheet that looks most like a table of records (sheetChoice.ts), not merely the first
    // with data: workbooks often open on a pivot summary or a chart.
    const shapes: SheetShape[] = [];
    let best: { name: string; sheet: XLSX.WorkSheet | undefined; date1904: boolean } | null = null;
    for (const name of sheets) {
      throwIfAborted(fileName, ctx.options.signal);
      const candidate = load(name);
      const shape = sheetShape(name, candidate);
      shapes.push(shape);
      if (!hasData(candidate)) continue;
      if (!best || shape.score > shapes.find((x) => x.name === best!.name)!.score)
        best = { name, sheet: candidate, date1904 };
    }
    if (best) {
      chosen = best.name;
      sheet = best.sheet;
      date1904 = best.date1904;
      // Said when a sheet with data came before it (the report names the sheet read anyway).
      const { note } = chooseSheet(shapes);
      const firstWithData = shapes.find((x) => x.score > 0);
      if (note && firstWithData && firstWithData.name !== chosen) warnings.push(note);
    }
    if (chosen === undefined)
      throw importError(
        fileName,
        `has no data: all ${sheets.length} sheet${sheets.length > 1 ? 's are' : ' is'} empty.`,
      );
  }
  const sheetName = chosen;
  const rows = sheet?.['!data'] ?? [];
  const merges = sheet?.['!merges'] ?? [];

  // Merged cells: every covered cell takes the value of the merge's top-left cell.
  const mergedFrom = new Map<string, XLSX.CellObject | undefined>();
  for (const m of merges) {
    const source = rows[m.s.r]?.[m.s.c];
    for (let r = m.s.r; r <= m.e.r; r++)
      for (let c = m.s.c; c <= m.e.c; c++)
        if (r !== m.s.r || c !== m.s.c) mergedFrom.set(`${r},${c}`, source);
  }
  const text = (r: number, c: number): string => {
    const key = `${r},${c}`;
    const cell = mergedFrom.has(key) ? mergedFrom.get(key) : rows[r]?.[c];
    return cellText(cell, date1904);
  };
  const rowValues = (r: number, from: number, to: number): string[] => {
    const out: string[] = [];
    for (let c = from; c <= to; c++) out.push(text(r, c));
    return out;
  };

  // The used area: first and last rows and columns with anything in them.
  let firstRow = -1;
  let lastRow = -1;
  let firstCol = Number.MAX_SAFE_INTEGER;
  let lastCol = -1;
  const nonEmptyCount: number[] = [];
  const mergeWidth = merges.reduce((w, m) => Math.max(w, m.e.c + 1), 0);
  const mergeHeight = merges.reduce((h, m) => Math.max(h, m.e.r + 1), 0);
  for (let r = 0; r < Math.max(rows.length, mergeHeight); r++) {
    const row = rows[r];
    let count = 0;
    const width = Math.max(row?.length ?? 0, mergeWidth);
    for (let c = 0; c < width; c++) {
      if (text(r, c) !== '') {
        count++;
        if (c < firstCol) firstCol = c;
        if (c > lastCol) lastCol = c;
      }
    }
    nonEmptyCount[r] = count;
    if (count > 0) {
      if (firstRow < 0) firstRow = r;
      lastRow = r;
    }
  }
  if (firstRow < 0)
    throw importError(
      fileName,
      `sheet "${sheetName}" is empty. Choose another sheet: ${sheets.map((s) => `"${s}"`).join(', ')}.`,
    );

  // Header: the first row with two or more values (title rows above it are skipped).
  let headerRow = firstRow;
  while (headerRow < lastRow && (nonEmptyCount[headerRow] ?? 0) < 2 && lastCol > firstCol)
    headerRow++;
  if (headerRow > firstRow)
    warnings.push(
      `sheet "${sheetName}": ${headerRow - firstRow} title row${headerRow - firstRow > 1 ? 's' : ''} above the header skipped (${cleanHeader(rowValues(firstRow, firstCol, lastCol).find((v) => v !== '') ?? '').slice(0, 40)}).`,
    );
  // Merged cells in the header row make a two-level header (group over sub-headers).
  let headerRows = 1;
  for (const m of merges) {
    if (m.s.r !== headerRow) continue;
    headerRows = Math.max(headerRows, m.e.r - m.s.r + 1);
    if (m.e.c > m.s.c && headerRow + 1 <= lastRow) headerRows = Math.max(headerRows, 2);
  }
  const headerTexts: string[] = [];
  for (let c = firstCol; c <= lastCol; c++) {
    const parts: string[] = [];
    for (let r = headerRow; r < headerRow + headerRows; r++) {
      const part = cleanHeader(text(r, c));
      if (part !== '' && !parts.includes(part)) parts.push(part);
    }
    headerTexts.push(parts.join(' - '));
  }
  const named = uniqueColumns(headerTexts);
  warnings.push(...named.warnings.map((w) => `sheet "${sheetName}": ${w}`));
  const dataStart = headerRow + headerRows;
  const dataMerges = merges.filter((m) => m.e.r >= dataStart);
  if (dataMerges.length > 0)
    warnings.push(
      `sheet "${sheetName}": ${dataMerges.length} merged cell range${dataMerges.length > 1 ? 's' : ''} in the data (${listSome(dataMerges.map((m) => XLSX.utils.encode_range(m)))}) filled with ${dataMerges.length > 1 ? 'their' : 'its'} value in every row.`,
    );

  const path = stagedPath(ctx, '.csv');
  const writer = new CsvWriter(path);
  try {
    for (let r = dataStart; r <= lastRow; r++) {
      if (r % 1000 === 0) throwIfAborted(fileName, ctx.options.signal);
      await writer.writeRow(rowValues(r, firstCol, lastCol));
    }
    await writer.close();
  } catch (error) {
    writer.destroy();
    throw error;
  }
  ctx.options.onProgress?.(ctx.size, ctx.size);
  return {
    format: legacy ? 'xls' : 'xlsx',
    headerShape: 'plain',
    sheets,
    sheet: sheetName,
    columns: named.columns,
    relationSql: readCsvSql({
      path,
      skip: 0,
      delimiter: ',',
      quote: '"',
      escape: '"',
      names: named.columns.map((c) => c.name),
    }),
    firstDataRow: dataStart + 1,
    warnings,
  };
}
