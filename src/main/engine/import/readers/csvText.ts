/**
 * A small RFC 4180 parser for the start of a delimited file: enough to sniff the dialect and to
 * read header rows (which may hold quoted line breaks). The data itself is parsed by DuckDB.
 */
export interface Dialect {
  delimiter: string;
  quote: string;
  /** The quote itself ("" inside a quoted field) or a backslash. */
  escape: string;
}

export interface ParsedRecord {
  fields: string[];
  /** A line with nothing on it (DuckDB skips these when there is more than one column). */
  blank: boolean;
  /** 1-based physical line where the record starts. */
  line: number;
}

export interface ParseResult {
  records: ParsedRecord[];
  /** Whether the last record ended with a line break or at the real end of the text. */
  lastComplete: boolean;
  /** The last record is inside a quoted field that never closes. */
  openQuote: boolean;
  /** A closing quote followed by something other than a delimiter or line break. */
  strayQuotes: number;
}

export function parseRecords(
  text: string,
  dialect: Dialect,
  maxRecords: number,
  textIsWholeFile: boolean,
): ParseResult {
  const { delimiter, quote, escape } = dialect;
  const records: ParsedRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuote = false;
  let quotedField = false;
  let strayQuotes = 0;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let lastEnd = 0;
  const n = text.length;
  const finish = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !quotedField;
    records.push({ fields, blank, line: recordLine });
    fields = [];
    field = '';
    quotedField = false;
  };
  while (i < n && records.length < maxRecords) {
    const c = text[i]!;
    if (inQuote) {
      if (escape !== quote && c === escape && i + 1 < n) {
        field += text[i + 1];
        if (text[i + 1] === '\n') line++;
        i += 2;
        continue;
      }
      if (c === quote) {
        if (escape === quote && text[i + 1] === quote) {
          field += quote;
          i += 2;
          continue;
        }
        inQuote = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r')
          strayQuotes++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === quote && field === '' && !quotedField) {
      inQuote = true;
      quotedField = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      quotedField = false;
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      finish();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      lastEnd = i;
      continue;
    }
    field += c;
    i++;
  }
  let lastComplete = true;
  let openQuote = false;
  if (records.length < maxRecords && lastEnd < n) {
    // Text left after the last line break: a record without a final newline, or one cut short.
    openQuote = inQuote;
    if (textIsWholeFile && !inQuote) finish();
    else lastComplete = false;
  }
  return { records, lastComplete, openQuote, strayQuotes };
}
