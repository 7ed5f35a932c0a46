/**
 * Which strptime formats (DuckDB's) a column's date or timestamp samples are written in. Day and
 * month order is decided by values above 12; a column where every value could be either is
 * reported as ambiguous so the caller can decide with the file's other date columns.
 */

export type DayOrder = 'dmy' | 'mdy';

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

/** One sample's shape; `{D}` marks an undecided day/month pair in `format`. */
interface DateShape {
  format: string;
  /** For numeric day/month pairs: the first and second number. */
  pair?: [number, number];
}

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return -1;
  const i = MONTHS.findIndex((m) => w.startsWith(m));
  if (i < 0) return -1;
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ][i] as string;
  return w === MONTHS[i] || w === full || (w === 'sept' && i === 8) ? i : -1;
}

function monthToken(word: string): string {
  const w = word.replace(/\.$/, '');
  return w.length > 3 && !(w.toLowerCase() === 'sept') ? '%B' : '%b';
}

const validYmd = (y: number, m: number, d: number) =>
  y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;

const TIME =
  /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(\s*)([AaPp]\.?[Mm]\.?)?(\s*)(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/;

function timeFormat(rest: string): string | null {
  const m = TIME.exec(rest);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const ampm = m[6];
  if (minute > 59 || (m[3] !== undefined && Number(m[3]) > 60)) return null;
  if (ampm ? hour < 1 || hour > 12 : hour > 23) return null;
  let f = `${ampm ? '%I' : '%H'}:%M`;
  if (m[3] !== undefined) f += ':%S';
  if (m[4] !== undefined) f += '.%f';
  if (ampm) f += `${m[5] ?? ''}%p`;
  const zone = m[8];
  if (zone) f += `${m[7] ?? ''}${zone === 'Z' || zone === 'UTC' || zone === 'GMT' ? zone : '%z'}`;
  return f;
}

/** Share of samples that are a time of day on their own ("14:05", "2:05 PM", "09:30:15"). */
export function timeOfDayShare(samples: string[]): number {
  if (samples.length === 0) return 0;
  return samples.filter((s) => timeFormat(s.trim()) !== null).length / samples.length;
}

/** The date part's shape and what follows it, or null when the text is not a date. */
function datePart(text: string): { shape: DateShape; rest: string } | null {
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(text);
  if (m) {
    if (!validYmd(Number(m[1]), Number(m[3]), Number(m[4]))) return null;
    const sep = m[2] as string;
    return { shape: { format: `%Y${sep}%m${sep}%d` }, rest: text.slice(m[0].length) };
  }
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = m[4] as string;
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
    if (year.length === 4 && !validYmd(Number(year), 1, 1)) return null;
    const sep = m[2] as string;
    return {
      shape: { format: `{D}${sep}{D}${sep}${year.length === 4 ? '%Y' : '%y'}`, pair: [a, b] },
      rest: text.slice(m[0].length),
    };
  }
  m = /^(\d{1,2})([-/ ])([A-Za-z]{3,9}\.?)\2(\d{4}|\d{2})(?!\d)/.exec(text);
  if (m) {
    const d = Number(m[1]);
    if (d < 1 || d > 31 || monthIndex(m[3] as string) < 0) return null;
    const sep = m[2] as string;
    const year = (m[4] as string).length === 4 ? '%Y' : '%y';
    return {
      shape: { format: `%d${sep}${monthToken(m[3] as string)}${sep}${year}` },
      rest: text.slice(m[0].length),
    };
  }
  m = /^([A-Za-z]{3,9}\.?) (\d{1,2})(,?) (\d{4})(?!\d)/.exec(text);
  if (m) {
    const d = Number(m[2]);
    if (d < 1 || d > 31 || monthIndex(m[1] as string) < 0) return null;
    return {
      shape: { format: `${monthToken(m[1] as string)} %d${m[3]} %Y` },
      rest: text.slice(m[0].length),
    };
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    if (!validYmd(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[1]) < 1990) return null;
    return { shape: { format: '%Y%m%d' }, rest: '' };
  }
  return null;
}

/** The strptime shape of one value, or null when it is not a date or timestamp. */
export function dateShape(value: string): DateShape | null {
  const text = value.trim();
  const date = datePart(text);
  if (!date) return null;
  if (date.rest.length === 0) return date.shape;
  const sep = /^(T|,? +)/.exec(date.rest);
  if (!sep) return null;
  const time = timeFormat(date.rest.slice(sep[0].length));
  if (time === null) return null;
  return { ...date.shape, format: `${date.shape.format}${sep[0]}${time}` };
}

export interface DateScan {
  /** Share of samples that read as a date or timestamp. */
  share: number;
  /** Samples that read as dates. */
  parsed: number;
  /** Whether any value carries a time of day. */
  hasTime: boolean;
  /** Day/month order: decided by values over 12, 'mixed' when both orders occur, null when undecided. */
  order: DayOrder | 'mixed' | null;
  /** Whether some values have an undecided day/month pair. */
  needsOrder: boolean;
  /** Formats with `{D}` placeholders, most frequent first, with their counts. */
  shapes: { format: string; count: number }[];
  /** An undecided example, for the problem message. */
  example?: string;
  /** When mixed: the order with more evidence. */
  lead?: DayOrder;
}

export function scanDates(samples: string[]): DateScan {
  const counts = new Map<string, number>();
  let parsed = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  let undecided = 0;
  let example: string | undefined;
  let hasTime = false;
  for (const sample of samples) {
    const shape = dateShape(sample);
    if (!shape) continue;
    parsed++;
    if (shape.format.includes('%H') || shape.format.includes('%I')) hasTime = true;
    counts.set(shape.format, (counts.get(shape.format) ?? 0) + 1);
    if (shape.pair) {
      const [a, b] = shape.pair;
      if (a > 12) dayFirst++;
      else if (b > 12) monthFirst++;
      else {
        undecided++;
        example ??= sample.trim();
      }
    }
  }
  const needsOrder = [...counts.keys()].some((f) => f.includes('{D}'));
  const order: DateScan['order'] =
    dayFirst > 0 && monthFirst > 0 ? 'mixed' : dayFirst > 0 ? 'dmy' : monthFirst > 0 ? 'mdy' : null;
  return {
    share: samples.length === 0 ? 0 : parsed / samples.length,
    parsed,
    hasTime,
    order,
    needsOrder: needsOrder && undecided + dayFirst + monthFirst > 0,
    shapes: [...counts.entries()]
      .map(([format, count]) => ({ format, count }))
      .sort((a, b) => b.count - a.count || a.format.localeCompare(b.format)),
    example,
    lead: order === 'mixed' ? (dayFirst >= monthFirst ? 'dmy' : 'mdy') : undefined,
  };
}

/** Replaces the `{D}` placeholders for the chosen order(s). */
export function resolveFormats(scan: DateScan, order: DayOrder): string[] {
  const orders: DayOrder[] =
    scan.order === 'mixed'
      ? [scan.lead ?? order, (scan.lead ?? order) === 'dmy' ? 'mdy' : 'dmy']
      : [scan.order ?? order];
  const formats: string[] = [];
  for (const { format } of scan.shapes) {
    if (!format.includes('{D}')) {
      formats.push(format);
      continue;
    }
    for (const o of orders) {
      const [first, second] = o === 'dmy' ? ['%d', '%m'] : ['%m', '%d'];
      formats.push(format.replace('{D}', first).replace('{D}', second));
    }
  }
  return [...new Set(formats)];
}

/** Whether numbers look like Excel serial dates (days since 1899-12-30, roughly 1995..2060). */
export function looksLikeExcelSerial(samples: string[]): boolean {
  if (samples.length === 0) return false;
  return samples.every(
    (s) => /^\d{5}(\.\d+)?$/.test(s) && Number(s) >= 34700 && Number(s) <= 58500,
  );
}

/**
 * The date format of Excel serial day numbers (days since 1899-12-30, the time of day as the
 * fraction): a workbook whose date cells lost their date format, as WPS Office and CSV exports
 * of workbooks can leave them ("45731" is 2025-03-15, "45731.5" noon that day).
 */
export const EXCEL_SERIAL = 'excel serial';
