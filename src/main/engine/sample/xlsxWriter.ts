import * as XLSX from '@e965/xlsx';
import type { CsvValue } from './csvWriter';

export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: readonly (readonly CsvValue[])[];
  /** Columns whose numbers are Excel date serials, shown day-first as an HRIS in the UK would. */
  dateColumns: readonly number[];
  widths: readonly number[];
}

export interface WorkbookSpec {
  title: string;
  author: string;
  /** Fixed, so the same seed gives the same bytes. */
  created: Date;
  sheets: readonly SheetSpec[];
}

export const EXCEL_DATE_FORMAT = 'dd/mm/yyyy';

function cellOf(value: CsvValue, isDate: boolean): XLSX.CellObject | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    return isDate ? { t: 'n', v: value, z: EXCEL_DATE_FORMAT } : { t: 'n', v: value };
  }
  if (typeof value === 'boolean') return { t: 'b', v: value };
  return { t: 's', v: value };
}

function sheetOf(spec: SheetSpec): XLSX.WorkSheet {
  const sheet: XLSX.WorkSheet = {};
  const rows = [spec.header, ...spec.rows];
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = cellOf(value, r > 0 && spec.dateColumns.includes(c));
      if (cell) sheet[XLSX.utils.encode_cell({ r, c })] = cell;
    });
  });
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: rows.length - 1, c: spec.header.length - 1 },
  });
  sheet['!cols'] = spec.widths.map((wch) => ({ wch }));
  return sheet;
}

/**
 * An .xlsx workbook's bytes. SheetJS writes no clock time of its own (zip entries carry no
 * timestamps), and the document properties are given, so the bytes depend only on the spec.
 */
export function workbookBytes(spec: WorkbookSpec): Buffer {
  const book = XLSX.utils.book_new();
  for (const sheet of spec.sheets) XLSX.utils.book_append_sheet(book, sheetOf(sheet), sheet.name);
  book.Props = {
    Title: spec.title,
    Author: spec.author,
    LastAuthor: spec.author,
    CreatedDate: spec.created,
    ModifiedDate: spec.created,
  };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
