import type * as XLSX from '@e965/xlsx';

/**
 * Which sheet of a workbook holds the records, when the analyst names none. Workbooks people
 * send put a pivot summary, a chart sheet, notes or an empty sheet first; the data is the sheet
 * that looks most like a table of records: a header row, then the most rows with values in two
 * or more of its columns. A sheet with pivot-table labels ("Row Labels", "Grand Total",
 * "Sum of ...") counts for a fifth of its rows: it summarises the records, it is not them.
 */
export interface SheetShape {
  name: string;
  /** Rows below the header with at least two values. */
  records: number;
  /** Columns of the header row with a value. */
  columns: number;
  pivot: boolean;
  chart: boolean;
  score: number;
}

const PIVOT_LABEL =
  /^(?:row labels|column labels|grand total|\(blank\)|(?:sum|count|average|max|min) of .+|.+ total)$/i;

function filled(cell: XLSX.CellObject | undefined): boolean {
  return !!cell && cell.t !== 'z' && cell.v !== undefined && String(cell.v).trim() !== '';
}

export function sheetShape(name: string, sheet: XLSX.WorkSheet | undefined): SheetShape {
  const chart = (sheet as { '!type'?: string } | undefined)?.['!type'] === 'chart';
  const rows = sheet?.['!data'] ?? [];
  let header = -1;
  let columns = 0;
  let records = 0;
  let pivot = false;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    let count = 0;
    for (const cell of row) {
      if (!filled(cell)) continue;
      count++;
      if (cell!.t === 's' && PIVOT_LABEL.test(String(cell!.v).trim())) pivot = true;
    }
    if (header < 0) {
      if (count >= 2) {
        header = r;
        columns = count;
      }
    } else if (count >= 2) records++;
  }
  const score = chart ? 0 : records * (pivot ? 0.2 : 1) + (columns >= 2 ? 0.5 : 0);
  return { name, records, columns, pivot, chart, score };
}

/** The best sheet (the first of equals), and what the report says about the choice. */
export function chooseSheet(shapes: SheetShape[]): { chosen: SheetShape; note: string | null } {
  let chosen = shapes[0]!;
  for (const s of shapes) if (s.score > chosen.score) chosen = s;
  if (shapes.length < 2) return { chosen, note: null };
  const others = shapes
    .filter((s) => s !== chosen)
    .map((s) => {
      const what = s.chart
        ? 'a chart'
        : s.pivot
          ? 'a pivot summary'
          : s.records === 0 && s.columns === 0
            ? 'empty or no table'
            : `${s.records} row${s.records === 1 ? '' : 's'}`;
      return `"${s.name}" (${what})`;
    });
  return {
    chosen,
    note: `sheet "${chosen.name}" read: it looks most like a table of records (${chosen.records} rows under a header of ${chosen.columns} columns); other sheets: ${others.join(', ')}. Choose another sheet if this is wrong.`,
  };
}
