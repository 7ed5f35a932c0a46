/**
 * A text cell starting with = + - @ (or a tab or carriage return) would run as a formula in Excel
 * or LibreOffice, so it gets a leading apostrophe (OWASP's CSV injection advice). Numbers are never
 * touched: a negative number stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell for a spreadsheet or CSV: numbers as numbers, everything else as neutralised text. */
export function neutraliseCell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  return neutraliseText(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** One CSV field: neutralised, quoted when it holds a quote, comma or line break. */
export function csvField(value: unknown): string {
  const cell = neutraliseCell(value);
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** CSV lines joined with CRLF, ending with one, as spreadsheets expect. */
export function csvLines(rows: unknown[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
