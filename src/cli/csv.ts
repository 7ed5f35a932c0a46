/**
 * CSV for spreadsheets. A cell starting with = + - @ (or a tab/CR) would run as a formula in
 * Excel or LibreOffice, so it is prefixed with an apostrophe (OWASP's CSV injection advice);
 * negative numbers are written as numbers, not text, so they stay numbers.
 */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    [
      columns.map(cell).join(','),
      ...rows.map((r) => columns.map((c) => cell(r[c])).join(',')),
    ].join('\r\n') + '\r\n'
  );
}

/** The rows a method's result is best read as: its first list of records, or the result itself. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  if (result && typeof result === 'object') {
    for (const value of Object.values(result)) {
      if (
        Array.isArray(value) &&
        value.every((v) => v && typeof v === 'object' && !Array.isArray(v))
      ) {
        return value as Record<string, unknown>[];
      }
    }
    return [result as Record<string, unknown>];
  }
  return [{ value: result }];
}
