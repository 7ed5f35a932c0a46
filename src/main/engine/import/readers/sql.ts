/**
 * SQL text for the relations readers hand back. File paths and column names reach DuckDB only
 * as quoted literals or quoted identifiers built here.
 */

/** A SQL string literal: single quotes doubled (DuckDB does not treat backslashes specially). */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A quoted identifier: double quotes doubled. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export interface CsvRelationSpec {
  path: string;
  /** Records (DuckDB counts rows, not physical lines, and counts blank lines) before the data. */
  skip: number;
  delimiter: string;
  quote: string;
  escape: string;
  names: string[];
}

/** Longest record DuckDB will accept; a 1 MB comment fits with room to spare. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/**
 * The size of the blocks DuckDB's CSV reader reads a file in (DuckDB refuses one no larger than
 * MAX_LINE_BYTES). Measured on this project's 2-core machine, inserting into a workspace table
 * and then checkpointing: DuckDB's own choice for an 8 MB record limit, 128 MB, takes 0.55 s
 * instead of 0.32 s over a 30 MB file of 625k rows; 16 or 32 MB blocks insert fast but leave
 * part-filled row groups that the next checkpoint rewrites, which is work deferred, not saved
 * (0.19 s for those 625k rows, 2.5 s for 5M); 64 MB does neither.
 */
export const READ_BLOCK_BYTES = 64 * 1024 * 1024;

function delimiterLiteral(delimiter: string): string {
  return delimiter === '\t' ? "'\\t'" : sqlString(delimiter);
}

const NO_TYPES: ReadonlyMap<string, string> = new Map();

/** strptime formats the reader parses DATE and TIMESTAMP columns with (default: ISO). */
export interface DateReadFormats {
  dateformat?: string;
  timestampformat?: string;
}

/**
 * A strict read_csv over a UTF-8 file: no sniffing (auto_detect = false), so every option is
 * ours and a bad row fails with its row number instead of a vague "could not sniff" error.
 * Columns are VARCHAR unless `types` gives one a DuckDB type, which the reader then casts to as
 * it parses (a cell that does not cast stops the read), dates and times in `formats` if given.
 */
export function readCsvSql(
  spec: CsvRelationSpec,
  types: ReadonlyMap<string, string> = NO_TYPES,
  formats: DateReadFormats = {},
): string {
  const columns = spec.names
    .map((name) => `${sqlString(name)}: ${sqlString(types.get(name) ?? 'VARCHAR')}`)
    .join(', ');
  return [
    `read_csv(${sqlString(spec.path)}`,
    'auto_detect = false',
    'header = false',
    `skip = ${spec.skip}`,
    `delim = ${delimiterLiteral(spec.delimiter)}`,
    `quote = ${sqlString(spec.quote)}`,
    `escape = ${sqlString(spec.escape)}`,
    "encoding = 'utf-8'",
    `columns = {${columns}}`,
    'strict_mode = true',
    'null_padding = false',
    'ignore_errors = false',
    ...(formats.dateformat ? [`dateformat = ${sqlString(formats.dateformat)}`] : []),
    ...(formats.timestampformat ? [`timestampformat = ${sqlString(formats.timestampformat)}`] : []),
    `max_line_size = ${MAX_LINE_BYTES}`,
    `buffer_size = ${READ_BLOCK_BYTES})`,
  ].join(', ');
}
