import { UpstreamError } from '../../../../shared/result';
import { importError } from './errors';
import { sqlString } from './sql';
import type { StagedSource } from './types';

/**
 * Turns an error DuckDB raised while reading a staged relation into an IMPORT_ERROR that names
 * the user's file and the row (DuckDB counts rows the way the file does: header rows and blank
 * lines included, a quoted line break does not start a new row), and says what to do.
 */
export function explainReadError(
  fileName: string,
  error: unknown,
  staged?: Pick<StagedSource, 'columns' | 'format'>,
): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const row = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const where = row ? `row ${row}` : 'a row';
  const columns = staged?.columns.length;

  const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (counts) {
    const expected = Number(counts[1]);
    const found = Number(counts[2]);
    return importError(
      fileName,
      found < expected
        ? `${where} has ${found} value${found === 1 ? '' : 's'} but the header has ${columns ?? expected} columns. If it is the last row, the file may have been cut short: export it again; otherwise check that row for a missing delimiter or a stray line break.`
        : `${where} has ${found} values but the header has ${columns ?? expected} columns. Check that row for a delimiter inside a cell that is not quoted, or a missing header name.`,
    );
  }
  if (/unterminated quote/i.test(message))
    return importError(
      fileName,
      `${where} has a quote that is never closed, or text right after a closing quote. Inside a quoted cell a quote must be written twice (""); if the row is at the end of the file, the file may have been cut short: export it again.`,
    );
  if (/Invalid unicode|not utf-8 encoded/i.test(message))
    return importError(
      fileName,
      `${where} is not valid UTF-8 text. Save the file again as UTF-8 (CSV UTF-8 in Excel).`,
    );
  if (/Maximum line size/i.test(message))
    return importError(
      fileName,
      `${where} is longer than DuckDB's limit for one row (8 MB), usually because a quote is never closed. Check the quoting around that row.`,
    );
  const json =
    /Malformed JSON.*?(?:at byte (\d+) )?in (?:line|record\/value) (\d+): ([^\n]*)/i.exec(message);
  if (json)
    return importError(
      fileName,
      `line ${json[2]} is not valid JSON (${json[3]!.replace(/\.$/, '')}). Each line must be one complete JSON object.`,
    );
  const first = message.split('\n')[0]!.replace(/"[^"]*source-[0-9a-f-]+\.\w+"/g, 'the file');
  return importError(fileName, `could not be read: ${first}`);
}

/**
 * The same relation, but rows DuckDB cannot parse (wrong number of values, a quote never
 * closed) are left out and recorded in two temporary tables instead of failing the read:
 * `rejectsTable` (line, column_name, error_type, csv_line, error_message) and `scanTable`
 * (the file and options). Only for read_csv relations; null otherwise.
 */
export function withRejects(
  relationSql: string,
  rejectsTable: string,
  scanTable: string,
): string | null {
  if (!relationSql.startsWith('read_csv(') || !relationSql.endsWith(')')) return null;
  return `${relationSql.slice(0, -1).replace('ignore_errors = false', 'ignore_errors = true')}, store_rejects = true, rejects_table = ${sqlString(rejectsTable)}, rejects_scan = ${sqlString(scanTable)})`;
}
