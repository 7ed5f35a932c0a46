import { csvLines } from '../main/engine/export/neutralise';

/** CSV for spreadsheets, its cells neutralised against formula injection (neutralise.ts). */
export function toCsv(rows: Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return csvLines([columns, ...rows.map((r) => columns.map((c) => r[c]))]);
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
