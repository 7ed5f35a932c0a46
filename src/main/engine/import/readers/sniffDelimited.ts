import { parseRecords, type Dialect, type ParsedRecord } from './csvText';

const DELIMITERS = [',', ';', '\t', '|'] as const;
const SNIFF_RECORDS = 400;

interface Candidate {
  dialect: Dialect;
  records: ParsedRecord[];
  width: number;
  score: number;
  strayQuotes: number;
}

function modeWidth(records: ParsedRecord[]): { width: number; share: number } {
  const counts = new Map<number, number>();
  const rows = records.filter((r) => !r.blank);
  for (const r of rows) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  let width = 1;
  let best = 0;
  for (const [w, c] of counts) {
    if (c > best || (c === best && w > width)) {
      width = w;
      best = c;
    }
  }
  return { width, share: rows.length === 0 ? 0 : best / rows.length };
}

function evaluate(text: string, dialect: Dialect, whole: boolean): Candidate {
  const parsed = parseRecords(text, dialect, SNIFF_RECORDS, whole);
  const { width, share } = modeWidth(parsed.records);
  const rows = parsed.records.filter((r) => !r.blank).length;
  // Consistent field counts above one column win; stray quotes (a quote closing mid-field) and an
  // unclosed quote mean the quoting rules are wrong.
  let score = width > 1 ? share : 0;
  if (rows > 0) score -= parsed.strayQuotes / rows;
  if (parsed.openQuote && whole) score -= 0.5;
  return { dialect, records: parsed.records, width, score, strayQuotes: parsed.strayQuotes };
}

/** Picks delimiter, quote and escape from the start of the file (quotes respected). */
export function sniffDialect(text: string, whole: boolean): Dialect {
  const candidates: Candidate[] = [];
  for (const delimiter of DELIMITERS) {
    candidates.push(evaluate(text, { delimiter, quote: '"', escape: '"' }, whole));
  }
  let best = candidates[0]!;
  for (const c of candidates) if (c.score > best.score + 1e-9) best = c;
  if (best.score <= 0) best = candidates[0]!;
  const delimiter = best.dialect.delimiter;
  const variants: Dialect[] = [];
  if (text.includes('\\"')) variants.push({ delimiter, quote: '"', escape: '\\' });
  if (!text.includes('"') && text.includes("'"))
    variants.push({ delimiter, quote: "'", escape: "'" });
  for (const v of variants) {
    const c = evaluate(text, v, whole);
    const usesQuote = c.records.some((r) => r.fields.length > 0) && quotedFieldCount(text, v) > 0;
    if (usesQuote && c.width >= best.width && c.score > best.score + 1e-9) best = c;
  }
  return best.dialect;
}

function quotedFieldCount(text: string, dialect: Dialect): number {
  const q = dialect.quote;
  const d = dialect.delimiter === '\t' ? '\\t' : `\\${dialect.delimiter}`;
  const re = new RegExp(`(^|${d}|\\n)${q === '"' ? '"' : "'"}`, 'g');
  return (text.match(re) ?? []).length;
}

const COMMA_DECIMAL = /^[-+]?(\d{1,3}(\.\d{3})+|\d+),\d+$/;
const POINT_DECIMAL = /^[-+]?\d+\.\d+$/;
const THOUSANDS_POINT = /^[-+]?\d{1,3}(\.\d{3})+$/;

/** Numbers like 1,5 (and 1.234,5) with no 1.5 anywhere: a decimal comma. */
export function detectDecimalComma(dataRecords: ParsedRecord[], delimiter: string): boolean {
  if (delimiter === ',') return false;
  let comma = 0;
  let point = 0;
  for (const r of dataRecords) {
    for (const raw of r.fields) {
      const f = raw.trim();
      if (COMMA_DECIMAL.test(f)) comma++;
      else if (POINT_DECIMAL.test(f) && !THOUSANDS_POINT.test(f)) point++;
    }
  }
  return comma > 0 && point === 0;
}

const NUMBER_OR_DATE =
  /^([-+]?(\d+([.,]\d+)?|\.\d+)([eE][-+]?\d+)?|\d{4}-\d{2}-\d{2}([ T][\d:.]+)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$/;

/** A first row made only of numbers and dates is data, not a header. */
export function looksLikeData(record: ParsedRecord): boolean {
  const nonEmpty = record.fields.map((f) => f.trim()).filter((f) => f !== '');
  return nonEmpty.length === record.fields.length && nonEmpty.every((f) => NUMBER_OR_DATE.test(f));
}

export { modeWidth };
